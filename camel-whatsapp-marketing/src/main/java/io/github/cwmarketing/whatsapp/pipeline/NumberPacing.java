package io.github.cwmarketing.whatsapp.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException.Reason;
import io.github.cwmarketing.whatsapp.spi.PacingStatus;
import io.github.cwmarketing.whatsapp.spi.RateChangeReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;

/**
 * Everything that paces one phone number id: the pair pacing of each recipient, then one FIFO queue in front of the
 * number's {@link Pacer}, its adaptive rate, and the count of pending sends. Requests wait in this queue, not in the
 * pacer: it books a slot only for the request at the head and only once the previous slot is less than
 * {@link #HORIZON_NANOS} away, so a rate change reaches every waiting request at once. Waits are scheduled on the
 * component's scheduler, never slept. At most {@code maxPendingSends} new requests wait ({@link PendingSends}).
 */
public final class NumberPacing implements PacingStatus, AutoCloseable {

    /**
     * How far ahead slots are booked: the dispatcher runs again half of it before the last slot booked, so it may be
     * late by that much (a busy scheduler, a GC pause) before a slot is lost; a rate change reaches the queue within it.
     */
    static final long HORIZON_NANOS = 50_000_000L;
    /** The most recipients the pair pacing remembers per number (about 6 MB). */
    static final int MAX_PAIRS = 50_000;

    private final String pacingKey;
    private final PacingSettings settings;
    private final Pacer pacer;
    private final AdaptiveRate adaptive;
    private final PairPacer pairs;
    private final ScheduledExecutorService scheduler;
    private final WhatsAppMarketingListener listener;
    private final LongSupplier nanoClock;
    private final PendingSends pending;

    /** A send in the queue; {@code admitted}: a new send holding room under maxPendingSends (not a retry). */
    private record Entry(PacedSend send, boolean admitted) {
    }

    private final Deque<Entry> queue = new ArrayDeque<>();
    /** The sends waiting for their pair slot (scheduled, not queued yet): refused too when the pacing closes. */
    private final Set<Entry> pairWaiting = Collections.newSetFromMap(new IdentityHashMap<>());
    /** True while one dispatcher books slots for the queue (at most one at a time). */
    private boolean dispatching;
    /** The generation of the current dispatcher: refusing the queue ends it. */
    private int dispatcher;
    private boolean closed;
    private int knownRate;
    /** When the slot booked last starts. */
    private long lastSlotNanos;

    public NumberPacing(String pacingKey, PacingSettings settings, Pacer pacer, ScheduledExecutorService scheduler,
                        WhatsAppMarketingListener listener, LongSupplier nanoClock) {
        this.pacingKey = pacingKey;
        this.settings = settings;
        this.pacer = pacer;
        this.scheduler = scheduler;
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.lastSlotNanos = nanoClock.getAsLong();
        this.pending = new PendingSends(settings.maxPendingSends());
        this.pairs = settings.pairPacing() ? new PairPacer(MAX_PAIRS, nanoClock) : null;
        this.knownRate = pacer.messagesPerSecond();
        if (settings.adaptive()) {
            int start = Math.min(knownRate, settings.maxMessagesPerSecond());
            this.adaptive = new AdaptiveRate(start, settings.maxMessagesPerSecond(), nanoClock);
            try {
                pacer.setMessagesPerSecond(start);
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("maxMessagesPerSecond needs a pacer whose rate can change: "
                                                   + e.getMessage(), e);
            }
            knownRate = start;
        } else {
            this.adaptive = null;
        }
    }

    public PacingSettings settings() {
        return settings;
    }

    /**
     * Queues a new request: it waits for its recipient's pair slot ({@code pairKey}, null = none), then for a slot of
     * the number's rate. When {@code maxPendingSends} wait already, the calling thread waits up to
     * {@code maxWaitNanos} for room (never a thread that must not wait); then the request is refused.
     */
    void submit(String pairKey, PacedSend send, long maxWaitNanos) {
        if (!pending.admit(maxWaitNanos)) {
            send.refused(new WhatsAppMarketingPacingException(Reason.TOO_MANY_PENDING, pacingKey,
                    "No pacing slot for phone number id " + pacingKey + ": " + settings.maxPendingSends()
                    + " sends (maxPendingSends) are waiting already; the request was not sent. Throttle the route"
                    + " or feed it from a thread that may wait", null));
            return;
        }
        queue(pairKey, send);
    }

