package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JDBC ledger's statements on {@code whatsapp_suppression}: the upsert that never shortens a suppression
 * ({@link Suppression#keepsOver} in SQL), and the reads.
 */
final class JdbcSuppressions {

    private static final String COLUMNS = "recipient, reason, until, error_code, note, created_at";

    private static final String UPSERT = "INSERT INTO whatsapp_suppression AS s (" + COLUMNS + ")"
            + " SELECT u.r, u.reason, " + Sql.MILLIS.formatted("u.until") + ", u.ec, u.note, "
            + Sql.MILLIS.formatted("u.created")
            + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::integer[], ?::text[], ?::bigint[])"
            + " AS u(r, reason, until, ec, note, created) ORDER BY u.r"
            + " ON CONFLICT (recipient) DO UPDATE SET reason = EXCLUDED.reason, until = EXCLUDED.until,"
            + " error_code = EXCLUDED.error_code, note = EXCLUDED.note, created_at = EXCLUDED.created_at"
            // the stored one stays when it lasts until lifted, or when both are parks and it ends no earlier
            + " WHERE NOT (s.until IS NULL OR (EXCLUDED.until IS NOT NULL AND s.until >= EXCLUDED.until))";

    private static final String ACTIVE = "(until IS NULL OR until > " + Sql.MILLIS.formatted("?") + ")";

    private JdbcSuppressions() {
    }

    /** Upserts the suppressions, folded per recipient first with the same rule (one row per recipient per statement). */
    static void upsert(Connection c, Collection<Suppression> suppressions) throws SQLException {
        Map<String, Suppression> byRecipient = new TreeMap<>();
        for (Suppression incoming : suppressions) {
            if (incoming != null) {
                byRecipient.merge(incoming.recipient(), incoming,
                        (stored, next) -> stored.keepsOver(next) ? stored : next);
            }
        }
        if (byRecipient.isEmpty()) {
            return;
        }
        List<Suppression> rows = new ArrayList<>(byRecipient.values());
        try (PreparedStatement statement = c.prepareStatement(UPSERT)) {
            statement.setArray(1, Sql.texts(c, rows, Suppression::recipient));
            statement.setArray(2, Sql.texts(c, rows, s -> s.reason().name()));
            statement.setArray(3, Sql.longs(c, rows, s -> Sql.millis(s.until())));
            statement.setArray(4, Sql.ints(c, rows, Suppression::errorCode));
            statement.setArray(5, Sql.texts(c, rows, Suppression::note));
            statement.setArray(6, Sql.longs(c, rows, s -> Sql.millis(s.createdAt())));
            statement.executeUpdate();
        }
    }

    /** The suppressions in force for these recipients, by recipient. */
    static Map<String, Suppression> active(Connection c, Collection<String> recipients, Instant now)
            throws SQLException {
        Map<String, Suppression> found = new HashMap<>();
        if (recipients.isEmpty()) {
            return found;
        }
        Array keys = c.createArrayOf("text", recipients.toArray(String[]::new));
        try (PreparedStatement statement = c.prepareStatement("SELECT " + COLUMNS
                + " FROM whatsapp_suppression WHERE recipient = ANY(?) AND " + ACTIVE)) {
            statement.setArray(1, keys);
            statement.setLong(2, now.toEpochMilli());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Suppression suppression = read(rs);
                    found.put(suppression.recipient(), suppression);
                }
            }
        }
        return found;
    }

    static List<Suppression> list(Connection c, Instant now, int offset, int limit) throws SQLException {
        List<Suppression> found = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement("SELECT " + COLUMNS + " FROM whatsapp_suppression WHERE "
                + ACTIVE + " ORDER BY recipient OFFSET ? LIMIT ?")) {
            statement.setLong(1, now.toEpochMilli());
            statement.setInt(2, offset);
            statement.setInt(3, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        }
        return found;
    }

    static boolean delete(Connection c, String recipient) throws SQLException {
        return Sql.update(c, "DELETE FROM whatsapp_suppression WHERE recipient = ?", recipient) > 0;
    }

    static int purgeExpired(Connection c, Instant now) throws SQLException {
        return Sql.update(c, "DELETE FROM whatsapp_suppression WHERE until IS NOT NULL AND until <= "
                             + Sql.MILLIS.formatted("?"), now.toEpochMilli());
    }

    private static Suppression read(ResultSet rs) throws SQLException {
        return new Suppression(rs.getString("recipient"), SuppressionReason.valueOf(rs.getString("reason")),
                Sql.instant(rs, "until"), Sql.integer(rs, "error_code"), rs.getString("note"),
                Sql.instant(rs, "created_at"));
    }
}
