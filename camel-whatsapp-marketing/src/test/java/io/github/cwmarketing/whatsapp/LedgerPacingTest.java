package io.github.cwmarketing.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.MessageStage;
import io.github.cwmarketing.whatsapp.ledger.Suppression;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingSuppressedException;
import io.github.cwmarketing.whatsapp.pipeline.Pacer;
import io.github.cwmarketing.whatsapp.pipeline.PacerFactory;
import io.github.cwmarketing.whatsapp.pipeline.TokenBucketPacer;
import io.github.cwmarketing.whatsapp.spi.PacingStatus;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import io.github.cwmarketing.whatsapp.support.ThreadRecordingDataSource;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message ledger together with pacing, on a JDBC ledger (whose claims answer on its own threads): the claim comes
 * before the pacing queue, so a duplicate or a suppressed send takes no pacing slot, no pair slot and never waits for
 * room; the hand-over is recorded only once a send has its slot; {@code maxPendingSends} still makes a calling thread
 * wait (and refuses a thread that must not wait); the ledger's database work runs on its own threads even when the
 * route goes on on an HttpClient I/O thread; a per-message access token reaches neither the ledger nor the logs.
 * Slots are counted by a pacer factory (the public extension point) around the default token bucket.
 */
class LedgerPacingTest extends SendTestSupport {

    private static final String KEY = "paced-2026:";
    private static final String RECIPIENT = "+4915120000001";
    private static final String OTHER_RECIPIENT = "+4915120000002";

