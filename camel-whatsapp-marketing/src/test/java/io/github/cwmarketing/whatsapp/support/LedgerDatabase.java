package io.github.cwmarketing.whatsapp.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty schema on the test JVM's embedded PostgreSQL for each caller, so ledger tests never see each other's
 * rows: a data source whose connections use it as their current schema.
 */
public final class LedgerDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private LedgerDatabase() {
    }

    public static DataSource freshSchema() {
        return dataSource(EmbeddedPostgres.server().getJdbcUrl("postgres", "postgres"), createSchema());
    }

    /** Creates a fresh, empty schema on the test JVM's embedded PostgreSQL and returns its name. */
    public static String createSchema() {
        String schema = "ledger_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = EmbeddedPostgres.dataSource().getConnection(); Statement statement = c.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema, e);
        }
        return schema;
    }

    public static DataSource dataSource(String jdbcUrl, String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }
}
