package io.github.cwmarketing.whatsapp.examples.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.model.MetaErrorCodes;
import io.github.cwmarketing.whatsapp.sandbox.DeliveredStatus;
import io.github.cwmarketing.whatsapp.sandbox.RefusedSend;
import io.github.cwmarketing.whatsapp.sandbox.SentMessage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;

/**
 * The checks of a cluster run, from what the sandbox (Meta's side: its journal of accepted and refused sends and of
 * acknowledged statuses) and the ledger's tables (the cluster's side, read with plain SQL) say. Each check is a line
 * of the verdict; the run passes only when all pass.
 */
final class ClusterChecks {

    /** The number's rate, summed over the instances, may exceed its limit by at most this much. */
    static final double RATE_TOLERANCE = 1.05;
    /**
     * The window of the rate check. The shared pacing keeps the instances within the rate over a few seconds; within
     * one second they may hand over up to the bucket's capacity and the tokens each instance leased more (and more
     * still when a starved CPU bunches sends), which the sandbox refuses with 130429 as Meta does, and the component
     * retries: the busiest second is reported beside the check.
     */
    static final Duration RATE_WINDOW = Duration.ofSeconds(20);
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** One line of the verdict. */
    record Check(String name, boolean passed, String detail) {

        String render() {
            return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
        }
    }

    private final List<Check> checks = new ArrayList<>();

    List<Check> checks() {
        return List.copyOf(checks);
    }

    boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    void add(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
    }

    /**
     * Every recipient got exactly one message at the sandbox, except unknown outcomes that never reached it; every
     * message the sandbox accepted is the ledger's message of its key (unknown outcomes resolved by their webhooks).
     */
    void exactlyOncePerRecipient(WhatsAppSandbox sandbox, DataSource ledger, String campaign, int recipients,
                                 CampaignReport report) throws SQLException {
        Map<String, List<SentMessage>> sentByKey = new HashMap<>();
        for (SentMessage sent : sandbox.sentMessages()) {
            sentByKey.computeIfAbsent(sent.bizOpaqueCallbackData(), key -> new ArrayList<>()).add(sent);
        }
        Map<String, String> rows = messageIdsByKey(ledger, campaign);
        long twice = sentByKey.values().stream().filter(sent -> sent.size() > 1).count();
        long notInLedger = sentByKey.keySet().stream().filter(key -> !rows.containsKey(key)).count();
        int neverReached = 0;
        int otherId = 0;
        for (Map.Entry<String, String> row : rows.entrySet()) {
            List<SentMessage> sent = sentByKey.getOrDefault(row.getKey(), List.of());
            if (sent.isEmpty()) {
                neverReached++;
            } else if (!sent.get(0).wamid().equals(row.getValue())) {
                otherId++;
            }
        }
        add("one message per recipient", rows.size() == recipients && twice == 0 && notInLedger == 0
                                         && otherId == 0 && neverReached == report.unknownOutcomes(),
                rows.size() + " send keys in the ledger for " + recipients + " recipients; "
                + sentByKey.size() + " received at the sandbox, " + twice + " of them more than once; "
                + notInLedger + " received but unknown to the ledger; " + otherId
                + " whose ledger message id is not the sandbox's (unreconciled); " + neverReached
                + " never received, against " + report.unknownOutcomes() + " unknown outcomes in the report");
    }

