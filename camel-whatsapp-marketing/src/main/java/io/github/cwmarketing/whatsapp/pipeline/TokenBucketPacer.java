package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The default {@link Pacer}: a token bucket holding one token, refilled at the configured rate, in this JVM. Over any
 * window of t seconds at most {@code rate * t + 1} sends start. Its rate can change at any time (adaptive tier).
 */
public final class TokenBucketPacer implements Pacer {

    private final LongSupplier nanoClock;
    private long intervalNanos;
    private long nextFreeNanos;

    public TokenBucketPacer(int messagesPerSecond, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.intervalNanos = interval(messagesPerSecond);
        this.nextFreeNanos = nanoClock.getAsLong();
    }

    public TokenBucketPacer(int messagesPerSecond) {
        this(messagesPerSecond, System::nanoTime);
    }

    /** Books the next slot; returns the nanoseconds to wait for it (0 = send now). */
    public synchronized long reserve() {
        long now = nanoClock.getAsLong();
        long slot = Math.max(nextFreeNanos, now);
        nextFreeNanos = slot + intervalNanos;
        return slot - now;
    }

    @Override
    public CompletionStage<Long> acquire() {
        return CompletableFuture.completedFuture(reserve());
    }

    @Override
    public synchronized int messagesPerSecond() {
        return (int) (1_000_000_000L / intervalNanos);
    }

    @Override
    public synchronized void setMessagesPerSecond(int messagesPerSecond) {
        long interval = interval(messagesPerSecond);
        // the slot booked last keeps its time; the next one follows at the new spacing
        nextFreeNanos += interval - intervalNanos;
        intervalNanos = interval;
    }

    static long interval(int messagesPerSecond) {
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException("messagesPerSecond must be positive, was " + messagesPerSecond);
        }
        return 1_000_000_000L / messagesPerSecond;
    }
}
