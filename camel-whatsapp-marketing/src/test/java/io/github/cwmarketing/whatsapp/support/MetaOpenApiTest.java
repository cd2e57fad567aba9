package io.github.cwmarketing.whatsapp.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec check used by the producer tests really rejects what Meta's spec rejects, and allows only its known gaps.
 */
class MetaOpenApiTest {

    private static final String VALID = """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
             "template":{"name":"a","language":{"code":"en","policy":"deterministic"}}}""";

    private static String withRootField(String field) {
        return VALID.substring(0, VALID.length() - 1) + "," + field + "}";
    }

    @Test
    void acceptsAValidPayload() {
        assertThat(MetaOpenApi.payloadViolations(VALID)).isEmpty();
    }

    @Test
    void rejectsWhatTheSpecRejects() {
        assertThat(MetaOpenApi.payloadViolations(VALID.replace("\"messaging_product\":\"whatsapp\",", ""))).isNotEmpty();
        assertThat(MetaOpenApi.payloadViolations(VALID.replace("\"type\":\"template\"", "\"type\":\"text\""))).isNotEmpty();
        assertThat(MetaOpenApi.payloadViolations(VALID.replace("\"policy\":\"deterministic\"", "\"policy\":\"fallback\"")))
                .isNotEmpty();
        assertThat(MetaOpenApi.payloadViolations(withRootField("\"unknown\":1"))).isNotEmpty();
        assertThat(MetaOpenApi.payloadViolations(withRootField("\"product_policy\":\"SOMETIMES\""))).isNotEmpty();
        assertThat(MetaOpenApi.payloadViolations(withRootField("\"product_policy\":\"STRICT\""))).isEmpty();
    }

    @Test
    void allowsTheSpecsKnownGaps() {
        String bsuidOnly = withRootField("\"bid_spec\":{\"per_message_bid_multiplier\":1.2},\"biz_opaque_callback_data\":\"x\"")
                .replace("\"to\":\"4915112345678\"", "\"recipient\":\"US.13491208655302741918\"");
        assertThat(MetaOpenApi.payloadViolations(bsuidOnly)).isEmpty();
        String buttonZero = VALID.replace("\"policy\":\"deterministic\"}", "\"policy\":\"deterministic\"},"
                + "\"components\":[{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}]");
        assertThat(MetaOpenApi.payloadViolations(buttonZero)).isEmpty();
    }

    @Test
    void checksHeaders() {
        assertThat(MetaOpenApi.headerViolations("application/json", "Bearer EAAx", "camel-whatsapp-marketing/0.1.0"))
                .isEmpty();
        assertThat(MetaOpenApi.headerViolations("application/json; charset=UTF-8", "Bearer EAAx", null)).hasSize(1);
        assertThat(MetaOpenApi.headerViolations("application/json", "EAAx", "Apache-HttpAsyncClient/5.5 (Java/17)"))
                .hasSize(2);
    }

    @Test
    void checksOtherOperationsOfTheSpec() {
        Map<String, String> headers = Map.of("authorization", "Bearer EAAx", "User-Agent", "camel-whatsapp-marketing/0.1.0");
        Map<String, String> path = Map.of("Version", "v25.0", "WABA-ID", "102290129340398");
        assertThat(MetaOpenApi.requestViolations("/{Version}/{WABA-ID}", "GET", path,
                Map.of("fields", "marketing_messages_onboarding_status"), headers, null)).isEmpty();
        assertThat(MetaOpenApi.requestViolations("/{Version}/{WABA-ID}", "POST", path, Map.of(), headers,
                "{\"disable_marketing_messages_on_cloud_api\":true}")).isEmpty();

        assertThat(MetaOpenApi.requestViolations("/{Version}/{WABA-ID}", "GET",
                Map.of("Version", "25", "WABA-ID", "WABA1"), Map.of(), headers, null)).hasSize(2);
        assertThat(MetaOpenApi.requestViolations("/{Version}/{WABA-ID}", "GET", path, Map.of(),
                Map.of("Authorization", "EAAx"), null)).hasSize(1);
        assertThat(MetaOpenApi.requestViolations("/{Version}/{WABA-ID}", "GET", path, Map.of(), Map.of(), null))
                .containsExactly("header parameter Authorization is required");
        assertThat(MetaOpenApi.requestViolations("/{Version}/{WABA-ID}", "POST", path, Map.of(), headers, null))
                .containsExactly("the request body is required");
        assertThat(MetaOpenApi.requestViolations("/{Version}/{WABA-ID}", "POST", path, Map.of(), headers,
                "{\"name\":\"\"}")).hasSize(1);
        assertThat(MetaOpenApi.requestViolations("/{Version}/{TEMPLATE_ID}", "GET",
                Map.of("Version", "v25.0", "TEMPLATE_ID", "1"), Map.of("fields", "degrees_of_freedom_spec"), headers, null))
                .containsExactly("query parameter fields is not declared by GET /{Version}/{TEMPLATE_ID}");
        assertThat(MetaOpenApi.requestViolations("/{Version}/{NOPE}", "GET", path, Map.of(), headers, null)).hasSize(1);
    }

    @Test
    void checksANamedSchema() {
        assertThat(MetaOpenApi.schemaViolations("#/components/schemas/MarketingMessageRequestPayload", VALID)).isEmpty();
        assertThat(MetaOpenApi.schemaViolations("#/components/schemas/MarketingMessageRequestPayload", "{}")).isNotEmpty();
    }
}
