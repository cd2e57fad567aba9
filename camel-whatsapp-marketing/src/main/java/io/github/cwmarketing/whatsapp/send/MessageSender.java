package io.github.cwmarketing.whatsapp.send;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cwmarketing.whatsapp.http.GraphApiErrors;
import io.github.cwmarketing.whatsapp.http.GraphApiRequest;
import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Graph API requests with pacing and safe retries, without blocking: waits for a pacing slot or a retry delay
 * are scheduled, never slept. The returned future completes with a successful response or with the failure of the
 * last attempt ({@code WhatsAppMarketingApiException} or {@link WhatsAppMarketingTransportException}).
 */
public final class MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

    private final GraphApiTransport transport;
    private final GraphApiErrors errors;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final Duration responseTimeout;

    public MessageSender(GraphApiTransport transport, GraphApiErrors errors, RetryPolicy retryPolicy,
                         ScheduledExecutorService scheduler, Duration responseTimeout) {
        this.transport = transport;
        this.errors = errors;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.responseTimeout = responseTimeout;
    }

    /** Sends {@code request}, each attempt paced by {@code pacer} (null = no pacing). */
    public CompletableFuture<GraphApiResponse> send(GraphApiRequest request, Pacer pacer) {
        CompletableFuture<GraphApiResponse> result = new CompletableFuture<>();
        attempt(request, pacer, 0, result);
        return result;
    }

    private void attempt(GraphApiRequest request, Pacer pacer, int retry, CompletableFuture<GraphApiResponse> result) {
        long waitNanos = pacer == null ? 0 : pacer.reserve();
        if (waitNanos <= 0) {
            execute(request, pacer, retry, result);
        } else {
            schedule(() -> execute(request, pacer, retry, result), waitNanos, result);
        }
    }

    private void execute(GraphApiRequest request, Pacer pacer, int retry, CompletableFuture<GraphApiResponse> result) {
        CompletableFuture<GraphApiResponse> call;
        try {
            call = transport.execute(request, responseTimeout);
        } catch (RuntimeException e) {
            result.completeExceptionally(new WhatsAppMarketingTransportException("Request not sent: " + e, false, e));
            return;
        }
        call.whenComplete((response, failure) -> {
            Throwable error = failure != null ? unwrap(failure) : response.isSuccess() ? null : errors.toException(response);
            if (error == null) {
                result.complete(response);
                return;
            }
            Duration delay = retryPolicy.delayBeforeRetry(error, retry + 1, "GET".equals(request.method()));
            if (delay == null) {
                result.completeExceptionally(error);
                return;
            }
            LOG.debug("Retry {} in {} ms after {}", retry + 1, delay.toMillis(), error.getMessage());
            schedule(() -> attempt(request, pacer, retry + 1, result), delay.toNanos(), result);
        });
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