    private DataSource database;
    private ThreadRecordingDataSource recorded;
    private JdbcMessageLedger ledger;
    private final AtomicInteger slots = new AtomicInteger();
    private final Map<String, PacingStatus> pacings = new ConcurrentHashMap<>();
    private final List<Duration> pacingWaits = new CopyOnWriteArrayList<>();
    private final Set<String> routeThreads = ConcurrentHashMap.newKeySet();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        database = LedgerDatabase.freshSchema();
        recorded = new ThreadRecordingDataSource(database);
        ledger = new JdbcMessageLedger(recorded.dataSource());
        context.getRegistry().bind("ledger", ledger);
        context.getRegistry().bind("countingPacers", (PacerFactory) (key, rate) -> new CountingPacer(rate));
        context.getRegistry().bind("pacingEvents", new WhatsAppMarketingListener() {
            @Override
            public void onPacingStarted(PacingStatus status) {
                pacings.put(status.phoneNumberId(), status);
            }

            @Override
            public void onPacingWait(String phoneNumberId, Duration wait) {
                pacingWaits.add(wait);
            }
        });
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the second send starts where the first one ended: on the HttpClient I/O thread of its answer
                from("direct:twice")
                        .to(pacedUri())
                        .process(exchange -> {
                            routeThreads.add(Thread.currentThread().getName());
                            exchange.getMessage().setBody(null);
                        })
                        .setHeader(WhatsAppMarketingConstants.TO, constant(OTHER_RECIPIENT))
                        .setHeader(WhatsAppMarketingConstants.SEND_KEY, constant(KEY + "second"))
                        .to(pacedUri());
            }
        };
    }

    /** The default token bucket, counting the slots it gives. */
    private final class CountingPacer implements Pacer {
        private final TokenBucketPacer bucket;

        CountingPacer(int messagesPerSecond) {
            this.bucket = new TokenBucketPacer(messagesPerSecond);
        }

        @Override
        public CompletionStage<Long> acquire() {
            slots.incrementAndGet();
            return bucket.acquire();
        }

        @Override
        public int messagesPerSecond() {
            return bucket.messagesPerSecond();
        }
    }

    /** Every endpoint of a number agrees on its pacing; pair pacing on, and room for three sends waiting. */
    private static String pacedUri() {
        return sendUri("templateName=autumn_offer&templateLanguage=en&campaign=paced&messagesPerSecond=200"
                       + "&pairPacing=true&maxPendingSends=3");
    }

    private static Map<String, Object> headers(String to, String key) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(WhatsAppMarketingConstants.TO, to);
        headers.put(WhatsAppMarketingConstants.SEND_KEY, key);
        return headers;
    }

    private Exchange exchange(String to, String key) {
        Exchange exchange = context.getEndpoint("direct:unused").createExchange();
        exchange.getMessage().setHeaders(headers(to, key));
        return exchange;
    }

    private static void acceptEach() {
        graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(uniqueAccepted()));
    }

    private static ResponseDefinitionBuilder uniqueAccepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],
                         "messages":[{"id":"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}","message_status":"accepted"}]}""");
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private MessageStage stage(String sendKey) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT stage FROM whatsapp_message WHERE send_key = ?")) {
            select.setString(1, sendKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? MessageStage.ofCode(row.getInt(1)) : null;
            }
        }
    }

    private PacingStatus pacing() {
        return pacings.get(io.github.cwmarketing.whatsapp.support.GraphApiStub.PHONE_NUMBER_ID);
    }

    @Test
    void aCompletedCampaignRunAgainThroughAPacedNumberTakesNoSlotAndSendsNothing() throws Exception {
        acceptEach();
        String uri = pacedUri();
        for (int i = 0; i < 10; i++) {
            assertThat(send(uri, null, headers("+49151200001" + (10 + i), KEY + i)).getException()).isNull();
        }
        assertThat(graphApi.marketingMessageRequests()).hasSize(10);
        assertThat(slots).hasValue(10);
        await(ledger.flush());

        for (int i = 0; i < 10; i++) {
            Exchange again = send(uri, null, headers("+49151200001" + (10 + i), KEY + i));
            assertThat(again.getException()).isNull();
            assertThat(again.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)).isEqualTo(true);
        }

        assertThat(graphApi.marketingMessageRequests()).as("no request on the re-run").hasSize(10);
        assertThat(slots).as("a duplicate takes no pacing slot: a re-run is not throttled by the rate").hasValue(10);
        assertThat(pacing().pendingSends()).isZero();
    }

    @Test
    void aSuppressedRecipientTakesNeitherASlotNorItsPairSlot() throws Exception {
        acceptEach();
        String uri = pacedUri();
        await(ledger.suppress(List.of(Suppression.manual(RECIPIENT, "asked by phone", Instant.now()))));

        assertThat(send(uri, null, headers(RECIPIENT, KEY + "refused")).getException())
                .isInstanceOf(WhatsAppMarketingSuppressedException.class);
        assertThat(slots).hasValue(0);

        await(ledger.unsuppress(RECIPIENT));
        assertThat(send(uri, null, headers(RECIPIENT, KEY + "lifted")).getException()).isNull();

        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
        assertThat(slots).hasValue(1);
        assertThat(pacingWaits).as("had the refused send booked the recipient's pair slot, this one would wait 6 s")
                .allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofSeconds(1)));
    }

    /**
     * Sends to one recipient wait for its pair slot (6 s apart) holding room under maxPendingSends=3: the room is full
     * while the test runs, and the component's stop refuses them.
     */
    @Test
    void maxPendingSendsStillHoldsWithTheLedgerAndADuplicateNeverWaitsForRoom() throws Exception {
        acceptEach();
        String uri = pacedUri();
        assertThat(send(uri, null, headers(RECIPIENT, KEY + 0)).getException()).isNull();
        List<CompletableFuture<Exchange>> waiting = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            waiting.add(template.asyncSend(uri, exchange -> exchange.getMessage().setHeaders(headers(RECIPIENT,
                    KEY + exchange.getExchangeId()))));
        }
        awaitCondition("three sends wait for their pair slot", () -> pacing().pendingSends() == 3);
        await(ledger.flush());
        try (Connection c = database.getConnection(); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT stage, count(*) FROM whatsapp_message GROUP BY stage")) {
            Map<MessageStage, Integer> stages = new HashMap<>();
            while (rows.next()) {
                stages.put(MessageStage.ofCode(rows.getInt(1)), rows.getInt(2));
            }
            assertThat(stages).as("claimed, not handed over: the hand-over waits for the pacing slot")
                    .isEqualTo(Map.of(MessageStage.ACCEPTED, 1, MessageStage.CLAIMED, 3));
        }

        // a thread that must not wait: refused typed, no request, and its key stays sendable
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        Exchange fromIo = exchange(RECIPIENT, KEY + "io");
        CompletableFuture<Exchange> ioDone = new CompletableFuture<>();
        Thread io = new Thread(() -> producer.process(fromIo, sync -> ioDone.complete(fromIo)), "httpclient-dispatch-9");
        io.start();
        assertThat(ioDone.get(10, TimeUnit.SECONDS).getException()).isInstanceOfSatisfying(
                WhatsAppMarketingPacingException.class, refusal -> assertThat(refusal.getReason())
                        .isEqualTo(WhatsAppMarketingPacingException.Reason.TOO_MANY_PENDING));
        await(ledger.flush());
        assertThat(stage(KEY + "io")).isEqualTo(MessageStage.NOT_SENT);

        // a duplicate on this thread, which may wait: answered at once, the room still full
        Exchange duplicate = send(uri, null, headers(RECIPIENT, KEY + 0));
        assertThat(duplicate.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)).isEqualTo(true);
        assertThat(pacing().pendingSends()).isEqualTo(3);

        // a route thread, which may wait: once the ledger claimed its key, it waits for room (backpressure)
        Exchange fromRoute = exchange(RECIPIENT, KEY + "route");
        CompletableFuture<Exchange> routeDone = new CompletableFuture<>();
        Thread route = new Thread(() -> producer.process(fromRoute, sync -> routeDone.complete(fromRoute)),
                "Camel (test) thread #9 - Split");
        route.start();
        awaitCondition("the route thread waits for room", () -> Arrays.stream(route.getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith("PendingSends") && frame.getMethodName().equals("admit")));
        assertThat(stage(KEY + "route")).isEqualTo(MessageStage.CLAIMED);
        assertThat(graphApi.marketingMessageRequests()).as("only the first send left").hasSize(1);
        assertThat(pacing().pendingSends()).as("never more than maxPendingSends").isEqualTo(3);

        context.stop();
        assertThat(routeDone.get(10, TimeUnit.SECONDS).getException())
                .isInstanceOf(WhatsAppMarketingPacingException.class);
        waiting.forEach(send -> assertThat(send.join().getException())
                .isInstanceOf(WhatsAppMarketingPacingException.class));
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
    }

    @Test
    void theLedgersDatabaseWorkRunsOnItsOwnThreadsWhenTheRouteGoesOnOnAnIoThread() throws Exception {
        acceptEach();
        recorded.clear(); // the ledger started with the routes, on the thread that started them

        Exchange twice = template.send("direct:twice", exchange -> exchange.getMessage()
                .setHeaders(headers(RECIPIENT, KEY + "first")));

        assertThat(twice.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(2);
        assertThat(routeThreads).singleElement().asString().startsWith("httpclient-dispatch");
        await(ledger.flush());
        assertThat(stage(KEY + "second")).isEqualTo(MessageStage.ACCEPTED);
        assertThat(recorded.threads()).isNotEmpty()
                .allSatisfy(thread -> assertThat(thread).startsWith("WhatsAppMarketingLedger"));
    }

    @Test
    void aPerMessageAccessTokenReachesNeitherTheLedgerNorTheLogs() throws Exception {
        acceptEach();
        String token = "EAAperMessageTOKEN0123456789secret";
        String uri = pacedUri();
        await(ledger.suppress(List.of(Suppression.manual(OTHER_RECIPIENT, null, Instant.now()))));
        List<Exchange> exchanges = new ArrayList<>();
        try (LogCapture log = LogCapture.open()) {
            for (String[] send : new String[][] { { RECIPIENT, "accepted" }, { RECIPIENT, "accepted" },
                    { OTHER_RECIPIENT, "suppressed" } }) {
                Map<String, Object> headers = headers(send[0], KEY + send[1]);
                headers.put(WhatsAppMarketingConstants.ACCESS_TOKEN, token);
                exchanges.add(send(uri, null, headers));
            }
            await(ledger.flush());

            assertThat(log.lines()).noneMatch(line -> line.contains(token));
        }
        assertThat(exchanges.get(0).getException()).isNull();
        assertThat(exchanges.get(1).getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)).isEqualTo(true);
        assertThat(exchanges.get(2).getException()).isInstanceOf(WhatsAppMarketingSuppressedException.class);
        for (Exchange exchange : exchanges) {
            assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(WhatsAppMarketingConstants.ACCESS_TOKEN);
            if (exchange.getException() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                exchange.getException().printStackTrace(new java.io.PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(token);
            }
        }
        assertThat(graphApi.marketingMessageRequests()).singleElement()
                .satisfies(request -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token));
        try (Connection c = database.getConnection(); Statement statement = c.createStatement()) {
            int rows = 0;
            for (String table : List.of("whatsapp_message", "whatsapp_message_status", "whatsapp_webhook_event",
                    "whatsapp_suppression", "whatsapp_ledger_instance")) {
                try (ResultSet row = statement.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
                    while (row.next()) {
                        rows++;
                        assertThat(row.getString(1)).doesNotContain(token);
                    }
                }
            }
            assertThat(rows).as("the ledger recorded the sends").isGreaterThanOrEqualTo(3);
        }
    }
}
