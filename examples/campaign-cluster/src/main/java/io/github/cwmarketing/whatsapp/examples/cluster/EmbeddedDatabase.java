package io.github.cwmarketing.whatsapp.examples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The demo's PostgreSQL 17 (zonky's embedded binaries), on a fixed port and data directory so that it can be stopped
 * and started again as a restarted database server is: same address, same data.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private EmbeddedDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new, empty database in {@code dataDirectory} (deleted first), on a free port. */
    static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        deleteRecursively(dataDirectory);
        EmbeddedDatabase database = new EmbeddedDatabase(dataDirectory, FreePorts.next());
        database.startServer();
        return database;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /**
     * Stops the server (every connection is cut), keeps it down for {@code down} and then until {@code seen} (at most
     * three times {@code down} in all), and starts it again on the same port and data; returns the whole outage.
     */
    synchronized Duration restart(Duration down, BooleanSupplier seen) throws IOException, InterruptedException {
        long start = System.nanoTime();
        server.close();
        Thread.sleep(down.toMillis());
        // longer, while nothing saw the outage yet: at most three times as long
        long latest = start + 3 * down.toNanos();
        while (!seen.getAsBoolean() && System.nanoTime() < latest) {
            Thread.sleep(100);
        }
        startServer();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private synchronized void startServer() throws IOException {
        server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                // counts every statement, so the demo can tell the database round trips per message
                .setServerConfig("shared_preload_libraries", DatabaseWork.EXTENSION)
                .start();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
