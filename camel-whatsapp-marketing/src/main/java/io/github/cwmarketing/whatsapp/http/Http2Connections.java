package io.github.cwmarketing.whatsapp.http;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/2 over TLS on as many connections as the requests in flight need, each kept under
 * {@value #STREAMS_PER_CONNECTION} concurrent streams: a request goes to the connection with the fewest in flight,
 * and a new connection is opened when every one carries {@value #STREAMS_PER_CONNECTION} already (up to
 * {@code maxConnections}). HttpClient 5.5 alone either opens one connection per request (its pool, even over HTTP/2)
 * or puts every request on one connection (its multiplexing mode), which the server's stream limit caps.
 * <p>
 * Each connection is an HTTP/2 client of its own, with one I/O thread. 100 streams is what HTTP/2 servers commonly
 * allow (RFC 9113 recommends no fewer); a server that allows fewer makes the client queue the excess on its
 * connection, so nothing is refused, only delayed.
 * <p>
 * A connection beyond the first that carried nothing for the idle timeout is closed, with its I/O thread: a burst
 * opens what it needs, and the quiet hours after it do not keep them.
 */
final class Http2Connections implements Closeable {

    static final int STREAMS_PER_CONNECTION = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Http2Connections.class);

    /** What a closed connection's count of requests in flight is set to, so that no request is put on it. */
    private static final int RETIRED = Integer.MIN_VALUE / 2;

    /** One connection's client, its requests in flight, and when it last finished one. */
    private static final class Connection {
        final CloseableHttpAsyncClient client;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile long lastUsedNanos = System.nanoTime();

        Connection(CloseableHttpAsyncClient client) {
            this.client = client;
        }
    }

    private final Supplier<CloseableHttpAsyncClient> clients;
    private final int maxConnections;
    private final long idleTimeoutNanos;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> idleCheck;
    private boolean closed;

    /**
     * @param clients        makes (and starts) the client of a new connection
     * @param maxConnections the most connections
     * @param idleTimeout    how long a connection beyond the first may carry nothing before it is closed
     * @param scheduler      runs the idle check
     */
    Http2Connections(Supplier<CloseableHttpAsyncClient> clients, int maxConnections, Duration idleTimeout,
                     ScheduledExecutorService scheduler) {
        this.clients = clients;
        this.maxConnections = maxConnections;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        long checkEvery = Math.max(1, idleTimeout.toMillis() / 2);
        this.idleCheck = scheduler.scheduleWithFixedDelay(this::closeIdle, checkEvery, checkEvery,
                TimeUnit.MILLISECONDS);
    }

    Future<SimpleHttpResponse> execute(AsyncRequestProducer request, AsyncResponseConsumer<SimpleHttpResponse> response,
                                       HttpClientContext context, FutureCallback<SimpleHttpResponse> callback) {
        Connection connection = leastLoaded();
        while (connection.inFlight.incrementAndGet() <= 0) {
            connection = leastLoaded(); // closed as idle between the choice and the count: choose again
        }
        Connection chosen = connection;
        return chosen.client.execute(request, response, null, context, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                done(chosen);
                callback.completed(response);
            }

            @Override
            public void failed(Exception cause) {
                done(chosen);
                callback.failed(cause);
            }

            @Override
            public void cancelled() {
                done(chosen);
                callback.cancelled();
            }
        });
    }

    private static void done(Connection connection) {
        connection.lastUsedNanos = System.nanoTime();
        connection.inFlight.decrementAndGet();
    }

    /** Closes the connections beyond the first that carried nothing for the idle timeout. */
    private void closeIdle() {
        long now = System.nanoTime();
        for (Connection connection : connections) {
            if (connections.size() > 1 && now - connection.lastUsedNanos >= idleTimeoutNanos
                && connection.inFlight.compareAndSet(0, RETIRED)) {
                connections.remove(connection);
                // off the scheduler's thread, which also runs the pacing slots: a graceful close waits for its reactor
                CompletableFuture.runAsync(() -> close(connection.client));
            }
        }
    }

    /** How many connections are open, and how many requests each carries (tests, diagnostics). */
    List<Integer> inFlightPerConnection() {
        return connections.stream().map(connection -> connection.inFlight.get()).toList();
    }

    private Connection leastLoaded() {
        Connection least = least();
        if (least != null && least.inFlight.get() < STREAMS_PER_CONNECTION) {
            return least;
        }
        synchronized (this) {
            least = least();
            boolean full = least == null || least.inFlight.get() >= STREAMS_PER_CONNECTION;
            if (full && connections.size() < maxConnections && !closed) {
                least = new Connection(clients.get());
                connections.add(least);
            }
            if (least == null) {
                throw new IllegalStateException("The HTTP client is closed");
            }
            return least;
        }
    }

    private Connection least() {
        Connection least = null;
        for (Connection connection : connections) {
            if (least == null || connection.inFlight.get() < least.inFlight.get()) {
                least = connection;
            }
        }
        return least;
    }

    /** Closes every connection: requests in flight end first (graceful), then the I/O threads stop. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        idleCheck.cancel(false);
        connections.forEach(connection -> close(connection.client));
        connections.clear();
    }

    /**
     * Closes one client: gracefully, or at once when the graceful close fails. HttpCore 5.3's graceful close of an
     * HTTP/2 connection can throw {@code CancelledKeyException} from the reactor it is closing.
     */
    static void close(CloseableHttpAsyncClient client) {
        try {
            client.close(CloseMode.GRACEFUL);
        } catch (RuntimeException e) {
            LOG.debug("Graceful close of an HTTP client failed; closing it at once: {}", e.toString());
            client.close(CloseMode.IMMEDIATE);
        }
    }
}
