package io.github.cwmarketing.whatsapp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PfxOptions;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * The Graph API's send endpoint over TLS, on Vert.x: HTTP/2 (ALPN) with at most {@code maxStreams} concurrent streams
 * per connection, or HTTP/1.1 only; every answer after {@code latencyMillis}, scheduled (no thread sleeps). Counts
 * connections (opened, and open now), HTTP/2 requests, and the most streams one connection carried at once. Its certificate is made for
 * 127.0.0.1 with the JDK's keytool when it starts; {@link #trust()} trusts it.
 */
public final class TlsGraphApiStub implements AutoCloseable {

    private static final String PASSWORD = "changeit";

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final Path keyStore;
    private final HttpServer server;
    private final long latencyMillis;
    private final Map<HttpConnection, AtomicInteger> streams = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger http2Requests = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger maxStreams = new AtomicInteger();

    public TlsGraphApiStub(boolean http2, int maxStreams, long latencyMillis) {
        this.latencyMillis = latencyMillis;
        this.keyStore = selfSignedKeyStore();
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setSsl(true).setUseAlpn(http2)
                .setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD))
                .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(maxStreams)));
        server.connectionHandler(connection -> {
            connections.incrementAndGet();
            openConnections.incrementAndGet();
            connection.closeHandler(closed -> openConnections.decrementAndGet());
        });
        server.requestHandler(this::handle);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the TLS stub", e);
        }
    }

    private void handle(HttpServerRequest request) {
        requests.incrementAndGet();
        if (request.version() == HttpVersion.HTTP_2) {
            http2Requests.incrementAndGet();
        }
        AtomicInteger open = streams.computeIfAbsent(request.connection(), connection -> new AtomicInteger());
        maxStreams.accumulateAndGet(open.incrementAndGet(), Math::max);
        request.body().onSuccess(body -> vertx.setTimer(Math.max(1, latencyMillis), timer -> {
            open.decrementAndGet();
            request.response().putHeader("content-type", "application/json").end(
                    "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+4915112345678\","
                    + "\"wa_id\":\"4915112345678\"}],\"messages\":[{\"id\":\"wamid.TLS" + requests.get()
                    + "\",\"message_status\":\"accepted\"}]}");
        }));
    }

    public String baseUri() {
        return "https://127.0.0.1:" + server.actualPort();
    }

    /** TLS settings of a client that trusts this stub's certificate. */
    public SSLContextParameters trust() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keyStore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    public int connections() {
        return connections.get();
    }

    /** The connections open now. */
    public int openConnections() {
        return openConnections.get();
    }

    public int requests() {
        return requests.get();
    }

    public int http2Requests() {
        return http2Requests.get();
    }

    /** The most requests one connection carried at the same time. */
    public int maxStreamsPerConnection() {
        return maxStreams.get();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        try {
            Files.deleteIfExists(keyStore);
        } catch (IOException e) {
            // a temporary file
        }
    }

    private static Path selfSignedKeyStore() {
        try {
            Path store = Files.createTempFile("tls-graph-api-stub", ".p12");
            Files.delete(store);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(30, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
