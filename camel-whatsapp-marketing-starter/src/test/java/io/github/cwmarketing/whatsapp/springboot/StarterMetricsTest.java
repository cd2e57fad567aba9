package io.github.cwmarketing.whatsapp.springboot;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.APP_SECRET;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter records the component's metrics in the application's MeterRegistry, with no property set: a real send
 * through the component and a real signed webhook POST on the Spring Boot port show up in actuator's
 * {@code /actuator/prometheus} (micrometer-registry-prometheus, endpoint exposed), as does a refused POST.
 */
class StarterMetricsTest extends StarterWebTestSupport {

    /** A template and a receiving phone number id no other test uses, so the series below are this test's only. */
    private static final String TEMPLATE = "metrics_probe";
    private static final String RECEIVING_NUMBER = "109876543210987";

    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;
    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void theComponentRecordsInTheApplicationsMeterRegistry() {
        assertThat(camelContext.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class)
                .getMeterRegistry()).isSameAs(meterRegistry);
    }

    @Test
    void aSendAndAWebhookPostAreScrapedFromActuatorPrometheus() throws Exception {
        GRAPH_API.stubFor(post(urlPathEqualTo("/v25.0/" + PHONE_NUMBER_ID + "/marketing_messages"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"+4915112345678","wa_id":"4915112345678"}],
                         "messages":[{"id":"wamid.STARTER_METRICS","message_status":"accepted"}]}""")));
        double refusedBefore = value(scrape(), "whatsapp_marketing_webhook_rejections_total{http_status=\"401\","
                                               + "reason=\"signature\"}");

        Exchange sent = template.send("direct:campaign", exchange -> {
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678");
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TEMPLATE_NAME, TEMPLATE);
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TEMPLATE_LANGUAGE, "en");
            exchange.getMessage().setBody(List.of("Jonas"));
        });
        assertThat(sent.getException()).isNull();
        byte[] status = statusPost();
        assertThat(httpPost(WEBHOOK_PATH, status, "X-Hub-Signature-256", signature(status, APP_SECRET)).statusCode())
                .isEqualTo(200);
        assertThat(httpPost(WEBHOOK_PATH, status, "X-Hub-Signature-256", "sha256=00").statusCode()).isEqualTo(401);

        String scrape = scrape();
        assertThat(scrape)
                .contains("whatsapp_marketing_sends_total{error_code=\"none\",outcome=\"accepted\",phone_number_id=\""
                          + PHONE_NUMBER_ID + "\",retry_class=\"none\",template=\"" + TEMPLATE + "\"} 1.0")
                .contains("whatsapp_marketing_send_latency_seconds_bucket{outcome=\"accepted\",phone_number_id=\""
                          + PHONE_NUMBER_ID + "\",le=\"+Inf\"}")
                .contains("whatsapp_marketing_webhook_events_total{error_code=\"none\",outcome=\"routed\","
                          + "phone_number_id=\"" + RECEIVING_NUMBER + "\",pricing_category=\"marketing\","
                          + "routed_via=\"cloud_api\",status=\"sent\",type=\"status\"} 1.0");
        assertThat(value(scrape, "whatsapp_marketing_webhook_rejections_total{http_status=\"401\","
                                 + "reason=\"signature\"}")).isEqualTo(refusedBefore + 1);
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = httpGet("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series in a scrape, 0 when absent. */
    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static byte[] statusPost() {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"" + RECEIVING_NUMBER + "\"},"
                + "\"statuses\":[{\"id\":\"wamid.STARTER_METRICS\",\"status\":\"sent\",\"timestamp\":\"1750030073\","
                + "\"recipient_id\":\"4915112345678\",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\","
                + "\"type\":\"regular\",\"category\":\"marketing\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
