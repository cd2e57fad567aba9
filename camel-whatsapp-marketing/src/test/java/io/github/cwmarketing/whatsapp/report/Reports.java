package io.github.cwmarketing.whatsapp.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;
import io.github.cwmarketing.whatsapp.ledger.SendTimeline;

/** Campaign reports built directly, with numbers a test can check on the page. */
final class Reports {

    static final Instant START = Instant.parse("2026-10-01T08:00:00Z");

    private Reports() {
    }

    /**
     * A campaign of 1,000,000 messages: 940,000 accepted (705,000 read, 150,000 delivered, 20,000 sent, 5,000 without
     * status, 60,000 failed), 40,000 rejected, 3,000 unknown, 15,000 suppressed, 2,000 not sent; 983,000 sent at
     * about 80 msg/s over 3 h 25 min, 2-minute buckets ramping up over the first ten.
     */
    static CampaignReport million(String campaign, String ecosystemTitle) {
        Map<FinalStatus, Long> statuses = new EnumMap<>(FinalStatus.class);
        for (FinalStatus status : FinalStatus.values()) {
            statuses.put(status, 0L);
        }
        statuses.putAll(Map.of(FinalStatus.READ, 705_000L, FinalStatus.DELIVERED, 150_000L, FinalStatus.SENT,
                20_000L, FinalStatus.ACCEPTED, 5_000L, FinalStatus.FAILED, 60_000L, FinalStatus.REJECTED, 40_000L,
                FinalStatus.UNKNOWN, 3_000L, FinalStatus.SUPPRESSED, 15_000L, FinalStatus.NOT_SENT, 2_000L));
        Map<Integer, Long> errors = new TreeMap<>(Map.of(131049, 30_000L, 131026, 20_000L, 131050, 10_000L,
                131056, 25_000L, 130472, 15_000L));
        Map<Integer, String> titles = new TreeMap<>(Map.of(131049, ecosystemTitle, 131026, "Message undeliverable",
                131050, "User has stopped marketing messages", 131056, "Pair rate limit hit"));
        Duration width = Duration.ofMinutes(2);
        SendTimeline timeline = new SendTimeline(START, width, rampedCounts(983_000, 103, 10));
        return new CampaignReport(campaign, 1_000_000, statuses,
                new TreeMap<>(Map.of("MARKETING_MESSAGES_API", 900_000L, "CLOUD_API", 30_000L, "unknown", 10_000L)),
                errors, new TreeMap<>(Map.of("marketing", 930_000L, "unknown", 10_000L)), 12_345,
                START.plusSeconds(3), timeline.end().minusSeconds(30), titles, timeline);
    }

    /** {@code total} spread over {@code buckets}: a linear ramp over the first {@code ramp}, then level. */
    static List<Long> rampedCounts(long total, int buckets, int ramp) {
        double weights = 0;
        for (int i = 0; i < buckets; i++) {
            weights += Math.min(i + 1, ramp);
        }
        List<Long> counts = new ArrayList<>();
        long assigned = 0;
        for (int i = 0; i < buckets; i++) {
            long count = i == buckets - 1 ? total - assigned : Math.round(total * Math.min(i + 1, ramp) / weights);
            counts.add(count);
            assigned += count;
        }
        return counts;
    }
}
