package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import io.github.cwmarketing.whatsapp.spi.RetryEvent;
import io.github.cwmarketing.whatsapp.spi.RetryReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code isRequestSent()} tells the truth, seen from the server: a request that never got a connection (the pool was
 * full until its deadline, or the port refused) is {@code requestSent=false}, reaches the server zero times, and is
 * retried safely, reaching it exactly once.
 */
class SendRequestSentTest extends SendTestSupport {

    private static final Map<String, Object> TO = Map.of(WhatsAppMarketingConstants.TO, "+4915112345678");
    /** One pooled connection, so a second send must wait for the first one's. */
    private static final String ONE_CONNECTION = "templateName=autumn_offer&templateLanguage=de&maxConnections=1"
                                                 + "&connectTimeout=200ms";

    private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();
    private volatile Runnable onFirstRetry = () -> {
    };

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("retries", new WhatsAppMarketingListener() {
            @Override
            public void onRetry(RetryEvent retry) {
                if (retries.isEmpty()) {
                    onFirstRetry.run();
                }
                retries.add(retry);
            }
        });
    }

    @BeforeEach
    void clear() {
        retries.clear();
    }

    /** The first request is held far longer than its response timeout; every later one is accepted at once. */
    private void stallFirstRequest() {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("stall")
                .whenScenarioStateIs(STARTED).willSetStateTo("stalled")
                .willReturn(GraphApiStub.accepted("wamid.LATE", "4915112345678").withFixedDelay(5_000)));
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("stall")
                .whenScenarioStateIs("stalled")
                .willReturn(GraphApiStub.accepted("wamid.SECOND", "4915112345678")));
    }

    private CompletableFuture<Exchange> sendHoldingTheOnlyConnection(String responseTimeout) {
        CompletableFuture<Exchange> first = template.asyncSend(
                sendUriWith(ONE_CONNECTION + "&maxRetries=0&responseTimeout=" + responseTimeout),
                exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(TO)));
        await(() -> graphApi.requestCount() == 1);
        return first;
    }

    @Test
    void aRequestThatNeverGotAPooledConnectionIsNotSent() {
        stallFirstRequest();
        CompletableFuture<Exchange> first = sendHoldingTheOnlyConnection("2s");

        long start = System.nanoTime();
        Exchange second = send(sendUriWith(ONE_CONNECTION + "&maxRetries=0&connectionRequestTimeout=100ms"
                                       + "&responseTimeout=200ms"), null, TO);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(second.getException()).isInstanceOf(WhatsAppMarketingTransportException.class);
        assertThat(((WhatsAppMarketingTransportException) second.getException()).isRequestSent()).isFalse();
        assertThat(second.getException().getMessage()).contains("Request not sent");
        assertThat(millis).as("ends on its pool wait + connect deadline, not the first one's response").isLessThan(1_500);
        Exchange held = first.join();
        assertThat(((WhatsAppMarketingTransportException) held.getException()).isRequestSent()).isTrue();
        assertThat(graphApi.requestCount()).as("the second request never reached the server").isEqualTo(1);
    }

    @Test
    void aRequestThatWaitedForAPooledConnectionIsRetriedSafelyAndSentOnce() {
        stallFirstRequest();
        CompletableFuture<Exchange> first = sendHoldingTheOnlyConnection("1s");

        Exchange second = send(sendUriWith(ONE_CONNECTION + "&maxRetries=20&retryDelay=100ms&retryMaxDelay=200ms"
                                       + "&connectionRequestTimeout=100ms"), null, TO);

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.SECOND");
        assertThat(retries).isNotEmpty().allSatisfy(retry -> assertThat(retry.reason()).isEqualTo(RetryReason.NOT_SENT));
        assertThat(first.join().getException()).isInstanceOf(WhatsAppMarketingTransportException.class);
        assertThat(graphApi.requestCount()).as("each message reached the server once").isEqualTo(2);
    }

    @Test
    void aConnectionRefusedBeforeSendingIsRetriedAndTheMessageSentOnce() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        WireMockServer late = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        late.stubFor(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH))
                .willReturn(GraphApiStub.accepted("wamid.AFTER_REFUSAL", "4915112345678")));
        onFirstRetry = late::start; // the port refuses the first attempt, then accepts
        try {
            Exchange result = send("whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
                                   + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=http://127.0.0.1:" + port
                                   + "&templateName=autumn_offer&templateLanguage=de&retryDelay=10ms"
                                   + "&retryMaxDelay=50ms", null, TO);

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                    .isEqualTo("wamid.AFTER_REFUSAL");
            assertThat(retries).singleElement().satisfies(retry -> assertThat(retry.reason())
                    .isEqualTo(RetryReason.NOT_SENT));
            assertThat(late.getAllServeEvents()).hasSize(1);
        } finally {
            late.stop();
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
