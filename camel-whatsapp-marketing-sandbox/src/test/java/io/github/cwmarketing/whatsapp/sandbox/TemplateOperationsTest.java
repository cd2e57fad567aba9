package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.graphError;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET|POST /{version}/{TEMPLATE_ID}}: creative features and the time-to-live of marketing templates. */
class TemplateOperationsTest {

    private static final String TEMPLATE = "1234567890123456";
    private static final String OTHER_TEMPLATE = "6543210987654321";
    private static final String DEGREES_OF_FREEDOM_SPEC = "degrees_of_freedom_spec";
    private static final String TTL = "message_send_ttl_seconds";

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(WhatsAppSandbox.builder());

    private final WhatsAppSandbox sandbox;
    private final GraphClient client;

    TemplateOperationsTest(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new GraphClient(sandbox);
    }

    @Test
    void answersTheTemplateCreativeFeaturesAllOptedInByDefault() throws Exception {
        JsonNode answer = ok(client.getFields(TEMPLATE, DEGREES_OF_FREEDOM_SPEC));

        assertThat(answer.fieldNames()).toIterable().containsExactly(DEGREES_OF_FREEDOM_SPEC, "id");
        assertThat(answer.path("id").asText()).isEqualTo(TEMPLATE);
        JsonNode features = answer.at("/degrees_of_freedom_spec/creative_features_spec");
        assertThat(features).hasSize(10);
        assertThat(features.get(1)).isEqualTo(GraphClient.MAPPER.readTree(
                "{\"key\":\"IMAGE_TOUCHUPS\",\"value\":{\"enroll_status\":\"OPT_IN\"}}"));
        assertThat(features.findValuesAsText("key")).contains("IMAGE_BRIGHTNESS_AND_CONTRAST",
                "TEXT_FORMATTING_OPTIMIZATION");
        assertThat(features.findValuesAsText("enroll_status")).containsOnly("OPT_IN");
    }

    @Test
    void remembersCreativeFeaturesPerTemplate() {
        JsonNode answer = ok(client.update(TEMPLATE, "{\"degrees_of_freedom_spec\":{\"creative_features_spec\":"
                + "{\"image_touchups\":{\"enroll_status\":\"OPT_OUT\"}}}}"));

        assertThat(answer.toString()).isEqualTo("{\"success\":true}");
        JsonNode features = ok(client.getFields(TEMPLATE, DEGREES_OF_FREEDOM_SPEC))
                .at("/degrees_of_freedom_spec/creative_features_spec");
        assertThat(features.get(1).toString())
                .isEqualTo("{\"key\":\"IMAGE_TOUCHUPS\",\"value\":{\"enroll_status\":\"OPT_OUT\"}}");
        assertThat(features.get(0).at("/value/enroll_status").asText()).isEqualTo("OPT_IN");
        assertThat(sandbox.creativeFeatures(TEMPLATE)).containsEntry("image_touchups", "OPT_OUT");
        assertThat(sandbox.creativeFeatures(OTHER_TEMPLATE)).containsEntry("image_touchups", "OPT_IN");
        assertThat(sandbox.creativeFeatures(sandbox.wabaId())).as("the WABA keeps its own features")
                .containsEntry("image_touchups", "OPT_IN");
    }

    static Stream<Arguments> wrongEnrollStatuses() {
        return Stream.of(
                Arguments.of("{\"image_touchups\":{\"enroll_status\":\"opt_in\"}}", "was \"opt_in\""),
                Arguments.of("{\"add_text_overlay\":{\"enroll_status\":\"OPT_OUT\"},\"image_touchups\":{}}",
                        "was missing"));
    }

    /** A POST is all or nothing: the valid TTL and feature beside the wrong status are not set either. */
    @ParameterizedTest
    @MethodSource("wrongEnrollStatuses")
    void rejectsAWrongEnrollStatusWithError100AndChangesNothing(String featuresSpec, String was) {
        HttpResponse<String> response = client.update(TEMPLATE, "{\"message_send_ttl_seconds\":86400,"
                + "\"degrees_of_freedom_spec\":{\"creative_features_spec\":" + featuresSpec + "}}");

        assertThat(graphError(response, 400, 100).at("/error_data/details").asText())
                .endsWith("image_touchups.enroll_status must be OPT_IN or OPT_OUT, " + was);
        assertThat(sandbox.creativeFeatures(TEMPLATE).values()).containsOnly("OPT_IN");
        assertThat(sandbox.templateTtl(TEMPLATE)).isEmpty();
    }

