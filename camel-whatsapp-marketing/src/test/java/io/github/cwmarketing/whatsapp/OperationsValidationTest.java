package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cwmarketing.whatsapp.model.EnrollStatus;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrong inputs of the account and template operations are rejected before any request, naming the field.
 */
class OperationsValidationTest extends OperationsTestSupport {

    private static final String WABA = "wabaId=" + GraphApiStub.WABA_ID;
    private static final String TEMPLATE = "templateId=" + GraphApiStub.TEMPLATE_ID;
    private static final String TTL = "message_send_ttl_seconds";
    private static final String FEATURES = "degrees_of_freedom_spec.creative_features_spec";
    private static final String DISABLED = "disable_marketing_messages_on_cloud_api";

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                // template TTL: marketing range 43200-2592000 s, whole seconds
                Arguments.of("setTemplateTtl", TEMPLATE, 43_199, Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, 2_592_001, Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, -1, Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, Duration.ofHours(11), Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, Duration.ofHours(12).plusMillis(500), Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, 86_400.5, Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, "a day", Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, "P40D", Map.of(), TTL),
                Arguments.of("setTemplateTtl", TEMPLATE, null, Map.of(), TTL),
                // ids: present, digits only, the header wins over the option
                Arguments.of("setTemplateTtl", "", 86_400, Map.of(), "templateId"),
                Arguments.of("setTemplateTtl", "templateId=12a4", 86_400, Map.of(), "templateId"),
                Arguments.of("setTemplateTtl", TEMPLATE, 86_400,
                        Map.of(WhatsAppMarketingConstants.TEMPLATE_ID, "../" + GraphApiStub.WABA_ID), "templateId"),
                Arguments.of("setTemplateTtl", WABA, 86_400, Map.of(), "templateId"),
                Arguments.of("getOnboardingStatus", "", null, Map.of(), "wabaId"),
                Arguments.of("getOnboardingStatus", TEMPLATE, null, Map.of(), "wabaId"),
                Arguments.of("getOnboardingStatus", WABA, null, Map.of(WhatsAppMarketingConstants.WABA_ID, "WABA-1"),
                        "wabaId"),
                Arguments.of("getCloudApiMarketingDisabled", "wabaId=1%202", null, Map.of(), "wabaId"),
                Arguments.of("setCloudApiMarketingDisabled", "", true, Map.of(), "wabaId"),
                Arguments.of("getCreativeFeatures", "", null, Map.of(), "templateId"),
                Arguments.of("setCreativeFeatures", "", Map.of("image_touchups", "OPT_IN"), Map.of(), "templateId"),
                Arguments.of("setCreativeFeatures", "templateId=x1", Map.of("image_touchups", "OPT_IN"), Map.of(),
                        "templateId"),
                // creative features: OPT_IN / OPT_OUT only, at least one, well-formed names
                Arguments.of("setCreativeFeatures", TEMPLATE, Map.of("image_touchups", "MAYBE"), Map.of(),
                        FEATURES + ".image_touchups.enroll_status"),
                Arguments.of("setCreativeFeatures", WABA, Map.of("image_touchups", Map.of("enroll_status", "ON")), Map.of(),
                        FEATURES + ".image_touchups.enroll_status"),
                Arguments.of("setCreativeFeatures", WABA, Map.of("image_touchups", true), Map.of(),
                        FEATURES + ".image_touchups.enroll_status"),
                Arguments.of("setCreativeFeatures", WABA,
                        CreativeFeatures.builder().feature("image_touchups", EnrollStatus.of("PAUSED")).build(), Map.of(),
                        FEATURES + ".image_touchups.enroll_status"),
                Arguments.of("setCreativeFeatures", WABA, "{\"image_touchups\":\"yes\"}", Map.of(),
                        FEATURES + ".image_touchups.enroll_status"),
                Arguments.of("setCreativeFeatures", WABA, Map.of(), Map.of(), FEATURES),
                Arguments.of("setCreativeFeatures", WABA, null, Map.of(), FEATURES),
                Arguments.of("setCreativeFeatures", WABA, 42, Map.of(), FEATURES),
                Arguments.of("setCreativeFeatures", WABA, "not json", Map.of(), FEATURES),
                Arguments.of("setCreativeFeatures", WABA, Map.of("image touchups!", "OPT_IN"), Map.of(), FEATURES),
                // blocking marketing templates on Cloud API: a boolean
                Arguments.of("setCloudApiMarketingDisabled", WABA, "yes", Map.of(), DISABLED),
                Arguments.of("setCloudApiMarketingDisabled", WABA, 1, Map.of(), DISABLED),
                Arguments.of("setCloudApiMarketingDisabled", WABA, null, Map.of(), DISABLED));
    }

    @ParameterizedTest(name = "{0}?{1} body={2} headers={3} -> {4}")
    @MethodSource("invalidInputs")
    void rejectedBeforeAnyRequest(String operation, String options, Object body, Map<String, Object> headers,
                                  String field) {
        graphApi.stub(any(anyUrl()).willReturn(GraphApiStub.json("{\"success\":true}")));

        Exchange result = call(operationUri(operation, options), body, headers);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class);
        WhatsAppMarketingValidationException error = (WhatsAppMarketingValidationException) result.getException();
        assertThat(error.getField()).isEqualTo(field);
        assertThat(error.getMessage()).startsWith(field + ": ");
        assertThat(graphApi.totalRequestCount()).as("requests sent").isZero();
    }

    @Test
    void ttlBoundsAreAccepted() {
        graphApi.stub(any(anyUrl()).willReturn(GraphApiStub.json("{\"success\":true}")));

        assertThat(call(operationUri("setTemplateTtl", TEMPLATE), 43_200).getException()).isNull();
        assertThat(call(operationUri("setTemplateTtl", TEMPLATE), 2_592_000L).getException()).isNull();
        assertThat(call(operationUri("setTemplateTtl", TEMPLATE), "PT12H").getException()).isNull();
        assertThat(graphApi.totalRequestCount()).isEqualTo(3);
    }

    @Test
    void theAccessTokenIsRequiredWhenTheProducerIsCreated() {
        var endpoint = context.getEndpoint("whatsapp-marketing:getOnboardingStatus?wabaId=" + GraphApiStub.WABA_ID);

        assertThatThrownBy(endpoint::createProducer).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessToken");
    }
}
