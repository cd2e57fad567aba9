package io.github.cwmarketing.whatsapp.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC ledger's versioned schema: the scripts {@value #SCRIPTS}{@code V<n>__*.sql} shipped in the jar, applied in
 * order from the version recorded in {@code whatsapp_ledger_schema} (0 when the tables are absent), in one transaction
 * under an advisory lock so that instances starting together apply them once.
 */
final class LedgerSchema {

    static final String SCRIPTS = "/META-INF/whatsapp-marketing/ledger/postgresql/";
    static final List<String> VERSIONS = List.of("V1__message_ledger.sql");

    /** Any constant: the advisory lock the instances of one database serialise their schema work on. */
    private static final long LOCK = 0x5741_4d4c_6467_7201L;

    private LedgerSchema() {
    }

    /** Applies the missing versions (create) or checks that none is missing (no create). */
    static void ensure(Connection c, boolean create) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (create) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                }
            }
            int current = currentVersion(c);
            if (current < VERSIONS.size() && !create) {
                throw new IllegalStateException("The message ledger's schema is at version " + current + ", "
                                                + VERSIONS.size() + " is needed: apply " + VERSIONS.subList(current,
                        VERSIONS.size()) + " from " + SCRIPTS + " in camel-whatsapp-marketing's jar (or set"
                                                + " createSchema=true)");
            }
            for (int version = current + 1; version <= VERSIONS.size(); version++) {
                for (String sql : statements(VERSIONS.get(version - 1))) {
                    try (Statement statement = c.createStatement()) {
                        statement.execute(sql);
                    }
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass('whatsapp_ledger_schema') IS NOT NULL");
             ResultSet rs = exists.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return 0;
            }
        }
        try (PreparedStatement version = c.prepareStatement("SELECT COALESCE(max(version), 0) FROM whatsapp_ledger_schema");
             ResultSet rs = version.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The statements of a script: comment lines dropped, each statement ending with a semicolon at a line's end. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        try (InputStream in = LedgerSchema.class.getResourceAsStream(SCRIPTS + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing ledger schema script " + SCRIPTS + script);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder current = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    statements.add(current.substring(0, current.lastIndexOf(";")));
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read ledger schema script " + script, e);
        }
        return statements;
    }
}
