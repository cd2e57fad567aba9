package io.github.cwmarketing.whatsapp.http;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
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
 */
final class Http2Connections implements Closeable {

    static final int STREAMS_PER_CONNECTION = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Http2Connections.class);

    /** One connection's client and its requests in flight. */
    private static final class Connection {
        final CloseableHttpAsyncClient client;
        final AtomicInteger inFlight = new AtomicInteger();

        Connection(CloseableHttpAsyncClient client) {
            this.client = client;
        }
    }

    private final Supplier<CloseableHttpAsyncClient> clients;
    private final int maxConnections;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private boolean closed;

    /**
     * @param clients        makes (and starts) the client of a new connection
     * @param maxConnections the most connections
     */
    Http2Connections(Supplier<CloseableHttpAsyncClient> clients, int maxConnections) {
        this.clients = clients;
        this.maxConnections = maxConnections;
    }

    Future<SimpleHttpResponse> execute(AsyncRequestProducer request, AsyncResponseConsumer<SimpleHttpResponse> response,
                                       HttpClientContext context, FutureCallback<SimpleHttpResponse> callback) {
        Connection connection = leastLoaded();
        connection.inFlight.incrementAndGet();
        return connection.client.execute(request, response, null, context, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                done(connection);
                callback.completed(response);
            }

            @Override
            public void failed(Exception cause) {
                done(connection);
                callback.failed(cause);
            }

            @Override
            public void cancelled() {
                done(connection);
                callback.cancelled();
            }
        });
    }

    private static void done(Connection connection) {
        connection.inFlight.decrementAndGet();
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
