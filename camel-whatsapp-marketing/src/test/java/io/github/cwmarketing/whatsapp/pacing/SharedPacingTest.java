package io.github.cwmarketing.whatsapp.pacing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.TimeMeter;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.pipeline.Pacer;
import io.github.cwmarketing.whatsapp.pipeline.PacingSettings;
import io.github.cwmarketing.whatsapp.support.EmbeddedPostgres;
import io.github.cwmarketing.whatsapp.support.ManualScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared pacing on a real PostgreSQL, on a virtual clock: several "instances" (factories of their own) lease from one
 * bucket per number. Virtual time stands still during a database round trip, so the figures are exact, not timed.
 */
class SharedPacingTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String DATABASE = "shared_pacing_test";
    private static HikariDataSource dataSource;

    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final LeaseScheduler leaser = new LeaseScheduler() {
        @Override
        public void schedule(Runnable task, long delayNanos) {
            scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
        }
    };
    private final TimeMeter sharedClock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return clock.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };
    private String number;

    @BeforeAll
    static void database() {
        dataSource = EmbeddedPostgres.pooledDatabase(DATABASE);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void newNumber() {
        number = "10654035224" + (System.nanoTime() % 10_000);
    }

    private PostgresPacerFactory instance() {
        return new PostgresPacerFactory(dataSource, BucketStore.DEFAULT_TABLE, sharedClock, clock::get, leaser);
    }

    /** Keeps one acquire outstanding, as the component's queue does with endless demand; counts the slots. */
    private final class Demand {
        final Pacer pacer;
        final List<Long> slots = new ArrayList<>();
        final List<Throwable> refusals = new ArrayList<>();
        boolean stopped;

        Demand(Pacer pacer) {
            this.pacer = pacer;
        }

        void next() {
            if (stopped) {
                return;
            }
            pacer.acquire().whenComplete((wait, failure) -> {
                if (failure != null) {
                    refusals.add(failure);
                    scheduler.schedule(this::next, 100, TimeUnit.MILLISECONDS);
                    return;
                }
                slots.add(clock.get() + wait);
                // the next slot is asked for once this one is near, as the component does
                scheduler.schedule(this::next, Math.max(0, wait - 10_000_000L), TimeUnit.NANOSECONDS);
            });
        }

        long slotsBetween(long from, long to) {
            return slots.stream().filter(slot -> slot >= from && slot < to).count();
        }
    }

    @Test
    void twoBusyInstancesShareOneNumbersRateWithinFivePercentEachGettingAShare() {
        Demand first = new Demand(instance().createPacer(number, 1000));
        Demand second = new Demand(instance().createPacer(number, 1000));
        long start = clock.get();

        first.next();
        second.next();
        scheduler.advance(20 * SECOND);

        long together = first.slotsBetween(start, start + 20 * SECOND) + second.slotsBetween(start, start + 20 * SECOND);
        assertThat(together).as("at most 1,000/s plus 5 %, over 20 s").isLessThanOrEqualTo(21_000)
                .as("and not far below it").isGreaterThanOrEqualTo(19_000);
        assertThat(first.slotsBetween(start, start + 20 * SECOND)).as("each gets a share")
                .isGreaterThan(together * 2 / 5);
        assertThat(second.slotsBetween(start, start + 20 * SECOND)).isGreaterThan(together * 2 / 5);
        assertThat(maxInAnySecond(first, second)).as("no burst: any one second stays near the rate")
                .isLessThanOrEqualTo(1_200);
    }

    @Test
    void threeInstancesAtEightyPerSecondStayWithinTheRate() {
        List<Demand> instances = List.of(new Demand(instance().createPacer(number, 80)),
                new Demand(instance().createPacer(number, 80)), new Demand(instance().createPacer(number, 80)));
        long start = clock.get();

        instances.forEach(Demand::next);
        scheduler.advance(30 * SECOND);

        long together = instances.stream().mapToLong(d -> d.slotsBetween(start, start + 30 * SECOND)).sum();
        assertThat(together).isBetween(2_280L, 2_520L);
        assertThat(instances).allSatisfy(d -> assertThat(d.slotsBetween(start, start + 30 * SECOND))
                .isGreaterThan(together / 5));
    }

    @Test
    void anIdleInstanceLeasesNothingAndTheBusyOneGetsTheWholeRate() {
        Demand busy = new Demand(instance().createPacer(number, 100));
        instance().createPacer(number, 100);
        long start = clock.get();

        busy.next();
        scheduler.advance(10 * SECOND);

        assertThat(busy.slotsBetween(start, start + 10 * SECOND)).isBetween(990L, 1_050L);
    }

    @Test
    void aRateChangeByOneInstanceReachesTheOtherWithinASecond() {
        Pacer first = instance().createPacer(number, new PacingSettings(100, 1000, false, 1000));
        Pacer second = instance().createPacer(number, new PacingSettings(100, 1000, false, 1000));
        new Demand(first).next();
        new Demand(second).next();
        scheduler.advance(SECOND);

        first.setMessagesPerSecond(400);
        scheduler.advance(2 * SECOND);

        assertThat(second.messagesPerSecond()).isEqualTo(400);
        assertThat(storedRate(number)).isEqualTo(400);
    }

    @Test
    void aFixedRateIsWrittenAtStartButAnAdaptiveOneKeepsTheStoredTier() {
        new Demand(instance().createPacer(number, 500)).next();
        scheduler.advance(SECOND);

        Pacer adaptive = instance().createPacer(number, new PacingSettings(80, 1000, false, 1000));
        new Demand(adaptive).next();
        scheduler.advance(SECOND);
        assertThat(adaptive.messagesPerSecond()).as("continues at the tier the others found").isEqualTo(500);

        Pacer fixed = instance().createPacer(number, 200);
        new Demand(fixed).next();
        scheduler.advance(SECOND);
        assertThat(storedRate(number)).as("a fixed rate is the configuration's").isEqualTo(200);
    }

    @Test
    void aDatabaseThatCannotBeReachedRefusesTypedAndPacingResumesWhenItAnswers() {
        String database = "shared_pacing_down";
        try (HikariDataSource own = EmbeddedPostgres.pooledDatabase(database)) {
            PostgresPacerFactory factory = new PostgresPacerFactory(own, BucketStore.DEFAULT_TABLE, sharedClock,
                    clock::get, leaser);
            Demand demand = new Demand(factory.createPacer(number, 50));
            demand.next();
            scheduler.advance(SECOND);
            assertThat(demand.slots).isNotEmpty();

            EmbeddedPostgres.allowConnections(database, false);
            long downAt = clock.get();
            scheduler.advance(3 * SECOND);
            int sentWhileDown = (int) demand.slotsBetween(downAt + 2 * LeasedPacer.TOKEN_LIFETIME_NANOS, clock.get());
            assertThat(sentWhileDown).as("no slot once the leased tokens are gone").isZero();
            assertThat(demand.refusals).isNotEmpty().allSatisfy(refusal -> {
                assertThat(refusal).isInstanceOf(WhatsAppMarketingPacingException.class);
                assertThat(((WhatsAppMarketingPacingException) refusal).getReason())
                        .isEqualTo(WhatsAppMarketingPacingException.Reason.STORE_UNAVAILABLE);
            });

            EmbeddedPostgres.allowConnections(database, true);
            long upAt = clock.get();
            scheduler.advance(3 * SECOND);
            assertThat(demand.slotsBetween(upAt, clock.get())).as("paced again, at the rate")
                    .isBetween(50L, 160L);
            demand.stopped = true;
            factory.close();
        } finally {
            EmbeddedPostgres.allowConnections(database, true);
        }
    }

    @Test
    void closingRefusesWhatWaits() {
        PostgresPacerFactory factory = instance();
        Pacer pacer = factory.createPacer(number, 10);
        CompletableFuture<Long> waiting = pacer.acquire().toCompletableFuture();

        factory.close();

        assertThat(waiting).isCompletedExceptionally();
        assertThat(pacer.acquire().toCompletableFuture()).isCompletedExceptionally();
    }

    private static long maxInAnySecond(Demand... instances) {
        List<Long> all = new ArrayList<>();
        for (Demand demand : instances) {
            all.addAll(demand.slots);
        }
        all.sort(Long::compare);
        long max = 0;
        int from = 0;
        for (int to = 0; to < all.size(); to++) {
            while (all.get(to) - all.get(from) >= SECOND) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    /** The rate the table holds for the number, read as another instance would. */
    private static int storedRate(String number) {
        return new BucketStore(dataSource, BucketStore.DEFAULT_TABLE, TimeMeter.SYSTEM_MILLISECONDS).storedRate(number);
    }
}
