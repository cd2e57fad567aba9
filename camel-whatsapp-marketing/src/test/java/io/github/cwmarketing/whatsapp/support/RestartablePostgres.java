package io.github.cwmarketing.whatsapp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.apache.camel.test.AvailablePortFinder;

/**
 * A PostgreSQL 17 of its own, for tests that stop the database and start it again: same port, same data directory, so
 * clients reconnect to the same data. Separate from the shared {@link EmbeddedPostgres}, which other tests keep using.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port = AvailablePortFinder.getNextAvailable();
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    public RestartablePostgres() {
        try {
            dataDirectory = Files.createTempDirectory("restartable-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public synchronized void start() {
        try {
            server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL", e);
        }
    }

    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop PostgreSQL", e);
        }
    }

    /** A data source on the {@code postgres} database, valid across restarts (same port). */
    public DataSource dataSource(String schema) {
        return LedgerDatabase.dataSource("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres", schema);
    }

    @Override
    public void close() {
        stop();
    }
}
