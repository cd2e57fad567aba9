package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.cwmarketing.whatsapp.ledger.InMemoryMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.Suppression;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingSuppressedException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real run that makes the component emit every meter it has today, recorded in a {@link PrometheusMeterRegistry}
 * given as the component's {@code meterRegistry} option (the plain Java way): sends that are accepted (three at once
 * at 50/s, so that two wait for pacing, and one after a retry), rejected, not sent and of unknown outcome; signed
 * webhook POSTs with statuses routed through the Marketing Messages API and Cloud API, a failed status, a re-delivery
 * and an event whose route fails; and refused webhook requests. An endpoint with a message ledger sends a key once,
 * skips it the second time (duplicate) and refuses a suppressed recipient, so the ledger's writes are timed. Run once per test JVM; the tests read its registry and its scrape.
 */
final class MetricsScenario {

    static final String SECRET = "metrics-app-secret-0123456789";
    static final String PATH = "/whatsapp-marketing/metrics";
    static final String TEMPLATE = "autumn_offer";
    /** Recipients, message ids and a send key of the run: none may appear in any tag. */
    static final List<String> PRIVATE_VALUES = List.of("4915112345601", "4915112345602", "4915112345603",
            "4915112345604", "16505551234", "wamid.METRICS_ACCEPTED", "wamid.METRICS_RETRIED", "wamid.MM",
            "wamid.CLOUD", "wamid.FAILED", "wamid.ROUTE_FAILS", "autumn-2026:4915112345601", "4915112345605",
            "4915112345606", "wamid.METRICS_LEDGER", "metrics-key:4915112345605");

    private static Result result;

    record Result(PrometheusMeterRegistry registry, String scrape) {
    }

    private MetricsScenario() {
    }

    static synchronized Result result() throws Exception {
        if (result == null) {
            result = run();
        }
        return result;
    }

