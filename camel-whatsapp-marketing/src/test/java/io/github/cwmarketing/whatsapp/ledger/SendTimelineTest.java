package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adaptive bucketing of sends over time: the width ladder, the alignment, the bound on buckets. */
class SendTimelineTest {

    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    @Test
    void theWidthIsTheSmallestOfTheLadderThatNeedsAtMost120Buckets() {
        assertThat(width(Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
        assertThat(width(Duration.ofMillis(11_900))).isEqualTo(Duration.ofMillis(100));
        assertThat(width(Duration.ofMillis(12_000))).as("121 buckets of 100 ms").isEqualTo(Duration.ofMillis(200));
        assertThat(width(Duration.ofMinutes(20))).isEqualTo(Duration.ofSeconds(15));
        assertThat(width(Duration.ofHours(2))).as("121 buckets of 1 min").isEqualTo(Duration.ofMinutes(2));
        assertThat(width(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(15));
        assertThat(width(Duration.ofDays(100))).isEqualTo(Duration.ofDays(1));
        assertThat(width(Duration.ofDays(1_000))).isEqualTo(Duration.ofDays(9));
    }

    @Test
    void bucketsStartAtAMultipleOfTheWidthAndCoverTheLastSend() {
        Instant first = T0.plusMillis(1_234);
        Instant last = first.plus(Duration.ofHours(5));
        SendTimeline.Builder builder = new SendTimeline.Builder(first, last);
        SendTimeline timeline = builder.add(first, 3).add(last, 2).build();

        assertThat(timeline.bucketWidth()).isEqualTo(Duration.ofMinutes(5));
        assertThat(timeline.start()).isEqualTo(T0);
        assertThat(timeline.counts()).hasSize(61).startsWith(3L).endsWith(2L);
        assertThat(timeline.end()).isAfter(last);
        assertThat(timeline.perSecond(0)).isEqualTo(3 / 300.0);
    }

    @Test
    void aSendOutsideTheRangeIsLeftOut() {
        SendTimeline.Builder builder = new SendTimeline.Builder(T0, T0.plusSeconds(1));
        SendTimeline timeline = builder.add(T0.plusSeconds(5), 7).add(T0.minusSeconds(1), 7).add(null, 7)
                .addToBucket(-1, 7).addToBucket(Long.MAX_VALUE, 7).add(T0, 1).build();

        assertThat(timeline.total()).isEqualTo(1);
        assertThat(timeline.peak()).isEqualTo(1);
    }

    @Test
    void nothingSentIsTheEmptyTimeline() {
        SendTimeline timeline = new SendTimeline.Builder(null, null).add(T0, 1).build();

        assertThat(timeline).isEqualTo(SendTimeline.NONE);
        assertThat(timeline.total()).isZero();
        assertThat(timeline.peakPerSecond()).isZero();
        assertThat(timeline.end()).isNull();
    }

    @Test
    void aTimelineHasAtMost120BucketsAndAPositiveWidth() {
        assertThatThrownBy(() -> new SendTimeline(T0, Duration.ofSeconds(1), Collections.nCopies(121, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 120");
        assertThatThrownBy(() -> new SendTimeline(T0, Duration.ZERO, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendTimeline(null, Duration.ofSeconds(1), List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Duration width(Duration span) {
        return Duration.ofMillis(SendTimeline.widthMillis(T0, T0.plus(span)));
    }
}
