package io.github.cwmarketing.whatsapp.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import io.github.cwmarketing.whatsapp.support.TlsGraphApiStub;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst opens the HTTP/2 connections it needs; once they carried nothing for the idle timeout they are closed,
 * but the first, so the next message does not pay for a TLS handshake.
 */
class Http2IdleConnectionsTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(300);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DefaultCamelContext camelContext = new DefaultCamelContext();
    private TlsGraphApiStub server;
    private GraphApiTransport transport;

    @BeforeEach
    void start() {
        server = new TlsGraphApiStub(true, Http2Connections.STREAMS_PER_CONNECTION, 200);
        HttpClientSettings settings = new HttpClientSettings(Duration.ofSeconds(5), 300, null, null, server.trust(),
                null);
        transport = new GraphApiTransport(camelContext, settings, scheduler, IDLE_TIMEOUT);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        server.close();
        scheduler.shutdownNow();
        camelContext.close();
    }

    private CompletableFuture<GraphApiResponse> send() {
        URI uri = URI.create(server.baseUri() + "/v23.0/106540352242922/marketing_messages");
        return transport.execute(GraphApiRequest.post(uri, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(10));
    }

    @Test
    void connectionsOfABurstAreClosedWhenIdleButTheFirstIsKept() throws InterruptedException {
        List<CompletableFuture<GraphApiResponse>> burst = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            burst.add(send());
        }
        awaitTrue(() -> server.requests() == 250, "the server holds the burst");
        assertThat(transport.http2InFlight()).as("250 in flight at 100 streams each").hasSizeBetween(3, 4);
        burst.forEach(response -> assertThat(response.join().status()).isEqualTo(200));

        awaitTrue(() -> transport.http2InFlight().size() == 1 && server.openConnections() == 1,
                "all but one connection closed once idle");

        int opened = server.connections();
        assertThat(send().join().status()).isEqualTo(200);
        assertThat(server.connections()).as("the next message goes on the connection kept").isEqualTo(opened);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