    @Test
    void remembersTheTimeToLiveOfATemplate() {
        assertThat(ok(client.update(TEMPLATE, "{\"message_send_ttl_seconds\":86400}")).toString())
                .isEqualTo("{\"success\":true}");

        assertThat(sandbox.templateTtl(TEMPLATE)).hasValue(Duration.ofDays(1));
        assertThat(sandbox.templateTtl(OTHER_TEMPLATE)).isEmpty();
        assertThat(ok(client.getFields(TEMPLATE, TTL)).path(TTL).asLong()).isEqualTo(86400);
        assertThat(ok(client.getFields(OTHER_TEMPLATE, TTL)).has(TTL)).as("left out until set").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"43200", "2592000"})
    void acceptsTheTimeToLiveLimits(String seconds) {
        ok(client.update(TEMPLATE, "{\"message_send_ttl_seconds\":" + seconds + "}"));

        assertThat(sandbox.templateTtl(TEMPLATE)).hasValue(Duration.ofSeconds(Long.parseLong(seconds)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"43199", "2592001", "-1", "86400.5", "\"86400\"", "null"})
    void rejectsATimeToLiveOutsideTwelveHoursToThirtyDays(String value) {
        HttpResponse<String> response = client.update(TEMPLATE, "{\"message_send_ttl_seconds\":" + value + "}");

        JsonNode error = graphError(response, 400, 100);
        assertThat(error.path("message").asText()).isEqualTo("(#100) Invalid parameter");
        assertThat(error.at("/error_data/details").asText()).isEqualTo("message_send_ttl_seconds must be whole "
                + "seconds from 43200 to 2592000 (12 hours to 30 days) for a marketing template, was " + value);
        assertThat(sandbox.templateTtl(TEMPLATE)).isEmpty();
    }

    @Test
    void setsSeveralFieldsInOnePostAndAnswersThemInOneGet() {
        ok(client.update(TEMPLATE, "{\"message_send_ttl_seconds\":43200,\"degrees_of_freedom_spec\":"
                + "{\"creative_features_spec\":{\"add_text_overlay\":{\"enroll_status\":\"OPT_OUT\"}}}}"));

        JsonNode answer = ok(client.getFields(TEMPLATE, "id," + TTL + "," + DEGREES_OF_FREEDOM_SPEC));

        assertThat(answer.fieldNames()).toIterable().containsExactly("id", TTL, DEGREES_OF_FREEDOM_SPEC);
        assertThat(answer.path(TTL).asLong()).isEqualTo(43200);
        assertThat(sandbox.creativeFeatures(TEMPLATE)).containsEntry("add_text_overlay", "OPT_OUT");
    }

    @Test
    void answersAccountFieldsOfATemplateIdAsAnUnknownObject() {
        JsonNode error = graphError(client.getFields(TEMPLATE, "marketing_messages_onboarding_status"), 400, 100);

        assertThat(error.path("type").asText()).isEqualTo("GraphMethodException");
        assertThat(error.path("message").asText()).startsWith("Unsupported get request. Object with ID '" + TEMPLATE);
        assertThat(graphError(client.getFields(TEMPLATE, "status"), 400, 100).path("message").asText())
                .isEqualTo("(#100) Tried accessing nonexisting field (status) on node type (WhatsAppMessageTemplate)");
    }

    @Test
    void doesNotTakeThePhoneNumberIdForATemplate() {
        HttpResponse<String> response = client.getFields(sandbox.phoneNumberId(), DEGREES_OF_FREEDOM_SPEC);

        assertThat(graphError(response, 400, 2500).at("/error_data/details").asText())
                .contains("does not serve GET /v23.0/" + sandbox.phoneNumberId());
    }

    @Test
    void checksTheAccessToken() {
        HttpResponse<String> response = client.post(client.nodeUri(TEMPLATE, null),
                "{\"message_send_ttl_seconds\":86400}", "Bearer wrong-token");

        graphError(response, 401, 190);
        assertThat(sandbox.templateTtl(TEMPLATE)).isEmpty();
    }

    @Test
    void resetForgetsTemplateSettings() {
        ok(client.update(TEMPLATE, "{\"message_send_ttl_seconds\":86400,\"degrees_of_freedom_spec\":"
                + "{\"creative_features_spec\":{\"image_animation\":{\"enroll_status\":\"OPT_OUT\"}}}}"));

        sandbox.reset();

        assertThat(sandbox.templateTtl(TEMPLATE)).isEmpty();
        assertThat(sandbox.creativeFeatures(TEMPLATE)).containsEntry("image_animation", "OPT_IN");
    }
}