    /**
     * Reserves room under {@code maxPendingSends} for a request that is not ready yet, only if there is some now:
     * true when it got room, which it then uses with {@link #submitReserved} or gives back with
     * {@link #cancelReservation}.
     */
    boolean reserve() {
        return pending.reserve();
    }

    /** Gives back room {@link #reserve() reserved} for a request that is not sent after all. */
    void cancelReservation() {
        pending.cancelReservation();
    }

    /** Queues a new request with the room it {@link #reserve() reserved}: never refused for maxPendingSends. */
    void submitReserved(String pairKey, PacedSend send) {
        pending.admitReserved();
        queue(pairKey, send);
    }

    private void queue(String pairKey, PacedSend send) {
        Entry entry = new Entry(send, true);
        long pairWait = pairs == null || pairKey == null ? 0 : pairs.reserve(pairKey);
        if (pairWait <= 0) {
            enqueue(entry, false);
            return;
        }
        boolean refused;
        synchronized (this) {
            refused = closed || !pairWaiting.add(entry);
        }
        if (refused) {
            refuse(entry, stopped(null));
            return;
        }
        try {
            scheduler.schedule(() -> {
                if (leavePairWait(entry)) {
                    enqueue(entry, false);
                }
            }, pairWait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (leavePairWait(entry)) {
                refuse(entry, stopped(e));
            }
        }
    }

    /** True when the entry was still waiting for its pair slot (not refused by {@link #close()} meanwhile). */
    private synchronized boolean leavePairWait(Entry entry) {
        return pairWaiting.remove(entry);
    }

    /**
     * Queues a retry at the head: it waited once already. Never refused for maxPendingSends, and pair pacing does not
     * apply: the first try was not accepted.
     */
    void resubmit(PacedSend send) {
        pending.retryWaiting();
        enqueue(new Entry(send, false), true);
    }

    /** Tells the adaptive rate how Meta answered a request sent at {@code sentAtNanos}. */
    void onAnswer(long sentAtNanos, boolean accepted, boolean throughputLimit) {
        if (adaptive == null) {
            return;
        }
        int changed = throughputLimit ? adaptive.onThroughputLimit(sentAtNanos)
                : accepted ? adaptive.onAccepted(sentAtNanos) : 0;
        if (changed > 0) {
            apply(changed, throughputLimit ? RateChangeReason.THROUGHPUT_LIMIT : RateChangeReason.RAISED);
        }
    }

    /** Starts the adaptive rate from the number's throughput level (messages per second) read from the Graph API. */
    public void startFromThroughputLevel(int levelRate) {
        if (adaptive != null) {
            int changed = adaptive.startFrom(levelRate);
            if (changed > 0) {
                apply(changed, RateChangeReason.THROUGHPUT_LEVEL);
            }
        }
    }

    private void apply(int rate, RateChangeReason reason) {
        pacer.setMessagesPerSecond(rate);
        int previous;
        synchronized (this) {
            previous = knownRate;
            knownRate = rate;
        }
        if (previous != rate) {
            listener.onRateChanged(this, previous, reason);
        }
    }

    private void enqueue(Entry send, boolean first) {
        boolean refused;
        boolean start = false;
        int generation;
        synchronized (this) {
            refused = closed;
            if (!refused) {
                if (first) {
                    queue.addFirst(send);
                } else {
                    queue.addLast(send);
                }
                start = !dispatching;
                if (start) {
                    dispatcher++;
                    dispatching = true;
                }
            }
            generation = dispatcher;
        }
        if (refused) {
            refuse(send, stopped(null));
        } else if (start) {
            dispatch(generation);
        }
    }

    /**
     * Books slots for the queue's head until the queue is empty or the next slot is beyond the horizon. Only the
     * dispatcher of the current generation runs; one scheduled before the queue was refused finds itself stale.
     */
    private void dispatch(int generation) {
        while (true) {
            long ahead;
            synchronized (this) {
                if (generation != dispatcher || queue.isEmpty()) {
                    if (generation == dispatcher) {
                        dispatching = false;
                    }
                    return;
                }
                ahead = lastSlotNanos - nanoClock.getAsLong();
            }
            if (ahead > HORIZON_NANOS) {
                try {
                    scheduler.schedule(() -> dispatch(generation), ahead - HORIZON_NANOS / 2, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    refuseAll(stopped(e));
                }
                return;
            }
            CompletableFuture<Long> slot;
            try {
                slot = pacer.acquire().toCompletableFuture();
            } catch (RuntimeException e) {
                refuseAll(e);
                return;
            }
            if (!slot.isDone()) {
                slot.whenComplete((wait, failure) -> {
                    if (granted(generation, wait, failure)) {
                        dispatch(generation);
                    }
                });
                return;
            }
            Long wait;
            try {
                wait = slot.join();
            } catch (CompletionException e) {
                refuseAll(e.getCause());
                return;
            }
            if (!granted(generation, wait, null)) {
                return;
            }
        }
    }

    /** Gives a slot to the head of the queue; true when more are waiting. */
    private boolean granted(int generation, Long wait, Throwable failure) {
        if (failure != null) {
            refuseAll(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            return false;
        }
        Entry head;
        boolean more;
        synchronized (this) {
            if (generation != dispatcher) {
                return false;
            }
            lastSlotNanos = nanoClock.getAsLong() + wait;
            head = queue.pollFirst();
            more = !queue.isEmpty();
            if (!more) {
                dispatching = false;
            }
        }
        if (head == null) {
            return false;
        }
        pending.done(head.admitted());
        if (adaptive != null && (wait > 0 || more)) {
            adaptive.onSaturated();
        }
        adoptSharedRate();
        head.send().granted(wait);
        return more;
    }

    /** A shared pacer's rate may have been changed by another instance. */
    private void adoptSharedRate() {
        int rate = pacer.messagesPerSecond();
        int previous;
        synchronized (this) {
            previous = knownRate;
            if (previous == rate) {
                return;
            }
            knownRate = rate;
        }
        if (adaptive != null) {
            adaptive.adopt(rate);
        }
        listener.onRateChanged(this, previous, RateChangeReason.SHARED);
    }

    private void refuseAll(Throwable cause) {
        WhatsAppMarketingPacingException failure = cause instanceof WhatsAppMarketingPacingException pacing
                ? pacing
                : new WhatsAppMarketingPacingException(Reason.STORE_UNAVAILABLE, pacingKey,
                        "No pacing slot for " + pacingKey + ": " + cause, cause);
        List<Entry> refused;
        synchronized (this) {
            refused = new ArrayList<>(queue);
            queue.clear();
            dispatching = false;
            dispatcher++;
        }
        refused.forEach(send -> refuse(send, failure));
    }

    private void refuse(Entry entry, WhatsAppMarketingPacingException failure) {
        pending.done(entry.admitted());
        entry.send().refused(failure);
    }

    private WhatsAppMarketingPacingException stopped(Throwable cause) {
        return new WhatsAppMarketingPacingException(Reason.STOPPED, pacingKey,
                "The component is stopping; request not sent", cause);
    }

    /** Refuses every waiting request (in the queue or waiting for its pair slot) and releases the pacer. */
    @Override
    public void close() {
        List<Entry> waitingForPair;
        synchronized (this) {
            closed = true;
            waitingForPair = new ArrayList<>(pairWaiting);
            pairWaiting.clear();
        }
        // their scheduled tasks die with the component's scheduler: refused here, none is left hanging
        waitingForPair.forEach(entry -> refuse(entry, stopped(null)));
        refuseAll(stopped(null));
        pacer.close();
    }

    @Override
    public String phoneNumberId() {
        return pacingKey;
    }

    @Override
    public synchronized int messagesPerSecond() {
        return knownRate;
    }

    @Override
    public int maxMessagesPerSecond() {
        return adaptive != null ? adaptive.maxRate() : messagesPerSecond();
    }

    @Override
    public int pendingSends() {
        return pending.count();
    }

    @Override
    public String toString() {
        return "NumberPacing[" + pacingKey + ", " + messagesPerSecond() + "/s, " + pendingSends() + " pending]";
    }
}
