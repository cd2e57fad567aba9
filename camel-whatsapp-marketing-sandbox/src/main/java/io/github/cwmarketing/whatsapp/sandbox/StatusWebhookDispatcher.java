package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the scenario of every accepted message: each status becomes due {@code statusDelay} after the previous one was
 * delivered (or given up), and due statuses are POSTed, signed, to the callback URL, up to {@code statusesPerCallback}
 * per POST. With several callback URLs, POSTs go to them in turn (round robin, as a load balancer in front of several
 * instances spreads them). A POST not answered with 200 is retried with doubling backoff, at most
 * {@code callbackMaxAttempts} times in all, each retry to the URL after the one that failed (a load balancer routes
 * around a dead instance). Statuses wait while no callback URL is set.
 */
final class StatusWebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(StatusWebhookDispatcher.class);
    // With batching on, wait a moment so that statuses falling due together share a POST.
    private static final Duration BATCH_LINGER = Duration.ofMillis(25);
    private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(10);
    private static final int HTTP_OK = 200;
    private static final String USER_AGENT = "facebookexternalua";

    private final SandboxSettings settings;
    private final SandboxJournal journal;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final StatusWebhookPayloads payloads;
    private final Deque<DueStatus> dueStatuses = new ArrayDeque<>(); // guarded by this
    private final AtomicInteger nextUrl = new AtomicInteger();
    private List<URI> callbackUrls; // guarded by this
    private long generation; // guarded by this

    /** One webhook POST: the statuses it carries and the exact bytes signed and sent. */
    private record Delivery(List<DueStatus> statuses, List<ObjectNode> statusObjects, byte[] body, long generation) {
    }

    StatusWebhookDispatcher(SandboxSettings settings, SandboxJournal journal, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.journal = journal;
        this.scheduler = scheduler;
        this.callbackUrls = settings.callbackUrls();
        this.payloads = new StatusWebhookPayloads(settings);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CALLBACK_TIMEOUT)
                .executor(scheduler)
                .build();
    }

    synchronized List<URI> callbackUrls() {
        return callbackUrls;
    }

    /** Sets where statuses go; statuses that were waiting for a URL are sent now. */
    void callbackUrls(List<URI> urls) {
        List<URI> checked = CallbackUrls.requireHttp(urls);
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("At least one callback URL is needed");
        }
        synchronized (this) {
            callbackUrls = checked;
        }
        scheduleFlush();
    }

    /** Starts the status timeline of an accepted message. */
    synchronized void play(SentMessage message, Scenario scenario) {
        scheduleStep(message, scenario, 0, generation);
    }

    /** Statuses that are due but not yet POSTed (e.g. waiting for a callback URL). */
    synchronized int dueStatusCount() {
        return dueStatuses.size();
    }

    /** Drops every pending and in-flight status. */
    synchronized void reset() {
        generation++;
        dueStatuses.clear();
    }

    private void scheduleStep(SentMessage message, Scenario scenario, int index, long stepGeneration) {
        if (index < scenario.steps().size()) {
            schedule(() -> becomeDue(message, scenario, index, stepGeneration), settings.statusDelay());
        }
    }

    private void becomeDue(SentMessage message, Scenario scenario, int index, long stepGeneration) {
        synchronized (this) {
            if (stepGeneration != generation) {
                return;
            }
            dueStatuses.add(new DueStatus(message, scenario, index, settings.clock().instant(), stepGeneration));
        }
        scheduleFlush();
    }

    private void scheduleFlush() {
        schedule(this::flush, settings.statusesPerCallback() > 1 ? BATCH_LINGER : Duration.ZERO);
    }

    private void flush() {
        for (Delivery delivery : drainIntoDeliveries()) {
            post(delivery, 1, nextUrl.getAndIncrement());
        }
    }

    private synchronized List<Delivery> drainIntoDeliveries() {
        List<Delivery> deliveries = new ArrayList<>();
        while (!callbackUrls.isEmpty() && !dueStatuses.isEmpty()) {
            List<DueStatus> batch = new ArrayList<>();
            while (batch.size() < settings.statusesPerCallback() && !dueStatuses.isEmpty()) {
                batch.add(dueStatuses.poll());
            }
            List<ObjectNode> statusObjects = batch.stream().map(payloads::statusObject).toList();
            deliveries.add(new Delivery(batch, statusObjects, payloads.envelope(statusObjects), generation));
        }
        return deliveries;
    }

    /** Attempt {@code attempt} of a delivery, to the callback URL at {@code urlIndex} (modulo their number). */
    private void post(Delivery delivery, int attempt, int urlIndex) {
        URI url = urlAt(urlIndex);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(CALLBACK_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(settings.webhookSigning().header(),
                        settings.webhookSigning().headerValue(settings.appSecret(), delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> onAnswer(delivery, attempt, urlIndex, url,
                            response == null ? describe(failure) : "HTTP " + response.statusCode(),
                            response != null && response.statusCode() == HTTP_OK));
        } catch (RuntimeException e) {
            onAnswer(delivery, attempt, urlIndex, url, describe(e), false);
        }
    }

    private synchronized URI urlAt(int index) {
        return callbackUrls.get(Math.floorMod(index, callbackUrls.size()));
    }

    private void onAnswer(Delivery delivery, int attempt, int urlIndex, URI url, String answer,
                          boolean acknowledged) {
        if (!isCurrent(delivery)) {
            return;
        }
        if (acknowledged) {
            LOG.debug("Webhook with {} status(es) delivered to {}", delivery.statuses().size(), url);
            journal.recordDelivered(delivery.statusObjects().stream().map(StatusWebhookPayloads::delivered).toList());
            advance(delivery);
        } else if (attempt < settings.callbackMaxAttempts()) {
            LOG.debug("Webhook attempt {} to {} failed ({}), retrying", attempt, url, answer);
            journal.recordWebhookRetry();
            schedule(() -> post(delivery, attempt + 1, urlIndex + 1), backoff(attempt));
        } else {
            LOG.warn("Giving up webhook with {} status(es) to {} after {} attempts, last answer: {}",
                    delivery.statuses().size(), url, attempt, answer);
            advance(delivery);
        }
    }

    private synchronized boolean isCurrent(Delivery delivery) {
        return delivery.generation() == generation;
    }

    private synchronized void advance(Delivery delivery) {
        for (DueStatus sent : delivery.statuses()) {
            scheduleStep(sent.message(), sent.scenario(), sent.index() + 1, sent.generation());
        }
    }

    private Duration backoff(int failedAttempts) {
        return settings.callbackRetryBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Sandbox stopped, dropping a scheduled webhook task");
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
