package io.github.cwmarketing.whatsapp.springboot;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.API_KEY;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.APP_SECRET;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.TOKEN;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actuator: the secrets are masked in {@code configprops} and {@code env} even with {@code show-values=always}, and
 * the component's health check is part of the {@code health} endpoint through camel-spring-boot.
 */
class StarterActuatorTest extends StarterWebTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASK = "******";
    private static final String PHONE_PATH = "/v25.0/" + PHONE_NUMBER_ID;

    @Autowired
    CamelContext camelContext;

    @BeforeEach
    void graphApiAcceptsTheToken() {
        GRAPH_API.resetAll();
        GRAPH_API.stubFor(get(urlPathEqualTo(PHONE_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + PHONE_NUMBER_ID + "\"}")));
        camelContext.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).healthCheck()
                .clearCachedAnswers();
    }

    @Test
    void configpropsMasksTheSecretsButShowsTheOtherValues() throws Exception {
        HttpResponse<String> response = httpGet("/actuator/configprops/camel.component.whatsapp-marketing");
        assertThat(response.statusCode()).isEqualTo(200);
        assertNoSecretIn(response.body());

        JsonNode properties = findBean(JSON.readTree(response.body()), "camel.component.whatsapp-marketing")
                .get("properties");
        assertThat(properties.get("accessToken").asText()).isEqualTo(MASK);
        assertThat(properties.get("appSecret").asText()).isEqualTo(MASK);
        assertThat(properties.get("verifyToken").asText()).isEqualTo(MASK);
        assertThat(properties.get("apiKey").asText()).isEqualTo(MASK);
        assertThat(properties.get("phoneNumberId").asText()).as("show-values=always is in effect")
                .isEqualTo(PHONE_NUMBER_ID);
    }

    @Test
    void envMasksTheSecretsButShowsTheOtherValues() throws Exception {
        for (String secret : new String[] { "access-token", "api-key", "app-secret", "verify-token" }) {
            HttpResponse<String> response = httpGet("/actuator/env/camel.component.whatsapp-marketing." + secret);
            assertThat(response.statusCode()).isEqualTo(200);
            assertNoSecretIn(response.body());
            assertThat(JSON.readTree(response.body()).at("/property/value").asText()).as(secret).isEqualTo(MASK);
        }
        HttpResponse<String> phone = httpGet("/actuator/env/camel.component.whatsapp-marketing.phone-number-id");
        assertThat(JSON.readTree(phone.body()).at("/property/value").asText()).isEqualTo(PHONE_NUMBER_ID);

        HttpResponse<String> all = httpGet("/actuator/env");
        assertThat(all.statusCode()).isEqualTo(200);
        assertNoSecretIn(all.body());
    }

    @Test
    void healthShowsTheComponentCheckUpWhenMetaAcceptsTheToken() throws Exception {
        HttpResponse<String> health = httpGet("/actuator/health");

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode camel = JSON.readTree(health.body()).at("/components/camelHealth/details");
        assertThat(camel.path("whatsapp-marketing").asText()).as(health.body()).isEqualTo("UP");
        assertThat(camel.at("/whatsapp-marketing.data/check.kind").asText()).isEqualTo("READINESS");
        assertThat(camel.at("/whatsapp-marketing.data/token.validation").asText())
                .contains("phone number id " + PHONE_NUMBER_ID + "=UP");
        assertThat(httpGet("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertNoSecretIn(health.body());
    }

    @Test
    void readinessIsDownWhenMetaRejectsTheTokenButLivenessStaysUp() throws Exception {
        GRAPH_API.resetAll();
        GRAPH_API.stubFor(get(urlPathEqualTo(PHONE_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Error validating access token: Session has expired","type":"OAuthException",
                         "code":190,"fbtrace_id":"AbCdEfG123"}}""")));

        HttpResponse<String> health = httpGet("/actuator/health");

        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        JsonNode camel = JSON.readTree(health.body()).at("/components/camelHealth/details");
        assertThat(camel.path("whatsapp-marketing").asText()).as(health.body()).isEqualTo("DOWN");
        assertThat(camel.at("/whatsapp-marketing.data/problems").asText())
                .contains("rejected by the Graph API").contains("code 190");
        assertThat(httpGet("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(httpGet("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertNoSecretIn(health.body());
    }

    private static JsonNode findBean(JsonNode configprops, String prefix) {
        List<JsonNode> beans = new ArrayList<>();
        configprops.findParents("prefix").forEach(bean -> {
            if (prefix.equals(bean.get("prefix").asText())) {
                beans.add(bean);
            }
        });
        assertThat(beans).as("configuration properties bean with prefix %s", prefix).hasSize(1);
        return beans.get(0);
    }

    /** Checked with assertTrue so that a failure does not print the secret. */
    private static void assertNoSecretIn(String body) {
        assertTrue(!body.contains(TOKEN), "access token unmasked in the actuator output");
        assertTrue(!body.contains(APP_SECRET), "app secret unmasked in the actuator output");
        assertTrue(!body.contains(VERIFY_TOKEN), "verify token unmasked in the actuator output");
        assertTrue(!body.contains(API_KEY), "API key unmasked in the actuator output");
    }
}
