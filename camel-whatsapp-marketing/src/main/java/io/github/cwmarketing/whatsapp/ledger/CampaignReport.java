package io.github.cwmarketing.whatsapp.ledger;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The aggregate of one campaign's messages in the ledger: counts by final status, by how Meta routed the accepted
 * ones, by error code (send rejections and failed statuses) and by pricing category; unknown outcomes, suppressed
 * recipients, duplicates skipped; the first and last send time, Meta's title of each error code and the sends over
 * time. Counts only, so it stays small at any campaign size.
 *
 * @param campaign          the campaign id (null: messages sent without one)
 * @param messages          how many messages (one per send key; one per send without a key)
 * @param byFinalStatus     every final status with its count (zeros included)
 * @param byRoutedVia       accepted messages by MARKETING_MESSAGES_API / CLOUD_API ({@value #NOT_REPORTED} when no
 *                          status told)
 * @param byErrorCode       messages by Meta error code
 * @param byPricingCategory accepted messages by pricing category ({@value #NOT_REPORTED} when no status told)
 * @param duplicatesSkipped sends skipped because their key was accepted or in flight already
 * @param firstSentAt       when the first message was handed over, or null
 * @param lastSentAt        when the last message was handed over, or null
 * @param errorTitles       Meta's title of each error code of {@code byErrorCode} that came with one (from the send
 *                          answer or the failed status; Meta's "(#code) " prefix removed)
 * @param sendTimeline      the messages handed over per time bucket, between the first and the last send
 */
public record CampaignReport(String campaign, long messages, Map<FinalStatus, Long> byFinalStatus,
                             Map<String, Long> byRoutedVia, Map<Integer, Long> byErrorCode,
                             Map<String, Long> byPricingCategory, long duplicatesSkipped, Instant firstSentAt,
                             Instant lastSentAt, Map<Integer, String> errorTitles, SendTimeline sendTimeline) {

    /** The key of accepted messages whose status webhooks did not tell (yet). */
    public static final String NOT_REPORTED = "unknown";

    public CampaignReport {
        Objects.requireNonNull(byFinalStatus, "byFinalStatus");
        Objects.requireNonNull(byRoutedVia, "byRoutedVia");
        Objects.requireNonNull(byErrorCode, "byErrorCode");
        Objects.requireNonNull(byPricingCategory, "byPricingCategory");
        errorTitles = errorTitles == null ? Map.of() : errorTitles;
        sendTimeline = sendTimeline == null ? SendTimeline.NONE : sendTimeline;
    }

    public long count(FinalStatus status) {
        return byFinalStatus.getOrDefault(status, 0L);
    }

    /** Messages the API accepted (whatever their later status). */
    public long accepted() {
        return byFinalStatus.entrySet().stream().filter(entry -> entry.getKey().isAccepted())
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long unknownOutcomes() {
        return count(FinalStatus.UNKNOWN);
    }

    public long suppressed() {
        return count(FinalStatus.SUPPRESSED);
    }

    /** The report as plain text, one count per line, for a log or a console. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Campaign ").append(campaign == null ? "(none)" : campaign).append('\n');
        line(text, "Messages", messages);
        line(text, "Accepted by the API", accepted());
        text.append("By final status\n");
        byFinalStatus.forEach((status, count) -> line(text, "  " + status.name().toLowerCase(Locale.ROOT), count));
        text.append("By route (accepted messages)\n");
        byRoutedVia.forEach((route, count) -> line(text, "  " + route, count));
        text.append("By error code\n");
        if (byErrorCode.isEmpty()) {
            text.append("  none\n");
        }
        byErrorCode.forEach((code, count) -> {
            String title = errorTitles.get(code);
            text.append(String.format("%-28s %6d%s%n", "  " + code, count, title == null ? "" : "  " + title));
        });
        text.append("By pricing category (accepted messages)\n");
        byPricingCategory.forEach((category, count) -> line(text, "  " + category, count));
        line(text, "Duplicates skipped", duplicatesSkipped);
        text.append(String.format("%-28s %s%n", "First sent", firstSentAt == null ? "-" : firstSentAt));
        text.append(String.format("%-28s %s%n", "Last sent", lastSentAt == null ? "-" : lastSentAt));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, long count) {
        text.append(String.format("%-28s %6d%n", label, count));
    }

    /** Adds up groups of messages into a report; every implementation feeds it, so the classification is one. */
    static final class Builder {

        private final String campaign;
        private long messages;
        private final Map<FinalStatus, Long> byFinalStatus = new EnumMap<>(FinalStatus.class);
        private final Map<String, Long> byRoutedVia = new TreeMap<>();
        private final Map<Integer, Long> byErrorCode = new TreeMap<>();
        private final Map<String, Long> byPricingCategory = new TreeMap<>();
        private final Map<Integer, String> errorTitles = new TreeMap<>();
        private long duplicates;
        private Instant first;
        private Instant last;

        Builder(String campaign) {
            this.campaign = campaign;
            for (FinalStatus status : FinalStatus.values()) {
                byFinalStatus.put(status, 0L);
            }
        }

        /** A group of {@code count} messages that share these values (the error title: of one of them). */
        Builder add(FinalStatus status, String routedVia, String pricingCategory, Integer errorCode,
                    String errorTitle, long count, long duplicatesSkipped, Instant firstSent, Instant lastSent) {
            messages += count;
            byFinalStatus.merge(status, count, Long::sum);
            if (status.isAccepted()) {
                byRoutedVia.merge(routedVia == null ? NOT_REPORTED : routedVia, count, Long::sum);
                byPricingCategory.merge(pricingCategory == null ? NOT_REPORTED : pricingCategory, count, Long::sum);
            }
            if (errorCode != null) {
                byErrorCode.merge(errorCode, count, Long::sum);
                String title = title(errorCode, errorTitle);
                if (title != null) {
                    errorTitles.putIfAbsent(errorCode, title);
                }
            }
            duplicates += duplicatesSkipped;
            if (firstSent != null && (first == null || firstSent.isBefore(first))) {
                first = firstSent;
            }
            if (lastSent != null && (last == null || lastSent.isAfter(last))) {
                last = lastSent;
            }
            return this;
        }

        /** Meta's title without the "(#code) " its send answers put before it; null when blank. */
        static String title(int code, String title) {
            if (title == null) {
                return null;
            }
            String prefix = "(#" + code + ")";
            String trimmed = title.startsWith(prefix) ? title.substring(prefix.length()).trim() : title.trim();
            return trimmed.isEmpty() ? null : trimmed;
        }

        /** A timeline builder for the sends between the first and the last send time of the groups added. */
        SendTimeline.Builder timeline() {
            return new SendTimeline.Builder(first, last);
        }

        CampaignReport build(SendTimeline timeline) {
            return new CampaignReport(campaign, messages, Collections.unmodifiableMap(byFinalStatus),
                    Collections.unmodifiableMap(byRoutedVia), Collections.unmodifiableMap(byErrorCode),
                    Collections.unmodifiableMap(byPricingCategory), duplicates, first, last,
                    Collections.unmodifiableMap(errorTitles), timeline);
        }
    }
}
