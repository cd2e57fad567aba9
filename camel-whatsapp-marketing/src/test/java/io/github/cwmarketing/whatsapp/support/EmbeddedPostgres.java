package io.github.cwmarketing.whatsapp.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

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
}
