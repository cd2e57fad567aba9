package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairPacerTest {

    private static final long SIX_SECONDS = 6_000_000_000L;
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final PairPacer pairs = new PairPacer(1000, clock::get);

    @Test
    void theSameRecipientGetsOneMessagePerSixSeconds() {
        assertThat(pairs.reserve("4915112345678")).isZero();
        assertThat(pairs.reserve("4915112345678")).isEqualTo(SIX_SECONDS);
        assertThat(pairs.reserve("4915112345678")).isEqualTo(2 * SIX_SECONDS);

        clock.addAndGet(SIX_SECONDS + 1);

        assertThat(pairs.reserve("4915112345678")).as("booked after the two already waiting")
                .isEqualTo(2 * SIX_SECONDS - 1);
    }

    @Test
    void otherRecipientsDoNotWait() {
        pairs.reserve("4915112345678");

        assertThat(pairs.reserve("4915187654321")).isZero();
        assertThat(pairs.reserve("user.BSUID.1")).isZero();
    }

    @Test
    void aRecipientIsForgottenSixSecondsAfterItsSlot() {
        for (int i = 0; i < 500; i++) {
            pairs.reserve("49151" + i);
        }
        assertThat(pairs.size()).isEqualTo(500);

        clock.addAndGet(SIX_SECONDS);
        pairs.reserve("another");

        assertThat(pairs.size()).as("only the recipient just booked is remembered").isEqualTo(1);
        assertThat(pairs.reserve("491510")).isZero();
    }

    @Test
    void neverRemembersMoreThanItsBound() {
        PairPacer small = new PairPacer(100, clock::get);
        for (int i = 0; i < 10_000; i++) {
            small.reserve("49151" + i);
        }

        assertThat(small.size()).isEqualTo(100);
        assertThat(small.reserve("4915199")).as("forgotten: the bound drops the oldest").isZero();
        assertThat(small.reserve("491519999")).as("remembered: among the latest").isEqualTo(SIX_SECONDS);
    }
}
