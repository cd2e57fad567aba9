package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingInvalidResponseException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.pipeline.MessageSender;
import io.github.cwmarketing.whatsapp.pipeline.NonBlockingThreads;
import io.github.cwmarketing.whatsapp.pipeline.OutgoingRequest;
import io.github.cwmarketing.whatsapp.util.UnreadableBodyException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * What every producer of the component does: validate the input and build the request before any network call, admit
 * it (a send's message ledger claim), send it through the endpoint's sender without blocking the route thread (unless
 * {@code maxPendingSends} wait already: backpressure), and put the result on the message. The exchange continues on
 * the HTTP client's I/O thread once the Graph API answers (or the last retry fails), or on the ledger's thread when it
 * is complete without a request (a duplicate, a suppressed recipient). A 2xx answer that
 * cannot be read fails the exchange with a typed exception: a read's
 * {@link WhatsAppMarketingInvalidResponseException} (nothing changed at Meta), any other request's
 * {@link WhatsAppMarketingUnknownOutcomeException} (Meta may have done what it asked).
 *
 * @param <P> what the producer prepares from a message: at least the request to send
 */
abstract class GraphApiProducer<P> extends DefaultAsyncProducer {

    private static final CompletionStage<Boolean> ADMITTED = CompletableFuture.completedFuture(Boolean.TRUE);
    private static final int MAX_CONTENT_TYPE_LENGTH = 80;

    protected GraphApiProducer(WhatsAppMarketingEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public WhatsAppMarketingEndpoint getEndpoint() {
        return (WhatsAppMarketingEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().sender();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long startedNanos = System.nanoTime();
        P prepared;
        CompletableFuture<Boolean> admitted;
        try {
            prepared = prepare(exchange.getMessage(), takeAccessToken(exchange.getMessage()));
            admitted = admit(exchange, prepared).toCompletableFuture();
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (!admitted.isDone()) {
            awaitAdmission(exchange, prepared, admitted, startedNanos, callback);
            return false;
        }
        // admitted at once (no message ledger, or one in memory): this thread queues the request, and when
        // maxPendingSends wait already it waits for room as any caller does (backpressure)
        admitted.whenComplete((send, refusal) -> proceed(exchange, prepared, send, refusal, false, startedNanos,
                callback));
        return false;
    }

    /**
     * The admission answers later, on a thread of its own (a message ledger's claim) on which nothing may wait. So the
     * request takes room among its number's pending sends now, if there is some, and gives it back when it is not sent
     * (a duplicate or a suppressed send never waits for room nor takes a pacing slot). When there is none, a thread
     * that may wait waits for the answer and then for room: the backpressure of {@code maxPendingSends} holds; any
     * other thread goes on, and the request is refused if there is still no room once admitted.
     */
    private void awaitAdmission(Exchange exchange, P prepared, CompletableFuture<Boolean> admitted, long startedNanos,
                                AsyncCallback callback) {
        MessageSender sender = getEndpoint().sender();
        boolean reserved = sender.reserve(outgoing(prepared));
        if (!reserved && NonBlockingThreads.currentMayWait()) {
            try {
                admitted.get(getEndpoint().getConfiguration().getResponseTimeout(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // told below, or goes on when it comes
            }
        }
        admitted.whenComplete((send, refusal) -> proceed(exchange, prepared, send, refusal, reserved, startedNanos,
                callback));
    }

    private void proceed(Exchange exchange, P prepared, Boolean send, Throwable refusal, boolean reserved,
                         long startedNanos, AsyncCallback callback) {
        MessageSender sender = getEndpoint().sender();
        if (refusal != null || !send) {
            // the exchange holds its result (e.g. a duplicate) or fails with the refusal, no request made
            if (reserved) {
                sender.cancelReservation(outgoing(prepared));
            }
            if (refusal != null) {
                exchange.setException(unwrap(refusal));
            }
            completed(exchange, prepared, startedNanos);
            callback.done(false);
            return;
        }
        sender.send(outgoing(prepared), reserved)
                .whenComplete((response, failure) -> complete(exchange, prepared, response, failure, startedNanos,
                        callback));
    }

    /**
     * Decides, after validation and before any request, whether the request is sent (true), or the exchange completes
     * without one (false: the producer set its result) or fails (a failed stage). Default: always sent.
     */
    protected CompletionStage<Boolean> admit(Exchange exchange, P prepared) {
        return ADMITTED;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * Validates the message and builds the request; anything wrong is thrown here, before any network call.
     *
     * @param accessToken the message's own access token (taken off it already), or null for the endpoint's
     */
    protected abstract P prepare(Message in, String accessToken) throws Exception;

    /**
     * Removes the per-message access token from the message before anything else happens, so that it never stays on
     * the exchange: not in an error handler's log of a failed exchange, not in the route after the send.
     */
    private static String takeAccessToken(Message in) {
        Object token = in.removeHeader(WhatsAppMarketingConstants.ACCESS_TOKEN);
        if (token == null) {
            return null;
        }
        if (!(token instanceof String text) || text.isBlank()) {
            throw new WhatsAppMarketingValidationException(WhatsAppMarketingConstants.ACCESS_TOKEN,
                    "must be a non-empty String");
        }
        return text;
    }

    /** The request of what {@link #prepare} made. */
    protected abstract OutgoingRequest outgoing(P prepared);

    /**
     * Puts the Graph API's successful answer on the message; an answer that is not what the operation expects is an
     * {@link UnreadableBodyException} (or an exception of the component, e.g. Meta's {@code success:false}).
     */
    protected abstract void setResult(Message message, GraphApiResponse response) throws IOException;

    /** Called once the exchange holds its result or its exception, before it continues. */
    protected void completed(Exchange exchange, P prepared, long startedNanos) {
    }

    private void complete(Exchange exchange, P prepared, GraphApiResponse response, Throwable failure,
                          long startedNanos, AsyncCallback callback) {
        try {
            if (failure != null) {
                exchange.setException(failure);
            } else if (response.bodyOverLimit()) {
                throw new UnreadableBodyException("a body longer than " + GraphApiTransport.MAX_RESPONSE_BODY_BYTES
                                                  + " bytes, not read");
            } else {
                setResult(exchange.getMessage(), response);
            }
        } catch (WhatsAppMarketingException e) {
            exchange.setException(e);
        } catch (IOException | RuntimeException e) {
            exchange.setException(unreadableAnswer(prepared, response, e));
        } finally {
            completed(exchange, prepared, startedNanos);
            callback.done(false);
        }
    }

    private WhatsAppMarketingException unreadableAnswer(P prepared, GraphApiResponse response, Exception cause) {
        // an UnreadableBodyException names the problem without quoting the body; anything else is kept as the cause
        String problem = cause instanceof UnreadableBodyException ? cause.getMessage()
                : "an answer the component could not read (" + cause.getClass().getSimpleName() + ")";
        String reason = response.bodyOverLimit() ? problem + " (" + contentType(response) + ")"
                : problem + " (" + contentType(response) + ", " + response.body().length + " bytes)";
        Throwable kept = cause instanceof UnreadableBodyException ? null : cause;
        return "GET".equals(outgoing(prepared).request().method())
                ? new WhatsAppMarketingInvalidResponseException(reason, response.status(), kept)
                : new WhatsAppMarketingUnknownOutcomeException(reason, response.status(), kept);
    }

    private static String contentType(GraphApiResponse response) {
        String type = response.contentType();
        if (type == null || type.isBlank()) {
            return "no content type";
        }
        return type.length() <= MAX_CONTENT_TYPE_LENGTH ? type : type.substring(0, MAX_CONTENT_TYPE_LENGTH) + "...";
    }

    /** The header's value, else the option's. */
    protected static String header(Message in, String name, String fallback) {
        String value = in.getHeader(name, String.class);
        return value != null ? value : fallback;
    }
}
