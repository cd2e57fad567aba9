package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A campaign's sends over time: how many messages were handed to the HTTP client (their latest attempt) in each
 * bucket of {@code bucketWidth}, the first starting at {@code start}. The width adapts to the campaign's span — the
 * smallest of 100 ms, 200 ms, 500 ms, 1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, … 12 h, 1 day, then whole days — that
 * needs at most {@value #MAX_BUCKETS} buckets, so a million messages over a week are still 120 numbers. Buckets
 * start at a multiple of the width since the epoch.
 *
 * @param start       the first bucket's start, or null when nothing was sent
 * @param bucketWidth the width of every bucket
 * @param counts      the messages sent in each bucket, in time order (empty buckets included)
 */
public record SendTimeline(Instant start, Duration bucketWidth, List<Long> counts) {

    /** The most buckets a timeline has. */
    public static final int MAX_BUCKETS = 120;

    private static final long[] WIDTHS_MILLIS = { 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
            60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
            43_200_000, 86_400_000 };
    private static final long DAY_MILLIS = 86_400_000;

    /** The timeline of a campaign that sent nothing. */
    public static final SendTimeline NONE = new SendTimeline(null, Duration.ofMillis(WIDTHS_MILLIS[0]), List.of());

    public SendTimeline {
        Objects.requireNonNull(bucketWidth, "bucketWidth");
        if (bucketWidth.isNegative() || bucketWidth.isZero()) {
            throw new IllegalArgumentException("bucketWidth must be positive");
        }
        counts = List.copyOf(counts);
        if (counts.size() > MAX_BUCKETS) {
            throw new IllegalArgumentException("at most " + MAX_BUCKETS + " buckets, not " + counts.size());
        }
        if (start == null && !counts.isEmpty()) {
            throw new IllegalArgumentException("buckets need a start");
        }
    }

    /** The messages of every bucket together. */
    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** The most messages of one bucket (0 when nothing was sent). */
    public long peak() {
        return counts.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The rate of a bucket in messages per second. */
    public double perSecond(int bucket) {
        return rate(counts.get(bucket));
    }

    /** The rate of the busiest bucket in messages per second. */
    public double peakPerSecond() {
        return rate(peak());
    }

    /** When a bucket starts. */
    public Instant bucketStart(int bucket) {
        return start.plus(bucketWidth.multipliedBy(bucket));
    }

    /** When the last bucket ends (null when nothing was sent). */
    public Instant end() {
        return start == null ? null : bucketStart(counts.size());
    }

    private double rate(long count) {
        return count * 1000.0 / bucketWidth.toMillis();
    }

    /** The smallest width of the ladder that covers {@code first} to {@code last} in at most MAX_BUCKETS buckets. */
    static long widthMillis(Instant first, Instant last) {
        long from = first.toEpochMilli();
        long to = last.toEpochMilli();
        for (long width : WIDTHS_MILLIS) {
            if (bucketCount(from, to, width) <= MAX_BUCKETS) {
                return width;
            }
        }
        long days = Math.max(1, (to - from) / DAY_MILLIS / (MAX_BUCKETS - 1));
        while (bucketCount(from, to, days * DAY_MILLIS) > MAX_BUCKETS) {
            days++;
        }
        return days * DAY_MILLIS;
    }

    private static long bucketCount(long from, long to, long width) {
        return Math.floorDiv(to, width) - Math.floorDiv(from, width) + 1;
    }

    /**
     * Counts sends into the buckets between the first and the last send time of a campaign. Every implementation
     * feeds it (the JDBC ledger with bucket indexes computed in SQL by the same formula as {@link #index}), so the
     * bucketing is one.
     */
    static final class Builder {

        private final long startMillis;
        private final long widthMillis;
        private final long[] counts;

        /** A builder for sends from {@code first} to {@code last}; both null when nothing was sent. */
        Builder(Instant first, Instant last) {
            if (first == null || last == null) {
                startMillis = 0;
                widthMillis = WIDTHS_MILLIS[0];
                counts = new long[0];
            } else {
                widthMillis = SendTimeline.widthMillis(first, last);
                startMillis = Math.floorDiv(first.toEpochMilli(), widthMillis) * widthMillis;
                counts = new long[(int) SendTimeline.bucketCount(first.toEpochMilli(), last.toEpochMilli(),
                        widthMillis)];
            }
        }

        long startMillis() {
            return startMillis;
        }

        long widthMillis() {
            return widthMillis;
        }

        int bucketCount() {
            return counts.length;
        }

        /** The bucket of a send time: {@code floor((epochMillis - start) / width)}. */
        long index(Instant sentAt) {
            return Math.floorDiv(sentAt.toEpochMilli() - startMillis, widthMillis);
        }

        Builder add(Instant sentAt, long count) {
            return sentAt == null ? this : addToBucket(index(sentAt), count);
        }

        /** Adds to a bucket; a send outside the range (sent after the report's last send time was read) is left out. */
        Builder addToBucket(long index, long count) {
            if (index >= 0 && index < counts.length) {
                counts[(int) index] += count;
            }
            return this;
        }

        SendTimeline build() {
            if (counts.length == 0) {
                return NONE;
            }
            List<Long> list = new ArrayList<>(counts.length);
            for (long count : counts) {
                list.add(count);
            }
            return new SendTimeline(Instant.ofEpochMilli(startMillis), Duration.ofMillis(widthMillis), list);
        }
    }
}
