package io.github.cwmarketing.whatsapp.springboot;

import java.net.http.HttpResponse;

import io.github.cwmarketing.whatsapp.metareference.WebhookSamples;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.APP_SECRET;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.VERIFY_TOKEN;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook consumer, configured by properties only, is served by the Spring Boot web server on
 * {@code server.port} (camel-platform-http-starter, no second HTTP server): Meta's GET handshake, a signed status POST
 * routed once, unsigned and badly signed POSTs rejected before the route.
 */
class StarterWebhookTest extends StarterWebTestSupport {

    private static final String SAMPLE = "status-sent-marketing-cloudapi.json";
    private static final String WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=";

    @Autowired
    CamelContext camelContext;

    MockEndpoint statuses;

    @BeforeEach
    void resetMock() {
        statuses = camelContext.getEndpoint("mock:statuses", MockEndpoint.class);
        statuses.reset();
    }

    @Test
    void answersMetaVerificationHandshakeOnTheSpringBootPort() throws Exception {
        HttpResponse<String> response = httpGet(WEBHOOK_PATH + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                                             + "&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void refusesAHandshakeWithAnotherVerifyToken() throws Exception {
        HttpResponse<String> response = httpGet(WEBHOOK_PATH
                                             + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("1158201444");
    }

    @Test
    void routesASignedStatusPost() throws Exception {
        byte[] body = WebhookSamples.read(SAMPLE);
        statuses.expectedMessageCount(1);

        HttpResponse<String> response = httpPost(WEBHOOK_PATH, body, "X-Hub-Signature-256", signature(body, APP_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        statuses.assertIsSatisfied(5_000);
        StatusEvent status = statuses.getReceivedExchanges().get(0).getMessage().getBody(StatusEvent.class);
        assertThat(status).isNotNull();
        assertThat(statuses.getReceivedExchanges().get(0).getMessage().getHeader("CamelWhatsAppMarketingMessageId"))
                .isEqualTo(WAMID);
        assertThat(statuses.getReceivedExchanges().get(0).getMessage().getHeader("CamelWhatsAppMarketingStatus"))
                .isEqualTo("sent");
    }

    @Test
    void rejectsAnUnsignedPost() throws Exception {
        HttpResponse<String> response = httpPost(WEBHOOK_PATH, WebhookSamples.read(SAMPLE));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(statuses.getReceivedCounter()).isZero();
    }

    @Test
    void rejectsAPostSignedWithAnotherSecret() throws Exception {
        byte[] body = WebhookSamples.read(SAMPLE);

        HttpResponse<String> response = httpPost(WEBHOOK_PATH, body, "X-Hub-Signature-256",
                signature(body, "not-the-app-secret"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(statuses.getReceivedCounter()).isZero();
    }
}
