package io.github.cwmarketing.whatsapp.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.spi.PacingStatus;
import io.github.cwmarketing.whatsapp.spi.RateChangeReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.ManualScheduler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queue in front of a number's pacer, on a virtual clock: sends start at their slot times, a rate change reaches
 * the sends already waiting, pair pacing is scheduled, and a pacer that cannot give slots refuses typed.
 */
class NumberPacingTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;

    private final AtomicLong clock = new AtomicLong(SECOND);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> rateChanges = new CopyOnWriteArrayList<>();
    private final WhatsAppMarketingListener listener = new WhatsAppMarketingListener() {
        @Override
        public void onRateChanged(PacingStatus status, int previousRate, RateChangeReason reason) {
            rateChanges.add(previousRate + "->" + status.messagesPerSecond() + " " + reason);
        }
    };

    /** Records when each send was let go (the slot time: grant time plus its wait). */
    private final class Recorder implements PacedSend {
        final List<Long> startedAt = new ArrayList<>();
        final List<WhatsAppMarketingPacingException> refusals = new ArrayList<>();

        @Override
        public void granted(long waitNanos) {
            startedAt.add(clock.get() + waitNanos);
        }

        @Override
        public void refused(WhatsAppMarketingPacingException failure) {
            refusals.add(failure);
        }
    }

    private NumberPacing pacing(PacingSettings settings, Pacer pacer) {
        return new NumberPacing("106540352242922", settings, pacer, scheduler, listener, clock::get);
    }

    private NumberPacing fixed(int rate, boolean pairPacing) {
        return pacing(new PacingSettings(rate, 0, pairPacing, 1000), new TokenBucketPacer(rate, clock::get));
    }

    @Test
    void pastMaxPendingSendsANewSendIsRefusedTypedAndNothingIsQueued() {
        NumberPacing pacing = pacing(new PacingSettings(10, 0, false, 3), new TokenBucketPacer(10, clock::get));
        Recorder sends = new Recorder();
        for (int i = 0; i < 5; i++) {
            pacing.submit(null, sends, 0);
        }

        assertThat(sends.startedAt).as("the first two got slots at once").hasSize(2);
        assertThat(pacing.pendingSends()).isEqualTo(3);
        assertThat(sends.refusals).hasSize(0);
        pacing.submit(null, sends, 0);
        assertThat(sends.refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.getReason()).isEqualTo(WhatsAppMarketingPacingException.Reason.TOO_MANY_PENDING);
            assertThat(refusal.getMessage()).contains("maxPendingSends").contains("not sent");
        });
        assertThat(pacing.pendingSends()).isEqualTo(3);

        scheduler.advance(SECOND);
        pacing.submit(null, sends, 0);
        assertThat(sends.refusals).as("room again once the waiting ones were sent").hasSize(1);
    }

    @Test
    void aRetryIsNeverRefusedForMaxPendingSends() {
        NumberPacing pacing = pacing(new PacingSettings(10, 0, false, 1), new TokenBucketPacer(10, clock::get));
        Recorder sends = new Recorder();
        pacing.submit(null, sends, 0);
        pacing.submit(null, sends, 0);
        pacing.submit(null, sends, 0);

        pacing.resubmit(sends);

        assertThat(sends.refusals).isEmpty();
        assertThat(pacing.pendingSends()).isEqualTo(2);
        scheduler.advance(SECOND);
        assertThat(sends.startedAt).hasSize(4);
    }

    @Test
    void aRouteThreadWaitsForRoomUntilAWaitingSendIsSent() throws Exception {
        NumberPacing pacing = pacing(new PacingSettings(10, 0, false, 1), new TokenBucketPacer(10, clock::get));
        Recorder sends = new Recorder();
        pacing.submit(null, sends, 0);
        pacing.submit(null, sends, 0);
        pacing.submit(null, sends, 0);
        Recorder blocked = new Recorder();
        Thread route = new Thread(() -> pacing.submit(null, blocked, 60 * SECOND), "Camel (camel-1) thread #3 - Split");

        route.start();
        for (int i = 0; i < 500 && route.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(2);
        }
        assertThat(route.getState()).as("the route thread waits for room").isEqualTo(Thread.State.TIMED_WAITING);
        scheduler.advance(SECOND);
        route.join(10_000);

        assertThat(route.isAlive()).isFalse();
        assertThat(blocked.refusals).isEmpty();
        assertThat(blocked.startedAt.size() + pacing.pendingSends()).as("admitted: waiting or sent").isEqualTo(1);
    }

    @Test
    void anIoThreadIsNeverMadeToWait() throws Exception {
        NumberPacing pacing = pacing(new PacingSettings(10, 0, false, 1), new TokenBucketPacer(10, clock::get));
        Recorder sends = new Recorder();
        pacing.submit(null, sends, 0);
        pacing.submit(null, sends, 0);
        pacing.submit(null, sends, 0);
        Recorder fromIo = new Recorder();
        Thread io = new Thread(() -> pacing.submit(null, fromIo, 60 * SECOND), "httpclient-dispatch-1");

        io.start();
        io.join(10_000);

        assertThat(io.isAlive()).isFalse();
        assertThat(fromIo.refusals).singleElement().satisfies(refusal -> assertThat(refusal.getReason())
                .isEqualTo(WhatsAppMarketingPacingException.Reason.TOO_MANY_PENDING));
    }

    @Test
    void sendsStartAtTheRateAndWaitInTheQueueNotInThePacer() {
        NumberPacing pacing = fixed(10, false);
        Recorder sends = new Recorder();

        for (int i = 0; i < 20; i++) {
            pacing.submit(null, sends, 0);
        }

        assertThat(sends.startedAt).as("a slot is booked only once the previous one is near: now and the next")
                .hasSize(2);
        assertThat(pacing.pendingSends()).isEqualTo(18);
        scheduler.advance(2 * SECOND);
        assertThat(sends.startedAt).hasSize(20);
        for (int i = 1; i < 20; i++) {
            assertThat(sends.startedAt.get(i) - sends.startedAt.get(i - 1)).isEqualTo(100 * MS);
        }
        assertThat(pacing.pendingSends()).isZero();
    }

    @Test
    void aRaisedRateReachesTheSendsAlreadyWaiting() {
        TokenBucketPacer pacer = new TokenBucketPacer(10, clock::get);
        NumberPacing pacing = pacing(new PacingSettings(10, 100, false, 1000), pacer);
        Recorder sends = new Recorder();
        for (int i = 0; i < 50; i++) {
            pacing.submit(null, sends, 0);
        }

        pacing.startFromThroughputLevel(100);
        scheduler.advance(SECOND);

        assertThat(rateChanges).containsExactly("10->100 THROUGHPUT_LEVEL");
        assertThat(sends.startedAt).as("49 waiting sends at 100/s take about half a second, not five")
                .hasSize(50);
        assertThat(sends.startedAt.get(49) - sends.startedAt.get(0)).isLessThan(600 * MS);
    }

    @Test
    void theAdaptiveRateRisesWhileMetaAcceptsAndFallsOn130429() {
        NumberPacing pacing = pacing(new PacingSettings(10, 1000, false, 1000), new TokenBucketPacer(10, clock::get));
        Recorder sends = new Recorder();
        for (int i = 0; i < 30; i++) {
            pacing.submit(null, sends, 0);
        }
        long sentAt = clock.get();
        scheduler.advance(SECOND);

        pacing.onAnswer(sentAt, true, false);
        assertThat(pacing.messagesPerSecond()).isEqualTo(15);

        pacing.onAnswer(clock.get(), false, true);
        assertThat(pacing.messagesPerSecond()).isEqualTo(12);
        assertThat(rateChanges).containsExactly("10->15 RAISED", "15->12 THROUGHPUT_LIMIT");
    }

    @Test
    void pairPacingSchedulesTheSecondMessageToARecipientSixSecondsLater() {
        NumberPacing pacing = fixed(80, true);
        Recorder sends = new Recorder();

        pacing.submit("4915112345678", sends, 0);
        pacing.submit("4915112345678", sends, 0);
        pacing.submit("4915187654321", sends, 0);
        scheduler.advance(10 * MS);

        assertThat(sends.startedAt).hasSize(2);
        assertThat(pacing.pendingSends()).as("the repeat waits for its pair slot").isEqualTo(1);
        scheduler.advance(6 * SECOND);
        assertThat(sends.startedAt).hasSize(3);
        assertThat(sends.startedAt.get(2) - sends.startedAt.get(0)).isGreaterThanOrEqualTo(6 * SECOND);
    }

    @Test
    void withoutPairPacingTheRepeatGoesAtTheNextRateSlot() {
        NumberPacing pacing = fixed(80, false);
        Recorder sends = new Recorder();

        pacing.submit("4915112345678", sends, 0);
        pacing.submit("4915112345678", sends, 0);
        scheduler.advance(20 * MS);

        assertThat(sends.startedAt).hasSize(2);
        assertThat(sends.startedAt.get(1) - sends.startedAt.get(0)).isEqualTo(12_500_000L);
    }

    @Test
    void aPacerThatCannotGiveASlotRefusesEveryWaitingSendTyped() {
        CompletableFuture<Long> pending = new CompletableFuture<>();
        NumberPacing pacing = pacing(new PacingSettings(10, 0, false, 1000), fixedRatePacer(() -> pending));
        Recorder sends = new Recorder();
        pacing.submit(null, sends, 0);
        pacing.submit(null, sends, 0);

        pending.completeExceptionally(new IllegalStateException("database down"));

        assertThat(sends.startedAt).isEmpty();
        assertThat(sends.refusals).hasSize(2).allSatisfy(refusal -> {
            assertThat(refusal.getReason()).isEqualTo(WhatsAppMarketingPacingException.Reason.STORE_UNAVAILABLE);
            assertThat(refusal.getPacingKey()).isEqualTo("106540352242922");
        });
        assertThat(pacing.pendingSends()).isZero();
    }

    @Test
    void closingRefusesTheWaitingSends() {
        NumberPacing pacing = fixed(1, false);
        Recorder sends = new Recorder();
        for (int i = 0; i < 3; i++) {
            pacing.submit(null, sends, 0);
        }

        pacing.close();
        pacing.submit(null, sends, 0);
        scheduler.advance(5 * SECOND);

        assertThat(sends.startedAt).as("the slots booked before").hasSize(2);
        assertThat(sends.refusals).hasSize(2)
                .allSatisfy(refusal -> assertThat(refusal.getReason())
                        .isEqualTo(WhatsAppMarketingPacingException.Reason.STOPPED));
    }

    /** Waiting for a pair slot is a task on the component's scheduler, which stops with it: refused at close. */
    @Test
    void closingRefusesTheSendsWaitingForTheirPairSlot() {
        NumberPacing pacing = fixed(80, true);
        Recorder sends = new Recorder();
        pacing.submit("4915112345678", sends, 0);
        pacing.submit("4915112345678", sends, 0);
        pacing.submit("4915112345678", sends, 0);
        scheduler.advance(10 * MS);
        assertThat(pacing.pendingSends()).isEqualTo(2);

        pacing.close();
        pacing.submit("4915187654321", sends, 0);

        assertThat(sends.startedAt).hasSize(1);
        assertThat(sends.refusals).hasSize(3).allSatisfy(refusal -> assertThat(refusal.getReason())
                .isEqualTo(WhatsAppMarketingPacingException.Reason.STOPPED));
        assertThat(pacing.pendingSends()).isZero();
        scheduler.advance(20 * SECOND);
        assertThat(sends.startedAt).as("their scheduled tasks start nothing").hasSize(1);
        assertThat(sends.refusals).as("and refuse nothing twice").hasSize(3);
    }

    /** Room reserved ahead (while a ledger claims the send) counts against maxPendingSends until used or given back. */
    @Test
    void reservedRoomCountsAgainstMaxPendingSendsUntilUsedOrGivenBack() {
        NumberPacing pacing = pacing(new PacingSettings(1, 0, false, 2), new TokenBucketPacer(1, clock::get));
        Recorder sends = new Recorder();

        assertThat(pacing.reserve()).isTrue();
        assertThat(pacing.reserve()).isTrue();
        assertThat(pacing.reserve()).as("two reserved: no room").isFalse();
        pacing.submit(null, sends, 0);
        assertThat(sends.refusals).singleElement().satisfies(refusal -> assertThat(refusal.getReason())
                .isEqualTo(WhatsAppMarketingPacingException.Reason.TOO_MANY_PENDING));
        assertThat(pacing.pendingSends()).as("reserved room is not a send waiting").isZero();

        pacing.cancelReservation();
        assertThat(pacing.reserve()).as("the room given back").isTrue();
        pacing.submitReserved(null, sends);
        pacing.submitReserved(null, sends);
        assertThat(sends.startedAt).as("the reserved sends are queued and paced").hasSize(2);
        assertThat(sends.startedAt.get(1) - sends.startedAt.get(0)).isEqualTo(SECOND);
        assertThat(pacing.reserve()).as("their room freed once they had their slots").isTrue();
    }

    @Test
    void anAdaptiveRateNeedsAPacerWhoseRateCanChange() {
        assertThatThrownBy(() -> pacing(new PacingSettings(10, 100, false, 1000),
                fixedRatePacer(() -> CompletableFuture.completedFuture(0L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessagesPerSecond needs a pacer whose rate can change");
    }

    private static Pacer fixedRatePacer(java.util.function.Supplier<CompletionStage<Long>> slots) {
        return new Pacer() {
            @Override
            public CompletionStage<Long> acquire() {
                return slots.get();
            }

            @Override
            public int messagesPerSecond() {
                return 10;
            }
        };
    }
}
