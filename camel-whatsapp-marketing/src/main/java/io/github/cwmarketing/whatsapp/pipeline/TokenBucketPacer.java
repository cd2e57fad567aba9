package io.github.cwmarketing.whatsapp.pipeline;

import java.util.function.LongSupplier;

/**
 * The default {@link Pacer}: a token bucket holding one token, refilled at the configured rate, in this JVM. Over any
 * window of t seconds at most {@code rate * t + 1} sends start.
 */
public final class TokenBucketPacer implements Pacer {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long nextFreeNanos;

    public TokenBucketPacer(int messagesPerSecond, LongSupplier nanoClock) {
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException("messagesPerSecond must be positive, was " + messagesPerSecond);
        }
        this.intervalNanos = 1_000_000_000L / messagesPerSecond;
        this.nanoClock = nanoClock;
        this.nextFreeNanos = nanoClock.getAsLong();
    }

    public TokenBucketPacer(int messagesPerSecond) {
        this(messagesPerSecond, System::nanoTime);
    }

    @Override
    public synchronized long reserve() {
        long now = nanoClock.getAsLong();
        long slot = Math.max(nextFreeNanos, now);
        nextFreeNanos = slot + intervalNanos;
        return slot - now;
    }

    @Override
    public int messagesPerSecond() {
        return (int) (1_000_000_000L / intervalNanos);
    }
}