    /**
     * Every status the sandbox delivered (acknowledged with 200) is recorded once in the ledger, none was given up,
     * and each message's status in the ledger is its last delivered one.
     */
    void everyStatusRecordedOnce(WhatsAppSandbox sandbox, DataSource ledger, Instant since, long expectedStatuses)
            throws SQLException {
        List<DeliveredStatus> delivered = sandbox.deliveredStatuses();
        Set<String> distinct = new HashSet<>();
        Map<String, String> lastStatus = new HashMap<>();
        for (DeliveredStatus status : delivered) {
            distinct.add(status.wamid() + "/" + status.status());
            lastStatus.put(status.wamid(), status.status());
        }
        long events = count(ledger, "SELECT count(*) FROM whatsapp_webhook_event WHERE received_at >= ?", since);
        Map<String, String> recorded = ledgerStatuses(ledger, lastStatus.keySet());
        long mismatched = lastStatus.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(recorded.get(entry.getKey()))).count();
        add("every status recorded once", delivered.size() == expectedStatuses && distinct.size() == delivered.size()
                                          && events == delivered.size() && mismatched == 0,
                delivered.size() + " statuses delivered (expected " + expectedStatuses + " from the scenarios), "
                + distinct.size() + " distinct; " + events + " webhook events recorded in the ledger; "
                + mismatched + " messages whose ledger status is not their last delivered one; "
                + sandbox.webhookRetries() + " re-deliveries after a non-200 answer or a refused connection");
    }

    /**
     * The number's rate summed over the instances, where the shared pacing applies: the moments the instances handed
     * their sends to their HTTP clients (the ledger's hand-over time of each message), the most in any sliding
     * {@link #RATE_WINDOW}. Beside it, what the number saw: every attempt that reached the sandbox (accepted or
     * refused), its busiest window and second, and the 130429 refusals (retried by the component).
     */
    void rateWithinLimit(WhatsAppSandbox sandbox, DataSource ledger, String campaign, int limit) throws SQLException {
        Map<String, Instant> handOversByKey = handOverTimes(ledger, campaign);
        List<Instant> handOvers = handOversByKey.values().stream().sorted().toList();
        List<Instant> arrivals = Stream.concat(sandbox.sentMessages().stream().map(SentMessage::acceptedAt),
                sandbox.refusedSends().stream().map(RefusedSend::refusedAt)).sorted().toList();
        long windowSeconds = RATE_WINDOW.toSeconds();
        int busiest = busiestWindow(handOvers, RATE_WINDOW);
        double allowed = limit * RATE_TOLERANCE * windowSeconds;
        long throttled = sandbox.refusedSends().stream().filter(ClusterChecks::throttled).count();
        add("rate within +5 % of the limit", !handOvers.isEmpty() && busiest <= allowed,
                String.format("sends handed over by the instances together: at most %d in any sliding %d s window"
                              + " (%.1f/s; limit %d/s, allowed %.0f), busiest second %d, %.1f/s on average; at the"
                              + " sandbox: %d attempts, busiest %d s %.1f/s, busiest second %d, %d refused with"
                              + " 130429 and retried, %d other refusals; from hand-over to the sandbox: %s",
                        busiest, windowSeconds, busiest / (double) windowSeconds, limit, allowed,
                        busiestWindow(handOvers, SECOND), average(handOvers), arrivals.size(), windowSeconds,
                        busiestWindow(arrivals, RATE_WINDOW) / (double) windowSeconds,
                        busiestWindow(arrivals, SECOND), throttled, sandbox.refusedSends().size() - throttled,
                        transitLag(sandbox, handOversByKey)));
    }

    private static double average(List<Instant> sorted) {
        if (sorted.size() < 2) {
            return 0;
        }
        long millis = Duration.between(sorted.get(0), sorted.get(sorted.size() - 1)).toMillis();
        return sorted.size() * 1000.0 / Math.max(1, millis);
    }

    /** Attempts per second at the sandbox, as CSV: second (from the first attempt), accepted, 130429, other refusals. */
    static String timeline(WhatsAppSandbox sandbox) {
        List<SentMessage> sent = sandbox.sentMessages();
        List<RefusedSend> refused = sandbox.refusedSends();
        Instant start = Stream.concat(sent.stream().map(SentMessage::acceptedAt),
                refused.stream().map(RefusedSend::refusedAt)).min(Instant::compareTo).orElse(Instant.EPOCH);
        TreeMap<Long, int[]> seconds = new TreeMap<>();
        sent.forEach(message -> second(seconds, start, message.acceptedAt())[0]++);
        refused.forEach(refusal -> second(seconds, start, refusal.refusedAt())[throttled(refusal) ? 1 : 2]++);
        StringBuilder text = new StringBuilder("second,accepted,refused_130429,refused_other\n");
        seconds.forEach((second, counts) -> text.append(second).append(',').append(counts[0]).append(',')
                .append(counts[1]).append(',').append(counts[2]).append('\n'));
        return text.toString();
    }

    private static int[] second(Map<Long, int[]> seconds, Instant start, Instant at) {
        return seconds.computeIfAbsent(Duration.between(start, at).getSeconds(), second -> new int[3]);
    }

    private static boolean throttled(RefusedSend refused) {
        return refused.errorCode() == MetaErrorCodes.THROUGHPUT_LIMIT;
    }

    /** The most instants in any window of {@code width} starting at one of them ({@code sorted} ascending). */
    static int busiestWindow(List<Instant> sorted, Duration width) {
        int busiest = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (!sorted.get(first).plus(width).isAfter(sorted.get(last))) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }

    /** When each message of the campaign was handed to an HTTP client (the last time, for a resent one), by key. */
    private static Map<String, Instant> handOverTimes(DataSource ledger, String campaign) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (Connection connection = ledger.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT send_key, sent_at FROM whatsapp_message"
                     + " WHERE campaign = ? AND sent_at IS NOT NULL")) {
            query.setString(1, campaign);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    times.put(result.getString(1), result.getTimestamp(2).toInstant());
                }
            }
        }
        return times;
    }

    /**
     * How long after its hand-over each message reached the sandbox, for the messages the sandbox never refused (so
     * no retry wait is included). On a starved machine requests wait in the HTTP clients and in the sandbox's threads
     * and reach it bunched: the sandbox then counts more in a window than the instances handed over in it.
     */
    private static String transitLag(WhatsAppSandbox sandbox, Map<String, Instant> handOvers) {
        Set<String> refused = sandbox.refusedSends().stream().map(refusal -> digits(refusal.recipient()))
                .collect(Collectors.toSet());
        List<Long> lags = sandbox.sentMessages().stream()
                .filter(sent -> handOvers.containsKey(sent.bizOpaqueCallbackData()))
                .filter(sent -> !refused.contains(digits(sent.recipient())))
                .map(sent -> Duration.between(handOvers.get(sent.bizOpaqueCallbackData()), sent.acceptedAt())
                        .toMillis())
                .sorted().toList();
        if (lags.isEmpty()) {
            return "none measured";
        }
        return String.format("p50 %d ms, p99 %d ms, max %d ms over %d messages never refused", percentile(lags, 50),
                percentile(lags, 99), lags.get(lags.size() - 1), lags.size());
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }

    /** The ledger's message id of each send key of the campaign (null when it never learnt one). */
    private static Map<String, String> messageIdsByKey(DataSource ledger, String campaign) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = ledger.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT send_key, message_id FROM whatsapp_message WHERE campaign = ?")) {
            query.setString(1, campaign);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    private static Map<String, String> ledgerStatuses(DataSource ledger, Set<String> messageIds) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = ledger.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT message_id, status FROM whatsapp_message_status WHERE message_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", messageIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    statuses.put(result.getString(1), result.getString(2));
                }
            }
        }
        return statuses;
    }

    private static long count(DataSource ledger, String sql, Instant since) throws SQLException {
        try (Connection connection = ledger.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
