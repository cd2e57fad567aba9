package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.graphError;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET|POST /{version}/{WABA_ID}}: creative features, the Cloud API marketing flag, the onboarding status. */
class AccountOperationsTest {

    private static final String DEGREES_OF_FREEDOM_SPEC = "degrees_of_freedom_spec";
    private static final String CLOUD_API_FLAG = "disable_marketing_messages_on_cloud_api";
    private static final String ONBOARDING_STATUS = "marketing_messages_onboarding_status";
    private static final String UNKNOWN_WABA = "299999999999999";

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(WhatsAppSandbox.builder());

    private final WhatsAppSandbox sandbox;
    private final GraphClient client;

    AccountOperationsTest(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new GraphClient(sandbox);
    }

    private static ObjectNode object() {
        return GraphClient.MAPPER.createObjectNode();
    }

    @Test
    void answersTheAccountCreativeFeaturesAllOptedInByDefault() throws Exception {
        // Meta: "All optimization features are enabled by default" (WABA level, as for templates)
        HttpResponse<String> response = client.getFields(sandbox.wabaId(), DEGREES_OF_FREEDOM_SPEC);

        JsonNode expected = GraphClient.MAPPER.readTree("{\"degrees_of_freedom_spec\":{\"data\":[{"
                + "\"creative_features_spec\":[{\"image_brightness_and_contrast\":\"OPT_IN\","
                + "\"image_touchups\":\"OPT_IN\",\"add_text_overlay\":\"OPT_IN\",\"image_animation\":\"OPT_IN\","
                + "\"image_background_gen\":\"OPT_IN\",\"auto_promotion_tag\":\"OPT_IN\","
                + "\"text_extraction_for_headline\":\"OPT_IN\",\"text_extraction_for_tap_target\":\"OPT_IN\","
                + "\"product_extensions\":\"OPT_IN\",\"text_formatting_optimization\":\"OPT_IN\"}]}]},"
                + "\"id\":\"" + sandbox.wabaId() + "\"}");
        assertThat(ok(response)).isEqualTo(expected);
        assertThat(response.headers().firstValue("facebook-api-version")).hasValue("v23.0");
        assertThat(response.headers().firstValue("x-fb-trace-id")).isPresent();
    }

    @Test
    void remembersTheCreativeFeaturesAPostSets() {
        JsonNode answer = ok(client.update(sandbox.wabaId(), "{\"degrees_of_freedom_spec\":{"
                + "\"creative_features_spec\":{\"image_touchups\":{\"enroll_status\":\"OPT_OUT\"},"
                + "\"add_text_overlay\":{\"enroll_status\":\"OPT_IN\"}}}}"));

        assertThat(answer).isEqualTo(object().put("success", true));
        JsonNode features = ok(client.getFields(sandbox.wabaId(), DEGREES_OF_FREEDOM_SPEC))
                .at("/degrees_of_freedom_spec/data/0/creative_features_spec/0");
        assertThat(features.path("image_touchups").asText()).isEqualTo("OPT_OUT");
        assertThat(features.path("add_text_overlay").asText()).isEqualTo("OPT_IN");
        assertThat(features.path("image_animation").asText()).isEqualTo("OPT_IN");
        assertThat(sandbox.creativeFeatures(sandbox.wabaId()))
                .containsEntry("image_touchups", "OPT_OUT").containsEntry("product_extensions", "OPT_IN").hasSize(10);
    }

    @Test
    void rejectsAnUnknownEnrollStatusOrFeatureWithError100AndChangesNothing() {
        HttpResponse<String> badStatus = client.update(sandbox.wabaId(), "{\"disable_marketing_messages_on_cloud_api\":"
                + "true,\"degrees_of_freedom_spec\":{\"creative_features_spec\":{\"image_touchups\":"
                + "{\"enroll_status\":\"MAYBE\"}}}}");
        HttpResponse<String> badFeature = client.update(sandbox.wabaId(), "{\"degrees_of_freedom_spec\":"
                + "{\"creative_features_spec\":{\"image_sparkles\":{\"enroll_status\":\"OPT_IN\"}}}}");
        HttpResponse<String> noFeature = client.update(sandbox.wabaId(),
                "{\"degrees_of_freedom_spec\":{\"creative_features_spec\":{}}}");

        JsonNode error = graphError(badStatus, 400, 100);
        assertThat(error.path("message").asText()).isEqualTo("(#100) Invalid parameter");
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        assertThat(error.at("/error_data/details").asText()).isEqualTo("degrees_of_freedom_spec.creative_features_spec"
                + ".image_touchups.enroll_status must be OPT_IN or OPT_OUT, was \"MAYBE\"");
        assertThat(graphError(badFeature, 400, 100).at("/error_data/details").asText())
                .contains("image_sparkles is not a creative feature");
        assertThat(graphError(noFeature, 400, 100).at("/error_data/details").asText())
                .contains("with at least one feature");
        assertThat(sandbox.cloudApiMarketingDisabled()).isFalse();
        assertThat(sandbox.creativeFeatures(sandbox.wabaId()).values()).containsOnly("OPT_IN");
    }

