package io.github.cwmarketing.whatsapp.send;

import java.util.function.LongSupplier;

/**
 * Client-side pacing of one phone number id: a token bucket holding one token, refilled at the configured rate.
 * {@link #reserve()} never blocks; it books the next free slot and says how long the caller must wait for it, so the
 * caller schedules the send instead of sleeping on a route thread. Over any window of t seconds at most
 * {@code rate * t + 1} sends start.
 */
public final class Pacer {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long nextFreeNanos;

    public Pacer(int messagesPerSecond, LongSupplier nanoClock) {
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException("messagesPerSecond must be positive, was " + messagesPerSecond);
        }
        this.intervalNanos = 1_000_000_000L / messagesPerSecond;
        this.nanoClock = nanoClock;
        this.nextFreeNanos = nanoClock.getAsLong();
    }

    public Pacer(int messagesPerSecond) {
        this(messagesPerSecond, System::nanoTime);
    }

    /** Books a slot; returns the nanoseconds to wait before using it (0 = send now). */
    public synchronized long reserve() {
        long now = nanoClock.getAsLong();
        long slot = Math.max(nextFreeNanos, now);
        nextFreeNanos = slot + intervalNanos;
        return slot - now;
    }

    public int messagesPerSecond() {
        return (int) (1_000_000_000L / intervalNanos);
    }
}
