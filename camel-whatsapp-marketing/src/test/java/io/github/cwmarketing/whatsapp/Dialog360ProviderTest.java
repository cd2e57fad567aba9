package io.github.cwmarketing.whatsapp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import io.github.cwmarketing.whatsapp.support.MetaOpenApi;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * provider=DIALOG360: send posts to {baseUri}/marketing_messages with D360-API-KEY, 360dialog's error shapes map to
 * the same exception as Meta's, and the operations 360dialog does not offer fail when the endpoint is created.
 */
class Dialog360ProviderTest extends OperationsTestSupport {

    private static final String API_KEY = "d360KEYabcdef0123456789secret";
    private static final Map<String, Object> TO = Map.of(WhatsAppMarketingConstants.TO, "4915112345678");

    private static String dialog360SendUri(String extraOptions) {
        return "whatsapp-marketing:send?provider=DIALOG360&apiKey=" + API_KEY + "&baseUri=" + graphApi.baseUri()
               + "&templateName=marketing_text_no_param&templateLanguage=en&retryDelay=10ms&retryMaxDelay=200ms"
               + "&pairPacing=false" // one recipient again and again
               + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    private static void answer(ResponseDefinitionBuilder response) {
        graphApi.stub(post(urlPathEqualTo("/marketing_messages")).willReturn(response));
    }

    private static ResponseDefinitionBuilder wrappedMetaError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"detail":{"error":{"message":"%s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"wrapped by 360dialog"},
                 "fbtrace_id":"D360trace"}}}""".formatted(message, code));
    }

    @Test
    void sendPostsTo360dialogsUrlWithTheApiKeyHeader() {
        answer(GraphApiStub.accepted("wamid.D360", "4915112345678"));

        Exchange result = call(dialog360SendUri("messageActivitySharing=true"), null, TO);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.D360");
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).as("no version, no phone number id").isEqualTo("/marketing_messages");
        assertThat(request.getHeader("D360-API-KEY")).isEqualTo(API_KEY);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        // 360dialog: the body is Meta's
        assertThat(MetaOpenApi.payloadViolations(request.getBodyAsString())).isEmpty();
    }

    @Test
    void aPhoneNumberIdHeaderOrOptionIsNotPartOfTheUrl() {
        answer(GraphApiStub.accepted("wamid.D360", "4915112345678"));
        Map<String, Object> headers = new HashMap<>(TO);
        headers.put(WhatsAppMarketingConstants.PHONE_NUMBER_ID, GraphApiStub.PHONE_NUMBER_ID);

        Exchange result = call(dialog360SendUri("phoneNumberId=123"), null, headers);

        assertThat(result.getException()).isNull();
        assertThat(onlyRequest().getUrl()).isEqualTo("/marketing_messages");
    }

    @Test
    void defaultBaseUriIs360dialogsAndMetasStaysMetas() {
        WhatsAppMarketingEndpoint dialog360 = context.getEndpoint(
                "whatsapp-marketing:send?provider=DIALOG360&apiKey=" + API_KEY, WhatsAppMarketingEndpoint.class);
        WhatsAppMarketingEndpoint explicitMetaDefault = context.getEndpoint(
                "whatsapp-marketing:send?provider=DIALOG360&apiKey=" + API_KEY + "&baseUri=https://graph.facebook.com/",
                WhatsAppMarketingEndpoint.class);
        WhatsAppMarketingEndpoint meta = context.getEndpoint(
                "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN, WhatsAppMarketingEndpoint.class);
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(dialog360.marketingMessagesRequest(null, json, null).uri())
                .hasToString("https://waba-v2.360dialog.io/marketing_messages");
        assertThat(explicitMetaDefault.marketingMessagesRequest(null, json, null).uri())
                .hasToString("https://waba-v2.360dialog.io/marketing_messages");
        assertThat(dialog360.marketingMessagesRequest(null, json, null).headers()).containsOnlyKeys("D360-API-KEY");
        assertThat(meta.marketingMessagesRequest("106540352242922", json, null).uri())
                .hasToString("https://graph.facebook.com/v25.0/106540352242922/marketing_messages");
        assertThat(meta.marketingMessagesRequest("106540352242922", json, null).headers())
                .containsExactly(Map.entry("Authorization", "Bearer " + GraphApiStub.TOKEN));
    }

    @Test
    void eachApiKeyHasItsOwnPacingBucketKeyedByAFingerprintNotTheKey() {
        WhatsAppMarketingEndpoint first = context.getEndpoint(
                "whatsapp-marketing:send?provider=DIALOG360&apiKey=" + API_KEY, WhatsAppMarketingEndpoint.class);
        WhatsAppMarketingEndpoint sameKey = context.getEndpoint(
                "whatsapp-marketing:send?provider=DIALOG360&messagesPerSecond=80&apiKey=" + API_KEY,
                WhatsAppMarketingEndpoint.class);
        WhatsAppMarketingEndpoint otherKey = context.getEndpoint(
                "whatsapp-marketing:send?provider=DIALOG360&apiKey=otherKEY", WhatsAppMarketingEndpoint.class);

        assertThat(first.pacing(null)).isNotNull().isSameAs(sameKey.pacing(null)).isNotSameAs(otherKey.pacing(null));
        assertThat(first.urls().pacingKey(null)).startsWith("dialog360:").doesNotContain(API_KEY);
        assertThat(first.urls().pacingKey(GraphApiStub.PHONE_NUMBER_ID)).isEqualTo(GraphApiStub.PHONE_NUMBER_ID);
    }

    @Test
    void wrappedMetaErrorIsTheSameApiException() {
        answer(wrappedMetaError(400, 131055, "(#131055) Method not allowed"));

        Exchange result = call(dialog360SendUri(""), null, TO);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getHttpStatus()).isEqualTo(400);
        assertThat(error.getCode()).isEqualTo(131055);
        assertThat(error.getErrorMessage()).isEqualTo("(#131055) Method not allowed");
        assertThat(error.getDetails()).isEqualTo("wrapped by 360dialog");
        assertThat(error.getFbtraceId()).isEqualTo("D360trace");
        assertThat(error.getRetryClass()).isEqualTo(RetryClass.VALIDATION);
        assertThat(graphApi.totalRequestCount()).isEqualTo(1);
    }

    @Test
    void wrappedRateLimitIsRetriedLikeMetas() {
        graphApi.stub(post(urlPathEqualTo("/marketing_messages")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(wrappedMetaError(429, 130429, "(#130429) Rate limit hit")).willSetStateTo("limited"));
        graphApi.stub(post(urlPathEqualTo("/marketing_messages")).inScenario("retry").whenScenarioStateIs("limited")
                .willReturn(GraphApiStub.accepted("wamid.D360", "4915112345678")));

        Exchange result = call(dialog360SendUri(""), null, TO);

        assertThat(result.getException()).isNull();
        assertThat(graphApi.totalRequestCount()).isEqualTo(2);
    }

    @Test
    void invalidApiTokenStringErrorIsAConfigurationApiException() {
        answer(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Invalid api token.\"}"));

        Exchange result = call(dialog360SendUri(""), null, TO);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getHttpStatus()).isEqualTo(401);
        assertThat(error.getCode()).isZero();
        assertThat(error.getErrorMessage()).isEqualTo("Invalid api token.");
        assertThat(error.getRetryClass()).isEqualTo(RetryClass.CONFIGURATION);
        assertThat(error.isTransient()).isFalse();
        assertThat(graphApi.totalRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = WhatsAppMarketingOperation.class, names = { "send", "webhook", "getCampaignReport", "suppress", "unsuppress" },
                mode = EnumSource.Mode.EXCLUDE)
    void operationsThatDialog360DoesNotOfferFailWhenTheEndpointIsCreated(WhatsAppMarketingOperation operation) {
        String uri = "whatsapp-marketing:" + operation + "?provider=DIALOG360&apiKey=" + API_KEY + "&wabaId="
                     + GraphApiStub.WABA_ID + "&templateId=" + GraphApiStub.TEMPLATE_ID;

        assertThatThrownBy(() -> context.getEndpoint(uri))
                .hasStackTraceContaining("whatsapp-marketing:" + operation + " is not available with provider DIALOG360")
                .hasStackTraceContaining("provider=META");
        assertThat(graphApi.totalRequestCount()).isZero();
    }

    @Test
    void aRouteWithAnUnsupportedOperationDoesNotStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:d360-onboarding")
                        .to("whatsapp-marketing:getOnboardingStatus?provider=DIALOG360&apiKey=" + API_KEY
                            + "&wabaId=" + GraphApiStub.WABA_ID);
            }
        })).hasStackTraceContaining("not available with provider DIALOG360");
    }

    @Test
    void theApiKeyIsRequiredAndTheAccessTokenIsNot() {
        var withoutKey = context.getEndpoint("whatsapp-marketing:send?provider=DIALOG360");
        assertThatThrownBy(withoutKey::createProducer).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey").hasMessageContaining("D360-API-KEY");

        var withKey = context.getEndpoint("whatsapp-marketing:send?provider=DIALOG360&apiKey=" + API_KEY);
        assertThat(catchProducer(withKey)).isNull();
    }

    @Test
    void theApiKeyIsInNoLogLineNoExceptionAndNoEndpointUri() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:d360").routeId("d360").to(dialog360SendUri("maxRetries=1"));
            }
        });
        Exchange failed;
        Exchange unauthorised;
        try (LogCapture logs = LogCapture.open()) {
            answer(wrappedMetaError(429, 130429, "(#130429) Rate limit hit"));
            failed = template.send("direct:d360", exchange -> exchange.getMessage().setHeaders(new HashMap<>(TO)));
            graphApi.reset();
            answer(aResponse().withStatus(401).withBody("{\"error\":\"Invalid api token.\"}"));
            unauthorised = template.send("direct:d360", exchange -> exchange.getMessage().setHeaders(new HashMap<>(TO)));

            assertThat(failed.getException()).isNotNull();
            assertThat(unauthorised.getException()).isNotNull();
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(API_KEY));
        }
        for (Throwable error : List.of(failed.getException(), unauthorised.getException())) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(API_KEY);
        }
        assertThat(context.getEndpoints()).allSatisfy(
                endpoint -> assertThat(endpoint.toString()).doesNotContain(API_KEY));
        assertThat(context.getRoute("d360").getEndpoint().getEndpointUri()).doesNotContain(API_KEY);
    }

    private static Exception catchProducer(org.apache.camel.Endpoint endpoint) {
        try {
            endpoint.createProducer();
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
