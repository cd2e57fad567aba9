package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Small JDBC helpers of the JDBC ledger: PostgreSQL arrays for set-based statements ({@code unnest(?::text[], ...)}),
 * instants as epoch milliseconds (the SQL turns them into {@code timestamptz} with {@code to_timestamp(ms / 1000.0)}),
 * nullable columns.
 */
final class Sql {

    /** {@code to_timestamp} of a bigint parameter or column holding epoch milliseconds. */
    static final String MILLIS = "to_timestamp(%s / 1000.0)";

    private Sql() {
    }

    static <T> Array texts(Connection c, List<T> items, Function<T, String> value) throws SQLException {
        return c.createArrayOf("text", items.stream().map(value).toArray(String[]::new));
    }

    static <T> Array longs(Connection c, List<T> items, Function<T, Long> value) throws SQLException {
        return c.createArrayOf("bigint", items.stream().map(value).toArray(Long[]::new));
    }

    static <T> Array ints(Connection c, List<T> items, Function<T, Integer> value) throws SQLException {
        return c.createArrayOf("integer", items.stream().map(value).toArray(Integer[]::new));
    }

    static <T> Array booleans(Connection c, List<T> items, Function<T, Boolean> value) throws SQLException {
        return c.createArrayOf("boolean", items.stream().map(value).toArray(Boolean[]::new));
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** Runs an update; the number of rows it changed. */
    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
