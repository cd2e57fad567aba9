package io.github.cwmarketing.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel Main with YAML routes and {@code camel.metrics.enabled=true} (camel-micrometer-prometheus): with no metrics
 * option set, the component records in the registry camel-micrometer binds, and a real send and a real webhook POST
 * show up in the scrape that camel-main's management server serves on {@code /observe/metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamelMainMetricsTest {

    private static final String SECRET = "camel-main-app-secret-0123456789";

    private final int port = AvailablePortFinder.getNextAvailable();
    private final int managementPort = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newHttpClient();
    private GraphApiStub graphApi;
    private Main main;

    @BeforeAll
    void startMain() throws Exception {
        graphApi = new GraphApiStub();
        graphApi.acceptAll();
        main = new Main();
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:metrics/camel-main-routes.yaml");
        main.addInitialProperty("camel.metrics.enabled", "true");
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.metricsEnabled", "true");
        main.addInitialProperty("camel.management.port", Integer.toString(managementPort));
        main.addInitialProperty("whatsapp.token", GraphApiStub.TOKEN);
        main.addInitialProperty("whatsapp.phoneNumberId", GraphApiStub.PHONE_NUMBER_ID);
        main.addInitialProperty("whatsapp.baseUri", graphApi.baseUri());
        main.addInitialProperty("whatsapp.appSecret", SECRET);
        main.start();
    }

    @AfterAll
    void stopMain() {
        main.stop();
        graphApi.close();
    }

    @Test
    void aSendAndAWebhookPostAreInTheObserveMetricsScrape() throws Exception {
        Exchange sent = main.getCamelContext().createProducerTemplate().send("direct:campaign",
                exchange -> exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678"));
        assertThat(sent.getException()).isNull();
        String status = "{\"id\":\"wamid.MAIN\",\"status\":\"delivered\",\"timestamp\":\"1750030073\","
                        + "\"recipient_id\":\"4915112345678\",\"pricing\":{\"category\":\"marketing_lite\"}}";
        assertThat(new MetaClient(port).postSigned("/whatsapp-marketing/webhook", statuses(status), SECRET)
                .statusCode())
                .isEqualTo(200);

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                                                                                  + "/observe/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("whatsapp_marketing_sends_total{error_code=\"none\",outcome=\"accepted\",phone_number_id=\""
                          + GraphApiStub.PHONE_NUMBER_ID + "\",retry_class=\"none\",template=\"autumn_offer\"} 1.0")
                .contains("whatsapp_marketing_send_latency_seconds_count{outcome=\"accepted\",phone_number_id=\""
                          + GraphApiStub.PHONE_NUMBER_ID + "\"} 1")
                .contains("whatsapp_marketing_webhook_events_total{error_code=\"none\",outcome=\"routed\","
                          + "phone_number_id=\"" + WebhookPayloads.PHONE_NUMBER_ID + "\","
                          + "pricing_category=\"marketing_lite\",routed_via=\"marketing_messages_api\","
                          + "status=\"delivered\",type=\"status\"} 1.0")
                .as("camel-micrometer's own meters are in the same registry").contains("camel_exchanges_total");
    }
}
