package io.github.cwmarketing.whatsapp.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Allows at most {@code limit} events per key in any sliding {@code window}; a limit of 0 allows everything. The limit
 * may change over time (the throughput tier's upgrade).
 */
final class SlidingWindowLimiter {

    private final IntSupplier limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Deque<Long>> eventsByKey = new HashMap<>();

    SlidingWindowLimiter(int limit, Duration window, Clock clock) {
        this(() -> limit, window, clock);
    }

    SlidingWindowLimiter(IntSupplier limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Records an event for {@code key} and returns true, or returns false (recording nothing) when over the limit. */
    synchronized boolean tryAcquire(String key) {
        int max = limit.getAsInt();
        if (max <= 0) {
            return true;
        }
        Deque<Long> events = recentEvents(key);
        if (events.size() >= max) {
            return false;
        }
        events.addLast(clock.millis());
        return true;
    }

    /** How much of the limit {@code key} uses now, in percent (0 when unlimited). */
    synchronized int usagePercent(String key) {
        int max = limit.getAsInt();
        return max <= 0 ? 0 : Math.min(100, recentEvents(key).size() * 100 / max);
    }

    synchronized void reset() {
        eventsByKey.clear();
    }

    private Deque<Long> recentEvents(String key) {
        Deque<Long> events = eventsByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        long oldestKept = clock.millis() - windowMillis;
        while (!events.isEmpty() && events.peekFirst() <= oldestKept) {
            events.removeFirst();
        }
        return events;
    }
}