    @Test
    void setsAndReadsTheCloudApiMarketingFlag() {
        assertThat(ok(client.getFields(sandbox.wabaId(), CLOUD_API_FLAG)))
                .isEqualTo(object().put(CLOUD_API_FLAG, false).put("id", sandbox.wabaId()));

        JsonNode answer = ok(client.update(sandbox.wabaId(), "{\"disable_marketing_messages_on_cloud_api\":true}"));

        assertThat(answer).isEqualTo(object().put("id", sandbox.wabaId()));
        assertThat(ok(client.getFields(sandbox.wabaId(), CLOUD_API_FLAG)).path(CLOUD_API_FLAG).booleanValue()).isTrue();
        assertThat(sandbox.cloudApiMarketingDisabled()).isTrue();
        ok(client.update(sandbox.wabaId(), "{\"disable_marketing_messages_on_cloud_api\":false}"));
        assertThat(sandbox.cloudApiMarketingDisabled()).isFalse();
    }

    @Test
    void rejectsACloudApiMarketingFlagThatIsNotABoolean() {
        HttpResponse<String> response = client.update(sandbox.wabaId(),
                "{\"disable_marketing_messages_on_cloud_api\":\"yes\"}");

        JsonNode error = graphError(response, 400, 100);

        assertThat(error.at("/error_data/details").asText())
                .isEqualTo("disable_marketing_messages_on_cloud_api must be true or false, was \"yes\"");
        assertThat(sandbox.cloudApiMarketingDisabled()).isFalse();
    }

    @Test
    void answersTheOnboardingStatus() {
        assertThat(ok(client.getFields(sandbox.wabaId(), ONBOARDING_STATUS)))
                .isEqualTo(object().put(ONBOARDING_STATUS, "ONBOARDED").put("id", sandbox.wabaId()));
        assertThat(sandbox.onboardingStatus()).isEqualTo("ONBOARDED");
    }

    @Test
    void answersEligibleWhenNotOnboardedAndTheExactStatusWhenConfigured() {
        try (WhatsAppSandbox eligible = WhatsAppSandbox.builder().onboarded(false).build().start();
             WhatsAppSandbox pending = WhatsAppSandbox.builder().onboardingStatus("pending_internal_setup").build()
                     .start()) {
            assertThat(ok(new GraphClient(eligible).getFields(eligible.wabaId(), ONBOARDING_STATUS))
                    .path(ONBOARDING_STATUS).asText()).isEqualTo("ELIGIBLE");
            assertThat(ok(new GraphClient(pending).getFields(pending.wabaId(), ONBOARDING_STATUS))
                    .path(ONBOARDING_STATUS).asText()).isEqualTo("PENDING_INTERNAL_SETUP");
            assertThat(pending.settings().onboarded()).isFalse();
        }
    }

    @Test
    void answersSeveralFieldsOfOneGetAndTheIdAlone() {
        JsonNode all = ok(client.getFields(sandbox.wabaId(),
                ONBOARDING_STATUS + "," + CLOUD_API_FLAG + "," + DEGREES_OF_FREEDOM_SPEC));

        assertThat(all.fieldNames()).toIterable()
                .containsExactly(ONBOARDING_STATUS, CLOUD_API_FLAG, DEGREES_OF_FREEDOM_SPEC, "id");
        assertThat(ok(client.getFields(sandbox.wabaId(), null)))
                .isEqualTo(object().put("id", sandbox.wabaId()));
    }

