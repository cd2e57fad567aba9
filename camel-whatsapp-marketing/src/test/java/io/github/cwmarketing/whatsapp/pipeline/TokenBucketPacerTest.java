package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketPacerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void spacesSendsAtTheConfiguredRate() {
        TokenBucketPacer pacer = new TokenBucketPacer(80, clock::get);

        long[] waits = new long[5];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = pacer.reserve();
        }

        assertThat(waits).containsExactly(0L, 12_500_000L, 25_000_000L, 37_500_000L, 50_000_000L);
    }

    @Test
    void idleTimeDoesNotAccumulateIntoABurst() {
        TokenBucketPacer pacer = new TokenBucketPacer(10, clock::get);
        pacer.reserve();

        clock.addAndGet(5_000_000_000L);

        assertThat(pacer.reserve()).isZero();
        assertThat(pacer.reserve()).as("only one token after a long idle period").isEqualTo(100_000_000L);
    }

    @Test
    void neverMoreThanRateTimesWindowPlusOneInAnyWindow() {
        TokenBucketPacer pacer = new TokenBucketPacer(80, clock::get);
        long start = clock.get();
        int startedWithinOneSecond = 0;
        for (int i = 0; i < 500; i++) {
            long sendAt = clock.get() + pacer.reserve();
            if (sendAt - start < 1_000_000_000L) {
                startedWithinOneSecond++;
            }
            clock.addAndGet(1_000_000L);
        }

        assertThat(startedWithinOneSecond).isEqualTo(80);
    }

    @Test
    void aNewRateSpacesTheNextSlotsAtOnce() {
        TokenBucketPacer pacer = new TokenBucketPacer(10, clock::get);
        assertThat(pacer.reserve()).isZero();

        pacer.setMessagesPerSecond(100);

        assertThat(pacer.messagesPerSecond()).isEqualTo(100);
        assertThat(pacer.reserve()).as("the next slot follows the last one at the new spacing").isEqualTo(10_000_000L);
        assertThat(pacer.reserve()).isEqualTo(20_000_000L);
    }

    @Test
    void reportsItsRate() {
        assertThat(new TokenBucketPacer(1000, clock::get).messagesPerSecond()).isEqualTo(1000);
    }
}
