package io.github.cwmarketing.whatsapp.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cwmarketing.whatsapp.http.GraphApiErrors;
import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.model.MetaErrorCodes;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import io.github.cwmarketing.whatsapp.spi.RetryEvent;
import io.github.cwmarketing.whatsapp.spi.RetryReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Graph API requests with pacing and safe retries, without blocking: waits for a pacing slot (pair pacing, then
 * the number's rate, see {@link NumberPacing}) or a retry delay are scheduled, never slept, and each answer is told to
 * the number's pacing (its adaptive rate). A request's hand-over (the message ledger's record that it leaves) is asked
 * once its first attempt has its slot, right before it goes to the transport; an attempt provably not accepted is
 * handed back while its retry waits, and the retry handed over again. A hand-over that took longer than
 * {@link #LATE_HAND_OVER} (a slow or restarting database) takes a new slot, so that requests held up together do
 * not leave together above the rate. The returned future completes with a
 * successful response or with the failure of the last attempt ({@code WhatsAppMarketingApiException} or
 * {@link WhatsAppMarketingTransportException}), or with a {@link WhatsAppMarketingPacingException} when no pacing
 * slot could be had (then nothing was sent). Pacing waits and retries are told to the listener.
 */
public final class MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);
    /** A hand-over slower than this makes its request wait for a new pacing slot. */
    static final Duration LATE_HAND_OVER = Duration.ofMillis(50);

    private final GraphApiTransport transport;
    private final GraphApiErrors errors;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final Duration connectionRequestTimeout;
    private final Duration responseTimeout;
    private final WhatsAppMarketingListener listener;

    /**
     * @param connectionRequestTimeout how long an attempt may wait for a pooled connection
     * @param responseTimeout          how long an attempt waits for the response once its request is sent
     */
    public MessageSender(GraphApiTransport transport, GraphApiErrors errors, RetryPolicy retryPolicy,
                         ScheduledExecutorService scheduler, Duration connectionRequestTimeout,
                         Duration responseTimeout, WhatsAppMarketingListener listener) {
        this.transport = transport;
        this.errors = errors;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.connectionRequestTimeout = connectionRequestTimeout;
        this.responseTimeout = responseTimeout;
        this.listener = listener;
    }

    /**
     * Sends the request, each attempt paced by its number's pacing (if any); a caller that finds
     * {@code maxPendingSends} waiting waits for room (see {@link NumberPacing#submit}).
     */
    public CompletableFuture<GraphApiResponse> send(OutgoingRequest request) {
        return send(request, false);
    }

    /**
     * Sends the request; {@code reserved}: {@link #reserve} took room for it among the pending sends, so it is queued
     * at once, never refused for {@code maxPendingSends}.
     */
    public CompletableFuture<GraphApiResponse> send(OutgoingRequest request, boolean reserved) {
        CompletableFuture<GraphApiResponse> result = new CompletableFuture<>();
        if (request.pacing() == null) {
            execute(request, 0, result);
        } else if (reserved) {
            request.pacing().submitReserved(request.pairKey(), new Waiting(request, 0, result));
        } else {
            // a caller that finds maxPendingSends waiting waits for room at most as long as for a response
            request.pacing().submit(request.pairKey(), new Waiting(request, 0, result), responseTimeout.toNanos());
        }
        return result;
    }

    /**
     * Reserves room among the pending sends of the request's number for a request that must wait for something else
     * first (its message ledger claim), without waiting: true when it got room, or needs none (not paced); then it is
     * sent with {@code send(request, true)} or the room is given back with {@link #cancelReservation}. False when
     * {@code maxPendingSends} wait already.
     */
    public boolean reserve(OutgoingRequest request) {
        return request.pacing() == null || request.pacing().reserve();
    }

    /** Gives back the room {@link #reserve} took for a request that is not sent after all. */
    public void cancelReservation(OutgoingRequest request) {
        if (request.pacing() != null) {
            request.pacing().cancelReservation();
        }
    }

    /** An attempt waiting for its pacing slot; {@code handedOver}: its hand-over is recorded already. */
    private final class Waiting implements PacedSend {
        private final OutgoingRequest request;
        private final int retry;
        private final CompletableFuture<GraphApiResponse> result;
        private final boolean handedOver;

        Waiting(OutgoingRequest request, int retry, CompletableFuture<GraphApiResponse> result) {
            this(request, retry, result, false);
        }

        Waiting(OutgoingRequest request, int retry, CompletableFuture<GraphApiResponse> result, boolean handedOver) {
            this.request = request;
            this.retry = retry;
            this.result = result;
            this.handedOver = handedOver;
        }

        @Override
        public void granted(long waitNanos) {
            Runnable attempt = () -> attempt(request, retry, result, handedOver);
            if (waitNanos <= 0) {
                attempt.run();
            } else {
                listener.onPacingWait(request.phoneNumberId(), Duration.ofNanos(waitNanos));
                schedule(attempt, waitNanos, result);
            }
        }

        @Override
        public void refused(WhatsAppMarketingPacingException failure) {
            result.completeExceptionally(failure);
        }
    }

    /** A retry, paced again; {@code handedOver}: its request still counts as handed over (it was not handed back). */
    private void retry(OutgoingRequest request, int retry, CompletableFuture<GraphApiResponse> result,
                       boolean handedOver) {
        if (request.pacing() == null) {
            attempt(request, retry, result, handedOver);
        } else {
            request.pacing().resubmit(new Waiting(request, retry, result, handedOver));
        }
    }

    private void attempt(OutgoingRequest request, int retry, CompletableFuture<GraphApiResponse> result,
                         boolean handedOver) {
        if (handedOver) {
            call(request, retry, result);
        } else {
            execute(request, retry, result);
        }
    }

    /** The attempt's hand-over, when it has one, then the call. */
    private void execute(OutgoingRequest request, int retry, CompletableFuture<GraphApiResponse> result) {
        if (request.handOver() != null) {
            long slotNanos = System.nanoTime();
            CompletionStage<Void> handedOver;
            try {
                handedOver = request.handOver().handOver();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            handedOver.whenComplete((done, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else if (request.pacing() != null && System.nanoTime() - slotNanos > LATE_HAND_OVER.toNanos()) {
                    request.pacing().resubmit(new Waiting(request, retry, result, true));
                } else {
                    call(request, retry, result);
                }
            });
            return;
        }
        call(request, retry, result);
    }

    private void call(OutgoingRequest request, int retry, CompletableFuture<GraphApiResponse> result) {
        long sentAt = System.nanoTime();
        CompletableFuture<GraphApiResponse> call;
        try {
            call = transport.execute(request.request(), connectionRequestTimeout, responseTimeout);
        } catch (RuntimeException e) {
            result.completeExceptionally(new WhatsAppMarketingTransportException("Request not sent: " + e, false, e));
            return;
        }
        call.whenComplete((response, failure) -> {
            Throwable error = failure != null ? unwrap(failure) : response.isSuccess() ? null : errors.toException(response);
            if (request.pacing() != null) {
                request.pacing().onAnswer(sentAt, error == null, isThroughputLimit(error));
            }
            if (error == null) {
                result.complete(response);
                return;
            }
            Duration delay = retryPolicy.delayBeforeRetry(error, retry + 1, "GET".equals(request.request().method()));
            if (delay == null) {
                result.completeExceptionally(error);
                return;
            }
            LOG.debug("Retry {} in {} ms after {}", retry + 1, delay.toMillis(), error.getMessage());
            listener.onRetry(retryEvent(request, retry + 1, delay, error));
            boolean handBack = request.handOver() != null && RetryPolicy.provablyNotAccepted(error);
            if (handBack) {
                request.handOver().handBack();
            }
            schedule(() -> retry(request, retry + 1, result, !handBack), delay.toNanos(), result);
        });
    }

    private static boolean isThroughputLimit(Throwable error) {
        return error instanceof WhatsAppMarketingApiException apiError
               && apiError.getCode() == MetaErrorCodes.THROUGHPUT_LIMIT;
    }

    private static RetryEvent retryEvent(OutgoingRequest request, int retry, Duration delay, Throwable error) {
        if (error instanceof WhatsAppMarketingApiException apiError) {
            return new RetryEvent(request.operation(), request.phoneNumberId(), retry, delay, RetryReason.API_ERROR,
                    apiError.getCode() == 0 ? null : apiError.getCode());
        }
        boolean sent = error instanceof WhatsAppMarketingTransportException transportError
                       && transportError.isRequestSent();
        return new RetryEvent(request.operation(), request.phoneNumberId(), retry, delay,
                sent ? RetryReason.NO_RESPONSE : RetryReason.NOT_SENT, null);
    }

    private void schedule(Runnable task, long delayNanos, CompletableFuture<GraphApiResponse> result) {
        try {
            scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(
                    new WhatsAppMarketingTransportException("The component is stopping; request not sent", false, e));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
