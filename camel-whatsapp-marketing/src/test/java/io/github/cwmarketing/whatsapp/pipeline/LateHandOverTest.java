package io.github.cwmarketing.whatsapp.pipeline;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.http.GraphApiErrors;
import io.github.cwmarketing.whatsapp.http.GraphApiRequest;
import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.http.HttpClientSettings;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends whose hand-over (the ledger's record that they leave) is held up past their pacing slots, as by a slow or
 * restarting database, and then completes for all at once, do not leave together: each takes a new slot, so the number
 * still sees its rate. Asserted as a lower bound on the spread, which a slow machine can only widen.
 */
class LateHandOverTest {

    private static final int RATE = 20;
    private static final int SENDS = 10;
    private static final WhatsAppMarketingListener NO_LISTENER = new WhatsAppMarketingListener() {
    };

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DefaultCamelContext camelContext = new DefaultCamelContext();
    private GraphApiStub graphApi;
    private GraphApiTransport transport;

    @BeforeEach
    void start() throws Exception {
        graphApi = new GraphApiStub();
        graphApi.acceptAll();
        transport = new GraphApiTransport(camelContext, new HttpClientSettings(Duration.ofSeconds(5), 10, null, null,
                null, null), scheduler);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        graphApi.close();
        scheduler.shutdownNow();
        camelContext.close();
    }

    @Test
    void sendsHeldUpInTheirHandOverTakeNewSlotsInsteadOfLeavingTogether() throws Exception {
        NumberPacing pacing = new NumberPacing(GraphApiStub.PHONE_NUMBER_ID, new PacingSettings(RATE, 0, false, 1000),
                new TokenBucketPacer(RATE), scheduler, NO_LISTENER, System::nanoTime);
        MessageSender sender = new MessageSender(transport, new GraphApiErrors(new ObjectMapper()),
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(100), false, false), scheduler,
                Duration.ofSeconds(5), Duration.ofSeconds(5), NO_LISTENER);
        CompletableFuture<Void> database = new CompletableFuture<>();
        AtomicInteger handOversAsked = new AtomicInteger();
        GraphApiRequest request = GraphApiRequest.post(URI.create(graphApi.baseUri()
                                                                  + GraphApiStub.MARKETING_MESSAGES_PATH),
                Map.of("Authorization", "Bearer " + GraphApiStub.TOKEN),
                "{\"to\":\"+4915112345678\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(transport.execute(request, Duration.ofSeconds(5)).join().status()).as("warm-up: the connection")
                .isEqualTo(200);
        graphApi.reset();
        graphApi.acceptAll();

        List<CompletableFuture<GraphApiResponse>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            sends.add(sender.send(new OutgoingRequest("send", GraphApiStub.PHONE_NUMBER_ID, request, pacing, null,
                    new HandOver() {
                        @Override
                        public CompletionStage<Void> handOver() {
                            handOversAsked.incrementAndGet();
                            return database;
                        }

                        @Override
                        public void handBack() {
                        }
                    })));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handOversAsked.get() < SENDS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(handOversAsked).as("every send reached its slot and asked for its hand-over").hasValue(SENDS);
        assertThat(graphApi.marketingMessageRequests()).as("none left before its hand-over").isEmpty();

        database.complete(null);
        sends.forEach(send -> assertThat(send.join().status()).isEqualTo(200));

        List<Long> arrivals = graphApi.marketingMessageRequests().stream()
                .map(LoggedRequest::getLoggedDate).map(Date::getTime).sorted().toList();
        // together they would arrive within a few milliseconds; paced, 9 intervals apart. One interval of slack: the
        // first arrival can be later after its slot than the last one (each is logged when the stub handles it)
        long pacedMillis = (SENDS - 2) * 1000L / RATE;
        assertThat(arrivals.get(SENDS - 1) - arrivals.get(0)).as("spread at the rate after the late hand-overs")
                .isGreaterThanOrEqualTo(pacedMillis);
    }
}