    @Test
    void rejectsAFieldTheAccountDoesNotHave() {
        JsonNode error = graphError(client.getFields(sandbox.wabaId(), "message_send_ttl_seconds"), 400, 100);

        assertThat(error.path("message").asText()).isEqualTo("(#100) Tried accessing nonexisting field "
                + "(message_send_ttl_seconds) on node type (WhatsAppBusinessAccount)");
        assertThat(graphError(client.update(sandbox.wabaId(), "{\"name\":\"Renamed\"}"), 400, 100)
                .at("/error_data/details").asText()).contains("cannot set name");
        assertThat(graphError(client.update(sandbox.wabaId(), "not json"), 400, 100)
                .at("/error_data/details").asText()).contains("must be a JSON object");
    }

    @Test
    void answersAnUnknownWabaIdLikeMeta() {
        JsonNode get = graphError(client.getFields(UNKNOWN_WABA, ONBOARDING_STATUS), 400, 100);
        JsonNode post = graphError(client.update(UNKNOWN_WABA, "{\"disable_marketing_messages_on_cloud_api\":true}"),
                400, 100);

        assertThat(get.path("type").asText()).isEqualTo("GraphMethodException");
        assertThat(get.path("error_subcode").asInt()).isEqualTo(33);
        assertThat(get.path("message").asText()).startsWith("Unsupported get request. Object with ID '"
                + UNKNOWN_WABA + "' does not exist, cannot be loaded due to missing permissions, or does not support "
                + "this operation.");
        assertThat(post.path("message").asText())
                .startsWith("Unsupported post request. Object with ID '" + UNKNOWN_WABA + "'");
        assertThat(graphError(client.getFields(UNKNOWN_WABA, CLOUD_API_FLAG), 400, 100).path("type").asText())
                .isEqualTo("GraphMethodException");
        assertThat(sandbox.cloudApiMarketingDisabled()).isFalse();
    }

    @Test
    void checksTheAccessTokenOnGetAndPost() {
        for (String authorization : new String[] {null, "Bearer wrong-token"}) {
            HttpResponse<String> get = client.get(client.nodeUri(sandbox.wabaId(), ONBOARDING_STATUS), authorization);
            HttpResponse<String> post = client.post(client.nodeUri(sandbox.wabaId(), null),
                    "{\"disable_marketing_messages_on_cloud_api\":true}", authorization);

            assertThat(graphError(get, 401, 190).path("type").asText()).isEqualTo("OAuthException");
            assertThat(graphError(post, 401, 190).path("type").asText()).isEqualTo("OAuthException");
            assertThat(get.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(sandbox.cloudApiMarketingDisabled()).isFalse();
    }

    @Test
    void resetGoesBackToTheBuildersValuesAndMetasDefaults() {
        try (WhatsAppSandbox disabled = WhatsAppSandbox.builder().cloudApiMarketingDisabled(true).build().start()) {
            GraphClient disabledClient = new GraphClient(disabled);
            assertThat(ok(disabledClient.getFields(disabled.wabaId(), CLOUD_API_FLAG)).path(CLOUD_API_FLAG)
                    .booleanValue()).isTrue();
            ok(disabledClient.update(disabled.wabaId(), "{\"disable_marketing_messages_on_cloud_api\":false,"
                    + "\"degrees_of_freedom_spec\":{\"creative_features_spec\":{\"image_animation\":"
                    + "{\"enroll_status\":\"OPT_OUT\"}}}}"));
            assertThat(disabled.cloudApiMarketingDisabled()).isFalse();
            assertThat(disabled.creativeFeatures(disabled.wabaId())).containsEntry("image_animation", "OPT_OUT");

            disabled.reset();

            assertThat(disabled.cloudApiMarketingDisabled()).isTrue();
            assertThat(disabled.creativeFeatures(disabled.wabaId())).containsEntry("image_animation", "OPT_IN");
        }
    }

    @Test
    void servesPathsWithoutAVersionOrWithAnother() {
        HttpResponse<String> unversioned = client.get(sandbox.baseUri().resolve("/" + sandbox.wabaId()
                + "?fields=" + ONBOARDING_STATUS), "Bearer " + sandbox.accessToken());
        HttpResponse<String> v25 = client.get(sandbox.baseUri().resolve("/v25.0/" + sandbox.wabaId()
                + "?fields=" + ONBOARDING_STATUS), "Bearer " + sandbox.accessToken());

        assertThat(ok(unversioned).path(ONBOARDING_STATUS).asText()).isEqualTo("ONBOARDED");
        assertThat(ok(v25).path(ONBOARDING_STATUS).asText()).isEqualTo("ONBOARDED");
        assertThat(v25.headers().firstValue("facebook-api-version")).hasValue("v25.0");
    }
}
