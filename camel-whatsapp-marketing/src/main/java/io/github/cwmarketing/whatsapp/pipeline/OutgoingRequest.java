package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.github.cwmarketing.whatsapp.http.GraphApiRequest;

/**
 * A request ready to send, with what the pipeline needs around it.
 *
 * @param operation     the component operation it performs (send, getOnboardingStatus...), for listeners
 * @param phoneNumberId the sending phone number id of a send, else null
 * @param request       the HTTP call; it holds the credentials, so it is never logged
 * @param pacer         the pacing bucket each attempt waits in; null = not paced
 * @param handOver      asked right before the first attempt leaves, after pacing: the request leaves only once its
 *                      stage completes; a failed stage fails the send with its exception, no request made (the
 *                      message ledger records the hand-over here); null = none
 */
public record OutgoingRequest(String operation, String phoneNumberId, GraphApiRequest request, Pacer pacer,
                              Supplier<CompletionStage<Void>> handOver) {

    public OutgoingRequest(String operation, String phoneNumberId, GraphApiRequest request, Pacer pacer) {
        this(operation, phoneNumberId, request, pacer, null);
    }

    @Override
    public String toString() {
        return "OutgoingRequest[" + operation + ", " + request.method() + "]";
    }
}
