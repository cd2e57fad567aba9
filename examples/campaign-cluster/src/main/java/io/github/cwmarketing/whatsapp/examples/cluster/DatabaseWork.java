package io.github.cwmarketing.whatsapp.examples.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * What the cluster asked of PostgreSQL, from {@code pg_stat_statements} (statements executed: the database round
 * trips) and {@code pg_stat_database} (transactions), per message: the embedded database loads the extension, a real
 * one may not have it (then nothing is measured).
 */
final class DatabaseWork {

    /** Loaded by the embedded PostgreSQL; reset at the start of the run. */
    static final String EXTENSION = "pg_stat_statements";
    private static final int TOP_STATEMENTS = 8;
    private static final int STATEMENT_TEXT = 90;

    private DatabaseWork() {
    }

    /** Creates the extension when it is loaded and resets its counters; false when it is not available. */
    static boolean reset(DataSource database) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS " + EXTENSION);
            statement.execute("SELECT pg_stat_statements_reset()");
            statement.execute("SELECT pg_stat_reset()");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The statements and transactions since {@link #reset}, per message, and the busiest statements. */
    static List<String> describe(DataSource database, long messages) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            long calls = single(statement, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements");
            long transactions = single(statement, "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                                                   + " WHERE datname = current_database()");
            lines.add(String.format("%d statements (round trips) and %d transactions for %d messages: %.2f statements"
                                    + " and %.2f transactions per message", calls, transactions, messages,
                    calls / (double) Math.max(1, messages), transactions / (double) Math.max(1, messages)));
            try (ResultSet top = statement.executeQuery("SELECT calls, query FROM pg_stat_statements"
                                                        + " ORDER BY calls DESC LIMIT " + TOP_STATEMENTS)) {
                while (top.next()) {
                    String query = top.getString(2).replaceAll("\\s+", " ");
                    lines.add(String.format("  %8d  %s", top.getLong(1),
                            query.length() > STATEMENT_TEXT ? query.substring(0, STATEMENT_TEXT) + "..." : query));
                }
            }
        }
        return lines;
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
