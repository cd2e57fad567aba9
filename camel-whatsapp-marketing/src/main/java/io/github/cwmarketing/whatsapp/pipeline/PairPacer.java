package io.github.cwmarketing.whatsapp.pipeline;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Meta's pair rate limit, client side: at most one message per 6 seconds from one phone number id to the same
 * recipient (error 131056 otherwise). {@link #reserve} books a recipient's next slot and says how long to wait for it;
 * the caller schedules the send, it never sleeps.
 * <p>
 * Memory is bounded: a recipient is remembered only until its slot is more than 6 s in the past (at 1,000 messages/s
 * about 6,000 recipients), and never more than {@code maxRecipients}; past that bound the recipient booked longest ago
 * is forgotten, and a repeat to it may then come early (Meta's 131056, which is retried after 4^X seconds).
 */
public final class PairPacer {

    /** Meta: "1 message every 6 seconds to the same WhatsApp user". */
    public static final long PAIR_INTERVAL_NANOS = 6_000_000_000L;

    private final int maxRecipients;
    private final LongSupplier nanoClock;
    /** Recipient → the earliest time of its next message; in booking order, so the oldest bookings come first. */
    private final LinkedHashMap<String, Long> nextFree = new LinkedHashMap<>();

    public PairPacer(int maxRecipients, LongSupplier nanoClock) {
        this.maxRecipients = maxRecipients;
        this.nanoClock = nanoClock;
    }

    /** Books the recipient's next slot; returns the nanoseconds to wait for it (0 = send now). */
    public synchronized long reserve(String recipient) {
        long now = nanoClock.getAsLong();
        forgetExpired(now);
        Long next = nextFree.remove(recipient);
        long slot = next == null ? now : Math.max(now, next);
        nextFree.put(recipient, slot + PAIR_INTERVAL_NANOS);
        if (nextFree.size() > maxRecipients) {
            Iterator<String> oldest = nextFree.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return slot - now;
    }

    /** How many recipients are remembered now. */
    public synchronized int size() {
        return nextFree.size();
    }

    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Long>> oldest = nextFree.entrySet().iterator();
        while (oldest.hasNext() && oldest.next().getValue() <= now) {
            oldest.remove();
        }
    }
}
