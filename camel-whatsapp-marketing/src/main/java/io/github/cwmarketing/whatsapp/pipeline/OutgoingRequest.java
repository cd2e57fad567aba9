package io.github.cwmarketing.whatsapp.pipeline;

import io.github.cwmarketing.whatsapp.http.GraphApiRequest;

/**
 * A request ready to send, with what the pipeline needs around it.
 *
 * @param operation     the component operation it performs (send, getOnboardingStatus...), for listeners
 * @param phoneNumberId the sending phone number id of a send, else null
 * @param request       the HTTP call; it holds the credentials, so it is never logged
 * @param pacing        the pacing of the sending number each attempt waits in; null = not paced
 * @param pairKey       the recipient, for pair pacing (at most one message per 6 s to it); null = none
 * @param handOver      the message ledger's records around the attempts (see {@link HandOver}); null = none
 */
public record OutgoingRequest(String operation, String phoneNumberId, GraphApiRequest request, NumberPacing pacing,
                              String pairKey, HandOver handOver) {

    /** A request paced by nothing. */
    public OutgoingRequest(String operation, String phoneNumberId, GraphApiRequest request) {
        this(operation, phoneNumberId, request, null, null, null);
    }

    @Override
    public String toString() {
        return "OutgoingRequest[" + operation + ", " + request.method() + "]";
    }
}
