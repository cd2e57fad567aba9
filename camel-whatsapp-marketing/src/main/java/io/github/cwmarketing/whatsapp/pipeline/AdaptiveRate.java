package io.github.cwmarketing.whatsapp.pipeline;

import java.util.function.LongSupplier;

/**
 * Finds a phone number's throughput tier between {@code messagesPerSecond} and {@code maxMessagesPerSecond}: Meta
 * raises a number from 80 to 1,000 messages/s without telling the sender, and answers 130429 above the tier.
 * <ul>
 * <li><b>Raise</b>: after each second in which Meta accepted messages sent at the current rate, sends had to wait for
 * a slot (the rate, not the demand, was the limit) and no 130429 came, the rate grows by half, never above the
 * maximum, and never above the last rate that drew a 130429 until that rate has passed a clean second itself.</li>
 * <li><b>Back off</b>: a 130429 for a message sent at the current rate lowers it by a fifth and holds it for 2 s,
 * doubling with each further 130429 at the same ceiling, up to 60 s. Answers to messages sent before the last change
 * say nothing about the current rate and are ignored, and so are those sent within a second after a back-off: Meta's
 * one-second window is still full of the messages sent at the higher rate.</li>
 * </ul>
 * Each method returns the new rate when it changed the rate, else 0. Thread-safe; callers apply the rate to the pacer.
 */
public final class AdaptiveRate {

    static final long WINDOW_NANOS = 1_000_000_000L;
    static final long FIRST_HOLD_NANOS = 2_000_000_000L;
    static final long MAX_HOLD_NANOS = 60_000_000_000L;
    private static final double RAISE_FACTOR = 1.5;
    private static final double BACKOFF_FACTOR = 0.8;

    private final int maxRate;
    private final LongSupplier nanoClock;
    private int rate;
    /** When the rate last changed: the current observation window starts there or later. */
    private long changedAt;
    private long windowStart;
    private boolean acceptedInWindow;
    private boolean saturatedInWindow;
    /** The rate that drew the last 130429, 0 when none is known (or it was passed since). */
    private int ceiling;
    private int backoffsAtCeiling;
    private long holdUntil;
    /** Until when a 130429 is still the previous, higher rate's: a window after each back-off. */
    private long settledAt;
    /** Whether the rate moved since the start (a throughput level read late no longer applies then). */
    private boolean moved;

    public AdaptiveRate(int startRate, int maxRate, LongSupplier nanoClock) {
        if (startRate <= 0 || maxRate < startRate) {
            throw new IllegalArgumentException("need 0 < messagesPerSecond <= maxMessagesPerSecond, was " + startRate
                                               + " and " + maxRate);
        }
        this.rate = startRate;
        this.maxRate = maxRate;
        this.nanoClock = nanoClock;
        this.changedAt = nanoClock.getAsLong();
        this.windowStart = changedAt;
    }

    public synchronized int rate() {
        return rate;
    }

    public int maxRate() {
        return maxRate;
    }

    /** Sends waited for a pacing slot: the rate was the limit. */
    public synchronized void onSaturated() {
        saturatedInWindow = true;
    }

    /** Meta accepted a message sent at {@code sentAtNanos}. */
    public synchronized int onAccepted(long sentAtNanos) {
        if (sentAtNanos >= changedAt) {
            acceptedInWindow = true;
        }
        long now = nanoClock.getAsLong();
        if (now - windowStart < WINDOW_NANOS) {
            return 0;
        }
        boolean raise = acceptedInWindow && saturatedInWindow && now >= holdUntil && rate < maxRate;
        startWindow(now);
        return raise ? change(raised(), now) : 0;
    }

    /** Meta answered 130429 (throughput reached) to a message sent at {@code sentAtNanos}. */
    public synchronized int onThroughputLimit(long sentAtNanos) {
        if (sentAtNanos < changedAt || sentAtNanos < settledAt || rate == 1) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        settledAt = now + WINDOW_NANOS;
        backoffsAtCeiling = ceiling == rate ? backoffsAtCeiling + 1 : 1;
        ceiling = rate;
        holdUntil = now + Math.min(MAX_HOLD_NANOS, FIRST_HOLD_NANOS << Math.min(backoffsAtCeiling - 1, 10));
        int lowered = Math.min(rate - 1, (int) (rate * BACKOFF_FACTOR));
        return change(Math.max(1, lowered), now);
    }

    /**
     * Starts from the number's throughput level read from the Graph API, capped at the maximum; ignored once the rate
     * has moved on what Meta answered (the level came late).
     */
    public synchronized int startFrom(int levelRate) {
        int start = Math.max(1, Math.min(levelRate, maxRate));
        return start == rate || moved ? 0 : change(start, nanoClock.getAsLong());
    }

    /**
     * Takes over a rate another instance set (shared pacing). A lower rate holds like a back-off of this instance, so
     * that it does not raise again at once.
     */
    public synchronized void adopt(int sharedRate) {
        if (sharedRate == rate || sharedRate <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (sharedRate < rate) {
            holdUntil = Math.max(holdUntil, now + FIRST_HOLD_NANOS);
        }
        change(Math.min(sharedRate, maxRate), now);
    }

    private int raised() {
        if (ceiling != 0 && rate >= ceiling) {
            // a clean second at the rate that drew the last 130429: the tier was raised since
            ceiling = 0;
            backoffsAtCeiling = 0;
        }
        int next = Math.max(rate + 1, (int) Math.ceil(rate * RAISE_FACTOR));
        if (ceiling > rate) {
            next = Math.min(next, ceiling);
        }
        return Math.min(next, maxRate);
    }

    private int change(int newRate, long now) {
        moved = true;
        rate = newRate;
        changedAt = now;
        startWindow(now);
        return newRate;
    }

    private void startWindow(long now) {
        windowStart = now;
        acceptedInWindow = false;
        saturatedInWindow = false;
    }
}
