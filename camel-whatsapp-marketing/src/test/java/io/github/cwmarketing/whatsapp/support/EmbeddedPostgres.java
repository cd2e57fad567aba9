package io.github.cwmarketing.whatsapp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One real PostgreSQL 17 server per test JVM (zonky's embedded binaries: no Docker, works as root), started on first
 * use and stopped when the JVM exits. Tests that need isolation create their own database or schema on it.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    /** The shared server, started now if it is not running. */
    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }

    /** A data source on the server's {@code postgres} database. */
    public static DataSource dataSource() {
        return server().getPostgresDatabase();
    }

    /**
     * A database of its own on the shared server, created when absent, behind a small connection pool (as an
     * application gives one; zonky's own data sources open a connection per call). Close it when done.
     */
    public static HikariDataSource pooledDatabase(String name) {
        createDatabase(name);
        HikariConfig config = new HikariConfig();
        config.setDataSource(server().getDatabase("postgres", name));
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1000);
        config.setInitializationFailTimeout(-1);
        config.setPoolName("test-" + name);
        return new HikariDataSource(config);
    }

    /** Creates the database when absent. */
    public static void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    /**
     * Makes a database refuse every connection, the open ones included, as a stopped server does; {@code true}
     * lets it answer again. The server itself keeps running for the other tests.
     */
    public static void allowConnections(String name, boolean allowed) {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                                  + name + "' AND pid <> pg_backend_pid()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change database " + name, e);
        }
    }
}
