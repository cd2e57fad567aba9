package io.github.cwmarketing.whatsapp.pipeline;

import io.github.cwmarketing.whatsapp.http.GraphApiRequest;

/**
 * A request ready to send, with what the pipeline needs around it.
 *
 * @param operation     the component operation it performs (send, getOnboardingStatus...), for listeners
 * @param phoneNumberId the sending phone number id of a send, else null
 * @param request       the HTTP call; it holds the credentials, so it is never logged
 * @param pacer         the pacing bucket each attempt waits in; null = not paced
 */
public record OutgoingRequest(String operation, String phoneNumberId, GraphApiRequest request, Pacer pacer) {

    @Override
    public String toString() {
        return "OutgoingRequest[" + operation + ", " + request.method() + "]";
    }
}
