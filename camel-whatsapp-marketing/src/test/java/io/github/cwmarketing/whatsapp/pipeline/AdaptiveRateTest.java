package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveRateTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(100 * SECOND);
    private final AdaptiveRate rate = new AdaptiveRate(80, 1000, clock::get);

    /** One second in which sends waited for slots and Meta accepted what was sent at the current rate. */
    private int busyAcceptedSecond() {
        long sentAt = clock.get();
        rate.onSaturated();
        clock.addAndGet(SECOND);
        return rate.onAccepted(sentAt);
    }

    @Test
    void risesByHalfEachCleanBusySecondUpToTheMaximum() {
        assertThat(busyAcceptedSecond()).isEqualTo(120);
        assertThat(busyAcceptedSecond()).isEqualTo(180);
        int reached = 180;
        for (int i = 0; i < 10; i++) {
            int changed = busyAcceptedSecond();
            reached = changed > 0 ? changed : reached;
        }
        assertThat(reached).isEqualTo(1000);
        assertThat(rate.rate()).isEqualTo(1000);
    }

    @Test
    void doesNotRiseWhenTheDemandWasBelowTheRate() {
        long sentAt = clock.get();
        clock.addAndGet(SECOND);

        assertThat(rate.onAccepted(sentAt)).isZero();
        assertThat(rate.rate()).isEqualTo(80);
    }

    @Test
    void doesNotRiseBeforeASecondHasPassed() {
        rate.onSaturated();
        clock.addAndGet(SECOND / 2);

        assertThat(rate.onAccepted(clock.get())).isZero();
    }

    @Test
    void a130429LowersTheRateByAFifthAndHoldsIt() {
        busyAcceptedSecond();
        busyAcceptedSecond();
        assertThat(rate.rate()).isEqualTo(180);

        assertThat(rate.onThroughputLimit(clock.get())).isEqualTo(144);

        assertThat(busyAcceptedSecond()).as("held for 2 s").isZero();
        assertThat(busyAcceptedSecond()).as("then probes the ceiling again, not beyond").isEqualTo(180);
    }

    @Test
    void answersToMessagesSentBeforeTheLastChangeAreIgnored() {
        long sentBefore = clock.get();
        busyAcceptedSecond();
        rate.onThroughputLimit(clock.get());
        int lowered = rate.rate();
        clock.addAndGet(2 * SECOND);

        assertThat(rate.onThroughputLimit(sentBefore)).as("a 130429 already answered for").isZero();
        assertThat(rate.rate()).isEqualTo(lowered);
    }

    @Test
    void a130429ForAMessageSentWithinASecondOfTheBackOffIsStillThePreviousRates() {
        busyAcceptedSecond();
        rate.onThroughputLimit(clock.get());
        clock.addAndGet(SECOND / 2);

        assertThat(rate.onThroughputLimit(clock.get())).as("the window is still full").isZero();
        clock.addAndGet(SECOND / 2);
        assertThat(rate.onThroughputLimit(clock.get())).as("a second later it counts").isEqualTo(76);
    }

    @Test
    void repeated130429AtTheSameCeilingHoldLongerAndLonger() {
        busyAcceptedSecond();
        rate.onThroughputLimit(clock.get());
        clock.addAndGet(5 * SECOND);
        assertThat(busyAcceptedSecond()).isEqualTo(120);
        rate.onThroughputLimit(clock.get());

        int seconds = 0;
        while (busyAcceptedSecond() == 0) {
            seconds++;
        }
        assertThat(seconds).as("held 4 s the second time").isBetween(3, 4);
    }

    @Test
    void aCeilingPassedCleanlyIsForgotten() {
        busyAcceptedSecond();
        rate.onThroughputLimit(clock.get());
        clock.addAndGet(5 * SECOND);
        assertThat(busyAcceptedSecond()).isEqualTo(120);

        assertThat(busyAcceptedSecond()).as("the tier was raised meanwhile: onwards").isEqualTo(180);
    }

    @Test
    void neverBelowOneMessagePerSecond() {
        AdaptiveRate slow = new AdaptiveRate(2, 10, clock::get);
        slow.onThroughputLimit(clock.get());
        clock.addAndGet(1);

        assertThat(slow.rate()).isEqualTo(1);
        assertThat(slow.onThroughputLimit(clock.get())).isZero();
    }

    @Test
    void startsFromTheThroughputLevelCappedAtTheMaximum() {
        assertThat(rate.startFrom(1000)).isEqualTo(1000);
        assertThat(new AdaptiveRate(80, 500, clock::get).startFrom(1000)).isEqualTo(500);
        assertThat(new AdaptiveRate(80, 500, clock::get).startFrom(80)).as("already there").isZero();
    }

    @Test
    void aThroughputLevelReadAfterTheRateMovedIsIgnored() {
        busyAcceptedSecond();

        assertThat(rate.startFrom(80)).isZero();
        assertThat(rate.rate()).isEqualTo(120);
    }

    @Test
    void aLowerSharedRateIsTakenOverAndHeld() {
        busyAcceptedSecond();
        rate.adopt(90);

        assertThat(rate.rate()).isEqualTo(90);
        assertThat(busyAcceptedSecond()).as("held like its own back-off").isZero();
    }

    @Test
    void refusesAMaximumBelowTheStart() {
        assertThatThrownBy(() -> new AdaptiveRate(80, 40, clock::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
