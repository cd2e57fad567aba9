package io.github.cwmarketing.whatsapp.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;

/**
 * One HTTP attempt: whether its request was handed to a connection (so may have reached Meta), and its two
 * deadlines. Until the hand-over the attempt waits for a pooled connection and connects, bounded by the connection
 * request timeout plus the connect timeout; when that deadline passes first the request is never written and the
 * attempt fails with {@code requestSent=false}. From the hand-over on, the response deadline runs: response timeout
 * plus a margin (HttpClient's own response timeout is an inactivity timeout; this also ends a server that trickles).
 */
final class Attempt {

    /** The {@code HttpContext} attribute that holds the attempt, read by {@link HandOverInterceptor}. */
    static final String CONTEXT_ATTRIBUTE = Attempt.class.getName();
    private static final long RESPONSE_DEADLINE_MARGIN_MILLIS = 1_000;

    private enum State { WAITING, HANDED_OVER, EXPIRED }

    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
    private final CompletableFuture<GraphApiResponse> result = new CompletableFuture<>();
    private final ScheduledExecutorService scheduler;
    private final long sendDeadlineMillis;
    private final long responseDeadlineMillis;
    private volatile Future<?> call;
    private volatile ScheduledFuture<?> timer;

    Attempt(ScheduledExecutorService scheduler, Duration connectionRequestTimeout, Duration connectTimeout,
            Duration responseTimeout) {
        this.scheduler = scheduler;
        this.sendDeadlineMillis = connectionRequestTimeout.toMillis() + connectTimeout.toMillis();
        this.responseDeadlineMillis = responseTimeout.toMillis() + RESPONSE_DEADLINE_MARGIN_MILLIS;
        result.whenComplete((response, failure) -> {
            ScheduledFuture<?> running = timer;
            if (running != null) {
                running.cancel(false);
            }
        });
    }

    CompletableFuture<GraphApiResponse> result() {
        return result;
    }

    /** Arms the deadline of the wait for a connection; called before the request is given to HttpClient. */
    void start() {
        timer = scheduler.schedule(this::sendDeadlinePassed, sendDeadlineMillis, TimeUnit.MILLISECONDS);
    }

    /** The HttpClient call, cancelled when a deadline passes. */
    void call(Future<?> call) {
        this.call = call;
        if (result.isDone()) {
            call.cancel(true);
        }
    }

    /**
     * A connection is about to write the request. Returns false when the attempt is already over (its deadline
     * passed, or the component is stopping): the request must then not be written.
     */
    boolean handOver() {
        ScheduledFuture<?> sendTimer = timer;
        ScheduledFuture<?> responseTimer;
        try {
            responseTimer = scheduler.schedule(this::responseDeadlinePassed, responseDeadlineMillis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            if (state.compareAndSet(State.WAITING, State.EXPIRED)) {
                result.completeExceptionally(new WhatsAppMarketingTransportException(
                        "The component is stopping; request not sent", false, stopping));
            }
            return false;
        }
        if (!state.compareAndSet(State.WAITING, State.HANDED_OVER)) {
            responseTimer.cancel(false);
            return false;
        }
        timer = responseTimer;
        if (sendTimer != null) {
            sendTimer.cancel(false);
        }
        if (result.isDone()) {
            responseTimer.cancel(false);
        }
        return true;
    }

    /** Whether the request was handed to a connection: from then on Meta may have received it. */
    boolean isRequestSent() {
        return state.get() == State.HANDED_OVER;
    }

    private void sendDeadlinePassed() {
        if (state.compareAndSet(State.WAITING, State.EXPIRED)) {
            fail(new WhatsAppMarketingTransportException("Request not sent: no connection to the Graph API within "
                                                         + sendDeadlineMillis + " ms (waiting for a pooled connection"
                                                         + " and connecting)", false, null));
        }
    }

    private void responseDeadlinePassed() {
        fail(new WhatsAppMarketingTransportException(
                "No response from the Graph API within " + responseDeadlineMillis + " ms of sending", true, null));
    }

    private void fail(WhatsAppMarketingTransportException failure) {
        if (result.completeExceptionally(failure)) {
            Future<?> running = call;
            if (running != null) {
                running.cancel(true);
            }
        }
    }
}
