package io.github.cwmarketing.whatsapp.pacing;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import io.github.bucket4j.distributed.BucketProxy;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException.Reason;
import io.github.cwmarketing.whatsapp.pipeline.Pacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pacer of one phone number id shared through the database: tokens are leased from the number's bucket in the
 * table in small batches (about {@link #LEASE_PERIOD_NANOS} of the rate each) by the leaser thread, and handed out
 * here without any database access, spaced at the rate. A lease is a Bucket4j reservation: instances queue for
 * tokens in the order they ask, so busy instances share the rate evenly.
 * <p>
 * Over any window the instances together start at most the bucket's capacity (two leases) plus the rate times the
 * window plus the tokens they hold (at most about two leases each, and a token unused a second after it became
 * valid is dropped). When the database cannot be reached, the tokens already leased are still used; then every
 * request is refused with {@link WhatsAppMarketingPacingException} ({@code STORE_UNAVAILABLE}) until a probe, once a
 * second, succeeds again.
 */
final class LeasedPacer implements Pacer {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedPacer.class);

    /** A lease holds this much of the rate: 10 round trips per second per busy instance and number. */
    static final long LEASE_PERIOD_NANOS = 100_000_000L;
    /** No reservation further ahead than this; asked again a quarter of it later. */
    static final long MAX_RESERVATION_NANOS = 1_000_000_000L;
    /** A leased token unused this long after it became valid is dropped, so no instance hoards a burst. */
    static final long TOKEN_LIFETIME_NANOS = 1_000_000_000L;
    /** How often the rate is read back from the table (another instance may have changed it). */
    static final long SYNC_PERIOD_NANOS = 1_000_000_000L;
    /** How often an unreachable database is probed. */
    static final long PROBE_PERIOD_NANOS = 1_000_000_000L;
    private static final long NO_SLOT = Long.MIN_VALUE;

    /** Tokens of one lease: usable from {@code validFrom} to {@code expiresAt}. */
    private static final class Lease {
        long remaining;
        final long validFrom;
        final long expiresAt;

        Lease(long tokens, long validFrom) {
            this.remaining = tokens;
            this.validFrom = validFrom;
            this.expiresAt = validFrom + TOKEN_LIFETIME_NANOS;
        }
    }

    private record Grant(CompletableFuture<Long> waiter, long waitNanos) {
    }

    private final String pacingKey;
    private final BucketStore store;
    private final LeaseScheduler leaser;
    private final LongSupplier nanoClock;
    private final boolean keepStoredRate;
    /** Used on the leaser thread only. */
    private BucketProxy bucket;
    private long lastSync;

    private int rate;
    /** A rate set here and not yet written to the table, else 0. */
    private int rateToStore;
    private final ArrayDeque<Lease> leases = new ArrayDeque<>();
    private long stock;
    private long nextSlot;
    private final ArrayDeque<CompletableFuture<Long>> waiters = new ArrayDeque<>();
    /** Why the database is considered unreachable, null while it answers. */
    private Exception unavailable;
    /** A lease task is queued or running. */
    private boolean leaseQueued;
    private boolean forceSync = true;
    private boolean closed;

    /**
     * @param keepStoredRate whether a rate the table already holds wins over {@code messagesPerSecond} (an adaptive
     *                       rate learned by the instances so far); otherwise the configured rate is written
     */
    LeasedPacer(String pacingKey, int messagesPerSecond, boolean keepStoredRate, BucketStore store,
                LeaseScheduler leaser, LongSupplier nanoClock) {
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException("messagesPerSecond must be positive, was " + messagesPerSecond);
        }
        this.pacingKey = pacingKey;
        this.rate = messagesPerSecond;
        this.keepStoredRate = keepStoredRate;
        this.store = store;
        this.leaser = leaser;
        this.nanoClock = nanoClock;
        this.nextSlot = nanoClock.getAsLong();
    }

    @Override
    public CompletionStage<Long> acquire() {
        CompletableFuture<Long> waiter;
        boolean wake;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(failure(Reason.STOPPED, "the component is stopping", null));
            }
            long now = nanoClock.getAsLong();
            if (waiters.isEmpty()) {
                long slot = takeSlot(now);
                if (slot != NO_SLOT) {
                    wake = !leaseQueued && stock < leaseSize(rate) / 2 && unavailable == null;
                    leaseQueued |= wake;
                    waiter = CompletableFuture.completedFuture(slot - now);
                    if (wake) {
                        leaser.schedule(this::lease, 0);
                    }
                    return waiter;
                }
            }
            if (unavailable != null) {
                return CompletableFuture.failedFuture(unavailableFailure(unavailable));
            }
            waiter = new CompletableFuture<>();
            waiters.add(waiter);
            wake = !leaseQueued;
            leaseQueued = true;
        }
        if (wake) {
            leaser.schedule(this::lease, 0);
        }
        return waiter;
    }

    @Override
    public synchronized int messagesPerSecond() {
        return rate;
    }

    /** The new rate applies here at once and is written to the table by the next lease. */
    @Override
    public void setMessagesPerSecond(int messagesPerSecond) {
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException("messagesPerSecond must be positive, was " + messagesPerSecond);
        }
        boolean wake;
        synchronized (this) {
            if (messagesPerSecond == rate && rateToStore == 0) {
                return;
            }
            rate = messagesPerSecond;
            rateToStore = messagesPerSecond;
            wake = !leaseQueued && !closed;
            leaseQueued |= wake;
        }
        if (wake) {
            leaser.schedule(this::lease, 0);
        }
    }

    /** One run of the leaser: open, write or read the rate, lease when there is demand, hand tokens to waiters. */
    void lease() {
        try {
            leaseOnce();
        } catch (RuntimeException | SQLException e) {
            storeFailed(e);
        }
    }

    private void leaseOnce() throws SQLException {
        synchronized (this) {
            if (closed) {
                leaseQueued = false;
                return;
            }
        }
        if (bucket == null) {
            open();
        }
        syncRate();
        int leaseRate;
        synchronized (this) {
            leaseRate = rate;
            if (waiters.isEmpty() && stock >= leaseSize(rate) / 2) {
                leaseQueued = false;
                available();
                return;
            }
        }
        long tokens = leaseSize(leaseRate);
        long wait = store.reserve(bucket, tokens, MAX_RESERVATION_NANOS);
        List<Grant> grants;
        long again;
        synchronized (this) {
            available();
            long now = nanoClock.getAsLong();
            if (wait >= 0) {
                leases.add(new Lease(tokens, now + wait));
                stock += tokens;
            } else {
                forceSync = true;
            }
            grants = serveWaiters(now);
            again = wait < 0 ? MAX_RESERVATION_NANOS / 4 : waiters.isEmpty() ? -1 : 0;
            leaseQueued = again >= 0;
        }
        grants.forEach(grant -> grant.waiter().complete(grant.waitNanos()));
        if (again >= 0) {
            leaser.schedule(this::lease, again);
        }
    }

    private void open() throws SQLException {
        store.ensureSchema();
        BucketProxy opened = store.bucket(pacingKey, () -> BucketStore.configuration(messagesPerSecond(),
                capacity(messagesPerSecond())));
        int stored = store.storedRate(pacingKey);
        int configured;
        synchronized (this) {
            if (stored > 0 && keepStoredRate && rateToStore == 0) {
                rate = stored;
            } else if (stored > 0 && stored != rate && rateToStore == 0) {
                rateToStore = rate;
            }
            configured = rate;
        }
        LOG.debug("Shared pacing of {} opened at {} messages/s (stored: {})", pacingKey, configured, stored);
        bucket = opened;
        lastSync = nanoClock.getAsLong();
        synchronized (this) {
            forceSync = false;
        }
    }

    /** Writes a rate set here, else reads the table's rate once a second (or when forced). */
    private void syncRate() {
        int toStore;
        boolean read;
        long now = nanoClock.getAsLong();
        synchronized (this) {
            toStore = rateToStore;
            rateToStore = 0;
            read = forceSync || unavailable != null || now - lastSync >= SYNC_PERIOD_NANOS;
            forceSync = false;
        }
        if (toStore > 0) {
            try {
                store.replace(bucket, BucketStore.configuration(toStore, capacity(toStore)));
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (rateToStore == 0) {
                        rateToStore = toStore;
                    }
                }
                throw e;
            }
            lastSync = now;
            return;
        }
        if (!read) {
            return;
        }
        int stored = store.storedRate(pacingKey);
        lastSync = now;
        synchronized (this) {
            if (stored > 0 && rateToStore == 0) {
                rate = stored;
            }
        }
    }

    /** The next slot from the leased tokens, spaced at the rate, or {@link #NO_SLOT}. Holds the lock. */
    private long takeSlot(long now) {
        while (!leases.isEmpty()) {
            Lease lease = leases.peekFirst();
            long slot = Math.max(Math.max(now, lease.validFrom), nextSlot);
            if (lease.remaining == 0 || slot > lease.expiresAt) {
                stock -= lease.remaining;
                leases.pollFirst();
                continue;
            }
            lease.remaining--;
            stock--;
            nextSlot = slot + 1_000_000_000L / rate;
            return slot;
        }
        return NO_SLOT;
    }

    private List<Grant> serveWaiters(long now) {
        List<Grant> grants = new ArrayList<>();
        while (!waiters.isEmpty()) {
            long slot = takeSlot(now);
            if (slot == NO_SLOT) {
                break;
            }
            grants.add(new Grant(waiters.pollFirst(), slot - now));
        }
        return grants;
    }

    private void available() {
        if (unavailable != null) {
            LOG.info("Shared pacing of {}: the database answers again", pacingKey);
            unavailable = null;
        }
    }

    private void storeFailed(Exception cause) {
        List<CompletableFuture<Long>> refused;
        boolean first;
        synchronized (this) {
            first = unavailable == null;
            unavailable = cause;
            refused = new ArrayList<>(waiters);
            waiters.clear();
            leaseQueued = !closed;
        }
        if (first) {
            LOG.warn("Shared pacing of {}: the database cannot be reached, sends are refused until it answers: {}",
                    pacingKey, cause.toString());
        }
        WhatsAppMarketingPacingException failure = unavailableFailure(cause);
        refused.forEach(waiter -> waiter.completeExceptionally(failure));
        if (!closed) {
            leaser.schedule(this::lease, PROBE_PERIOD_NANOS);
        }
    }

    private WhatsAppMarketingPacingException unavailableFailure(Exception cause) {
        return failure(Reason.STORE_UNAVAILABLE, "the shared pacing database cannot be reached (" + cause + ")", cause);
    }

    private WhatsAppMarketingPacingException failure(Reason reason, String why, Throwable cause) {
        return new WhatsAppMarketingPacingException(reason, pacingKey,
                "No pacing slot for phone number id " + pacingKey + ": " + why + "; the request was not sent", cause);
    }

    /** Tokens per lease: about {@link #LEASE_PERIOD_NANOS} of the rate, at least one. */
    static long leaseSize(int rate) {
        return Math.max(1, (rate * LEASE_PERIOD_NANOS + 999_999_999L) / 1_000_000_000L);
    }

    /** The table bucket's capacity: two leases, the burst allowed after an idle period. */
    static long capacity(int rate) {
        return 2 * leaseSize(rate);
    }

    @Override
    public void close() {
        List<CompletableFuture<Long>> refused;
        synchronized (this) {
            closed = true;
            refused = new ArrayList<>(waiters);
            waiters.clear();
        }
        WhatsAppMarketingPacingException failure = failure(Reason.STOPPED, "the component is stopping", null);
        refused.forEach(waiter -> waiter.completeExceptionally(failure));
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "LeasedPacer[" + pacingKey + ", " + messagesPerSecond() + "/s]";
    }
}
