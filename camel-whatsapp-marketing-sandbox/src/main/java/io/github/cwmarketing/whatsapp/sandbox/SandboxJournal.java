package io.github.cwmarketing.whatsapp.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the sandbox accepted or refused, and which statuses the callback acknowledged; thread-safe. */
final class SandboxJournal {

    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();
    private final List<RefusedSend> refusedSends = new CopyOnWriteArrayList<>();
    private final List<DeliveredStatus> deliveredStatuses = new ArrayList<>();
    private final AtomicInteger webhookRetries = new AtomicInteger();

    void recordSent(SentMessage message) {
        sentMessages.add(message);
    }

    List<SentMessage> sentMessages() {
        return List.copyOf(sentMessages);
    }

    void recordRefused(RefusedSend refused) {
        refusedSends.add(refused);
    }

    List<RefusedSend> refusedSends() {
        return List.copyOf(refusedSends);
    }

    void recordWebhookRetry() {
        webhookRetries.incrementAndGet();
    }

    int webhookRetries() {
        return webhookRetries.get();
    }

    synchronized void recordDelivered(List<DeliveredStatus> statuses) {
        deliveredStatuses.addAll(statuses);
        notifyAll();
    }

    synchronized List<DeliveredStatus> deliveredStatuses() {
        return List.copyOf(deliveredStatuses);
    }

    /** Waits until at least {@code count} statuses were delivered; returns all delivered so far, or throws. */
    synchronized List<DeliveredStatus> awaitDelivered(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveredStatuses.size() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("Expected " + count + " delivered statuses within " + timeout
                        + " but got " + deliveredStatuses.size() + ": " + describe(deliveredStatuses));
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return List.copyOf(deliveredStatuses);
    }

    synchronized void clear() {
        sentMessages.clear();
        refusedSends.clear();
        deliveredStatuses.clear();
        webhookRetries.set(0);
    }

    private static List<String> describe(List<DeliveredStatus> statuses) {
        return statuses.stream().map(s -> s.wamid() + " " + s.status()).toList();
    }
}
