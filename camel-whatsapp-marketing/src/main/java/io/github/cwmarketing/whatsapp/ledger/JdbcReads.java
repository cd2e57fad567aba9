package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC ledger's reads and suppression changes that answer one caller each: the campaign report (an aggregate
 * query and a timeline query, both grouped in the database, so it stays small at a million messages), the suppression
 * reads, adds and lifts.
 * Reports and lists run in their own transaction, so a long read never holds a batch's locks.
 */
final class JdbcReads {

    private static final String REPORT = "SELECT m.stage, COALESCE(m.owner = ? OR i.expires_at > "
            + Sql.MILLIS.formatted("?") + ", false) AS alive, s.status,"
            + " s.routed_via, s.pricing_category, COALESCE(s.error_code, m.error_code) AS error_code,"
            + " max(CASE WHEN s.error_code IS NOT NULL THEN s.error_title ELSE m.error_title END) AS error_title,"
            + " count(*) AS messages, COALESCE(sum(m.duplicates), 0) AS duplicates, min(m.sent_at) AS first_sent,"
            + " max(m.sent_at) AS last_sent"
            + " FROM whatsapp_message m"
            + " LEFT JOIN whatsapp_message_status s ON s.message_id = m.message_id"
            + " LEFT JOIN whatsapp_ledger_instance i ON i.instance_id = m.owner AND m.stage IN (0, 1)"
            + " WHERE m.campaign IS NOT DISTINCT FROM ?::text"
            + " GROUP BY 1, 2, 3, 4, 5, 6";

    /**
     * The sends per bucket: {@code floor((epoch ms - start) / width)}, as {@link SendTimeline.Builder#index}; whole
     * milliseconds first, as a bigint, so that PostgreSQL before 14 (a double epoch) buckets the same.
     */
    private static final String TIMELINE = "SELECT floor(((extract(epoch FROM date_trunc('milliseconds', sent_at))"
            + " * 1000)::bigint - ?)::numeric / ?) AS bucket, count(*) AS messages FROM whatsapp_message"
            + " WHERE campaign IS NOT DISTINCT FROM ?::text AND sent_at IS NOT NULL GROUP BY 1";

    private final JdbcMessageLedger ledger;

    final LaneTask.Runner reports = runner(30, true);
    final LaneTask.Runner suppressionChanges = runner(5, false);

    JdbcReads(JdbcMessageLedger ledger) {
        this.ledger = ledger;
    }

    /** A task that does its own work; the runner just runs each. */
    abstract static class OwnTask<T> extends LaneTask<T> {

        OwnTask(Runner runner) {
            super(runner);
        }

        abstract T execute(Connection c) throws SQLException;
    }

    private static LaneTask.Runner runner(int order, boolean isolated) {
        return LaneTask.runner(order, isolated, JdbcReads::executeEach);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void executeEach(Connection connection, List<LaneTask<?>> tasks) throws SQLException {
        for (LaneTask<?> task : tasks) {
            OwnTask own = (OwnTask) task;
            own.result(own.execute(connection));
        }
    }

    LaneTask<CampaignReport> report(String campaign) {
        return new OwnTask<>(reports) {
            @Override
            CampaignReport execute(Connection c) throws SQLException {
                return campaignReport(c, campaign);
            }
        };
    }

    private CampaignReport campaignReport(Connection c, String campaign) throws SQLException {
        CampaignReport.Builder report = new CampaignReport.Builder(campaign);
        try (PreparedStatement statement = c.prepareStatement(REPORT)) {
            statement.setString(1, ledger.instanceId());
            statement.setLong(2, ledger.now().toEpochMilli());
            Sql.setNullable(statement, 3, campaign);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    FinalStatus status = FinalStatus.of(MessageStage.ofCode(rs.getInt("stage")),
                            rs.getBoolean("alive"), DeliveryStatus.of(rs.getString("status")));
                    report.add(status, rs.getString("routed_via"), rs.getString("pricing_category"),
                            Sql.integer(rs, "error_code"), rs.getString("error_title"), rs.getLong("messages"),
                            rs.getLong("duplicates"), Sql.instant(rs, "first_sent"), Sql.instant(rs, "last_sent"));
                }
            }
        }
        return report.build(timeline(c, campaign, report.timeline()));
    }

    private static SendTimeline timeline(Connection c, String campaign, SendTimeline.Builder timeline)
            throws SQLException {
        if (timeline.bucketCount() == 0) {
            return timeline.build();
        }
        try (PreparedStatement statement = c.prepareStatement(TIMELINE)) {
            statement.setLong(1, timeline.startMillis());
            statement.setLong(2, timeline.widthMillis());
            Sql.setNullable(statement, 3, campaign);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    timeline.addToBucket(rs.getLong("bucket"), rs.getLong("messages"));
                }
            }
        }
        return timeline.build();
    }

    LaneTask<Optional<Suppression>> suppression(String recipient) {
        return new OwnTask<>(suppressionChanges) {
            @Override
            Optional<Suppression> execute(Connection c) throws SQLException {
                Instant now = ledger.now();
                return Optional.ofNullable(JdbcSuppressions.active(c, List.of(recipient), now).get(recipient));
            }
        };
    }

    LaneTask<List<Suppression>> suppressions(int offset, int limit) {
        return new OwnTask<>(reports) {
            @Override
            List<Suppression> execute(Connection c) throws SQLException {
                return JdbcSuppressions.list(c, ledger.now(), offset, limit);
            }
        };
    }

    LaneTask<Void> suppress(List<Suppression> suppressions) {
        return new OwnTask<>(suppressionChanges) {
            @Override
            Void execute(Connection c) throws SQLException {
                JdbcSuppressions.upsert(c, suppressions);
                return null;
            }
        };
    }

    LaneTask<Boolean> unsuppress(String recipient) {
        return new OwnTask<>(suppressionChanges) {
            @Override
            Boolean execute(Connection c) throws SQLException {
                return JdbcSuppressions.delete(c, recipient);
            }
        };
    }

    LaneTask<Void> flush() {
        return new OwnTask<>(suppressionChanges) {
            @Override
            Void execute(Connection c) {
                return null;
            }
        };
    }
}
