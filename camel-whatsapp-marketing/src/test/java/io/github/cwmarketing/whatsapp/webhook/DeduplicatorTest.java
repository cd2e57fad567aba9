package io.github.cwmarketing.whatsapp.webhook;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cwmarketing.whatsapp.webhook.Deduplicator.Outcome;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeduplicatorTest {

    private final IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(100);
    private final Deduplicator deduplicator = new Deduplicator(repository);
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Test
    void recordsAKeyOnlyAfterItsProcessingSucceeded() {
        assertThat(deduplicator.once("k|sent", () -> false)).isEqualTo(Outcome.FAILED);
        assertThat(repository.contains("k|sent")).isFalse();

        assertThat(deduplicator.once("k|sent", () -> true)).isEqualTo(Outcome.PROCESSED);
        assertThat(repository.contains("k|sent")).isTrue();

        AtomicInteger runs = new AtomicInteger();
        assertThat(deduplicator.once("k|sent", () -> runs.incrementAndGet() > 0)).isEqualTo(Outcome.DUPLICATE);
        assertThat(runs).hasValue(0);
    }

    @Test
    void eventsWithoutKeyAreAlwaysProcessed() {
        AtomicInteger runs = new AtomicInteger();

        deduplicator.once(null, () -> runs.incrementAndGet() > 0);
        deduplicator.once(null, () -> runs.incrementAndGet() > 0);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aConcurrentDeliveryWaitsAndThenSeesTheDuplicate() throws Exception {
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        Future<Outcome> first = executor.submit(() -> deduplicator.once("w|read", () -> {
            runs.incrementAndGet();
            firstEntered.countDown();
            return await(releaseFirst);
        }));
        assertThat(firstEntered.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        Future<Outcome> second = executor.submit(() -> {
            secondThread.set(Thread.currentThread());
            return deduplicator.once("w|read", () -> runs.incrementAndGet() > 0);
        });
        awaitWaiting(secondThread);
        releaseFirst.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.PROCESSED);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.DUPLICATE);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aConcurrentDeliveryProcessesTheKeyWhenTheFirstFailed() throws Exception {
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<Outcome> first = executor.submit(() -> deduplicator.once("w|sent", () -> {
            firstEntered.countDown();
            await(releaseFirst);
            return false;
        }));
        assertThat(firstEntered.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        Future<Outcome> second = executor.submit(() -> {
            secondThread.set(Thread.currentThread());
            return deduplicator.once("w|sent", () -> true);
        });
        awaitWaiting(secondThread);
        releaseFirst.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.FAILED);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.PROCESSED);
        assertThat(repository.contains("w|sent")).isTrue();
    }

    @Test
    void repositoryFailuresAreProcessingFailures() {
        IdempotentRepository broken = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("database down");
            }
        };

        assertThat(new Deduplicator(broken).once("k|sent", () -> true)).isEqualTo(Outcome.FAILED);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Until the thread is parked waiting for the in-flight key (a state check, not a timed sleep). */
    private static void awaitWaiting(AtomicReference<Thread> thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.get() == null || thread.get().getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("second delivery waiting").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
