package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sends of one phone number id that wait for a slot, bounded by {@code maxPendingSends}: a new send is admitted
 * while fewer wait. Past the bound the calling thread waits until one of them is sent (at most a given time), unless it
 * is a thread that must never wait ({@link NonBlockingThreads}): then, and after the wait, the send is refused.
 * Room may also be reserved ahead, without waiting, by a send that must first learn whether it is sent at all (its
 * message ledger claim): it holds room under the bound until it is queued or gives the room back. Retries of sends
 * already admitted are counted but never refused: they came from requests in flight, which the rate bounds.
 */
final class PendingSends {

    private final Semaphore admissions;
    private final AtomicInteger waiting = new AtomicInteger();

    PendingSends(int maxPendingSends) {
        this.admissions = new Semaphore(maxPendingSends);
    }

    /**
     * Admits a new send, waiting up to {@code maxWaitNanos} for room on a thread that may wait.
     *
     * @return false when it is refused
     */
    boolean admit(long maxWaitNanos) {
        boolean admitted = admissions.tryAcquire();
        if (!admitted && maxWaitNanos > 0 && NonBlockingThreads.currentMayWait()) {
            try {
                admitted = admissions.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (admitted) {
            waiting.incrementAndGet();
        }
        return admitted;
    }

    /** Takes room for a send to be queued later, only if there is some now (never waits); not counted as waiting. */
    boolean reserve() {
        return admissions.tryAcquire();
    }

    /** Gives back room {@link #reserve() reserved} for a send that is not queued after all. */
    void cancelReservation() {
        admissions.release();
    }

    /** A send queued with room it {@link #reserve() reserved}: it waits from now on. */
    void admitReserved() {
        waiting.incrementAndGet();
    }

    /** Counts a retry waiting again. */
    void retryWaiting() {
        waiting.incrementAndGet();
    }

    /** A send stopped waiting (it got its slot or was refused); {@code admitted}: it was a new send, not a retry. */
    void done(boolean admitted) {
        waiting.decrementAndGet();
        if (admitted) {
            admissions.release();
        }
    }

    int count() {
        return waiting.get();
    }
}