    private static Result run() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        int port = AvailablePortFinder.getNextAvailable();
        try (GraphApiStub graphApi = new GraphApiStub(); CamelContext context = new DefaultCamelContext()) {
            stubGraphApi(graphApi);
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("localhost");
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));
            context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).setMeterRegistry(registry);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from("whatsapp-marketing:webhook?webhookPath=" + PATH + "&appSecret=" + SECRET)
                            .filter(header(WhatsAppMarketingConstants.MESSAGE_ID).isEqualTo("wamid.ROUTE_FAILS"))
                            .throwException(new IllegalStateException("the route fails"));
                }
            });
            context.start();
            // three at once at 50/s: the second waits 20 ms for its pacing slot, the third 40 ms
            CompletableFuture.allOf(IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> send(context, graphApi.baseUri(), "+4915112345601",
                            ""))).toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            send(context, graphApi.baseUri(), "+4915112345602", "");
            send(context, graphApi.baseUri(), "+4915112345603", "");
            send(context, graphApi.baseUri(), "+4915112345604", "&responseTimeout=200ms");
            send(context, "http://127.0.0.1:1", "+4915112345601", "&maxRetries=0");
            sendWithLedger(context, graphApi.baseUri());
            postWebhooks(new MetaClient(port));
        }
        return new Result(registry, registry.scrape());
    }

    private static void stubGraphApi(GraphApiStub graphApi) {
        String path = GraphApiStub.MARKETING_MESSAGES_PATH;
        graphApi.stub(post(urlPathEqualTo(path)).withRequestBody(containing("4915112345601"))
                .willReturn(GraphApiStub.accepted("wamid.METRICS_ACCEPTED", "4915112345601")));
        graphApi.stub(post(urlPathEqualTo(path)).withRequestBody(containing("4915112345602"))
                .willReturn(GraphApiStub.graphError(400, 132001, "(#132001) Template name does not exist", "no")));
        graphApi.stub(post(urlPathEqualTo(path)).withRequestBody(containing("4915112345603")).inScenario("limit")
                .whenScenarioStateIs(STARTED).willSetStateTo("limited")
                .willReturn(GraphApiStub.graphError(400, 130429, "(#130429) Rate limit hit", "throughput")));
        graphApi.stub(post(urlPathEqualTo(path)).withRequestBody(containing("4915112345603")).inScenario("limit")
                .whenScenarioStateIs("limited")
                .willReturn(GraphApiStub.accepted("wamid.METRICS_RETRIED", "4915112345603")));
        graphApi.stub(post(urlPathEqualTo(path)).withRequestBody(containing("4915112345605"))
                .willReturn(GraphApiStub.accepted("wamid.METRICS_LEDGER", "4915112345605")));
        graphApi.stub(post(urlPathEqualTo(path)).withRequestBody(containing("4915112345604"))
                .willReturn(aResponse().withFixedDelay(2_000).withStatus(200)));
    }

    private static void send(CamelContext context, String baseUri, String to, String extra) {
        ProducerTemplate template = context.createProducerTemplate();
        template.send("whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
                      + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=" + baseUri + "&templateName=" + TEMPLATE
                      + "&templateLanguage=en&retryDelay=10ms&retryMaxDelay=100ms&messagesPerSecond=50"
                      + "&pairPacing=false" + extra, // the same recipient three times at once: only the rate paces
                exchange -> exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, to));
    }

    /** Through an endpoint with its own ledger: accepted, then the same key skipped, then a suppressed recipient. */
    private static void sendWithLedger(CamelContext context, String baseUri) throws Exception {
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        String uri = "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
                     + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=" + baseUri + "&templateName=" + TEMPLATE
                     + "&templateLanguage=en&messagesPerSecond=0&campaign=metrics";
        context.getEndpoint(uri, WhatsAppMarketingEndpoint.class).getConfiguration().setLedger(ledger);
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < 2; i++) {
            Exchange sent = template.send(uri, exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(
                    Map.of(WhatsAppMarketingConstants.TO, "+4915112345605",
                            WhatsAppMarketingConstants.SEND_KEY, "metrics-key:4915112345605"))));
            assertThat(sent.getException()).isNull();
        }
        ledger.suppress(List.of(Suppression.manual("+4915112345606", "metrics", java.time.Instant.now())))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(template.send(uri, exchange -> exchange.getMessage()
                .setHeader(WhatsAppMarketingConstants.TO, "+4915112345606")).getException())
                .isInstanceOf(WhatsAppMarketingSuppressedException.class);
        ledger.flush().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void postWebhooks(MetaClient meta) {
        String mm = status("wamid.MM", "sent", pricing("marketing_lite"));
        assertThat(meta.postSigned(PATH, statuses(mm, status("wamid.CLOUD", "sent", pricing("marketing")),
                status("wamid.MM", "delivered", pricing("marketing_lite")), status("wamid.MM", "read", ""),
                status("wamid.FAILED", "failed", ",\"errors\":[{\"code\":131049,\"title\":\"This message was not"
                                                 + " delivered to maintain healthy ecosystem engagement.\"}]")),
                SECRET).statusCode()).isEqualTo(200);
        assertThat(meta.postSigned(PATH, statuses(mm), SECRET).statusCode()).as("a re-delivery").isEqualTo(200);
        assertThat(meta.postSigned(PATH, statuses(status("wamid.ROUTE_FAILS", "delivered", "")), SECRET).statusCode())
                .isEqualTo(500);
        assertThat(meta.postSigned(PATH, statuses(mm), "wrong-secret").statusCode()).isEqualTo(401);
        assertThat(meta.postSigned(PATH, "not json".getBytes(), SECRET).statusCode()).isEqualTo(400);
    }

    private static String status(String id, String status, String extra) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"1750030073\","
               + "\"recipient_id\":\"16505551234\",\"biz_opaque_callback_data\":\"autumn-2026:4915112345601\""
               + extra + "}";
    }

    private static String pricing(String category) {
        return ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\""
               + category + "\"}";
    }
}
