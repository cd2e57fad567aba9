package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.model.OnboardingStatus;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingInvalidResponseException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * getCloudApiMarketingDisabled, setCloudApiMarketingDisabled, getOnboardingStatus and setTemplateTtl: request, result
 * body and headers, and the Graph API errors they share with send.
 */
class AccountAndTemplateOperationsTest extends OperationsTestSupport {

    private static final String TEMPLATE_PATH = "/v25.0/" + GraphApiStub.TEMPLATE_ID;
    private static final String WABA_PATH = "/v25.0/" + GraphApiStub.WABA_ID;
    private static final String WABA = "wabaId=" + GraphApiStub.WABA_ID;
    private static final String TEMPLATE = "templateId=" + GraphApiStub.TEMPLATE_ID;

    @Test
    void getCloudApiMarketingDisabledReadsTheFlagIntoBodyAndHeader() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("""
                { "disable_marketing_messages_on_cloud_api": true, "id": "102290129340398" }""")));

        Exchange result = call(operationUri("getCloudApiMarketingDisabled", WABA), "ignored body");

        assertThat(result.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(WABA_PATH + "?fields=disable_marketing_messages_on_cloud_api");
        assertThat(request.getBody()).isEmpty();
        assertMetaAuthorization(request);
        assertThat(result.getMessage().getBody()).isEqualTo(Boolean.TRUE);
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.CLOUD_API_MARKETING_DISABLED))
                .isEqualTo(Boolean.TRUE);
    }

    @Test
    void anAbsentFlagIsMetasDefaultFalse() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("{\"id\":\"102290129340398\"}")));

        Exchange result = call(operationUri("getCloudApiMarketingDisabled", WABA), null);

        assertThat(result.getMessage().getBody()).isEqualTo(Boolean.FALSE);
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.CLOUD_API_MARKETING_DISABLED))
                .isEqualTo(Boolean.FALSE);
    }

    @Test
    void setCloudApiMarketingDisabledPostsTheFlagFromABooleanOrItsText() throws Exception {
        graphApi.stub(post(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("{ \"id\": \"102290129340398\" }")));

        Exchange enable = call(operationUri("setCloudApiMarketingDisabled", WABA), Boolean.TRUE);
        Exchange disable = call(operationUri("setCloudApiMarketingDisabled", WABA), " False ");

        assertThat(enable.getException()).isNull();
        assertThat(disable.getException()).isNull();
        var requests = graphApi.allRequests();
        assertThat(requests).hasSize(2).allSatisfy(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo(WABA_PATH);
            assertMetaAuthorization(request);
        });
        assertThat(json(requests.get(0).getBodyAsString()))
                .isEqualTo(json("{\"disable_marketing_messages_on_cloud_api\":true}"));
        assertThat(json(requests.get(1).getBodyAsString()))
                .isEqualTo(json("{\"disable_marketing_messages_on_cloud_api\":false}"));
        UpdateResult answer = enable.getMessage().getBody(UpdateResult.class);
        assertThat(answer.getId()).isEqualTo(GraphApiStub.WABA_ID);
        assertThat(answer.isSuccessful()).isTrue();
    }

    @Test
    void getOnboardingStatusSetsTheTypedStatusAndTheHeader() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("""
                { "marketing_messages_onboarding_status": "ONBOARDED", "id": "102290129340398" }""")));

        Exchange result = call(operationUri("getOnboardingStatus", WABA), null);

        assertThat(result.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(WABA_PATH + "?fields=marketing_messages_onboarding_status");
        assertMetaAuthorization(request);
        OnboardingStatus status = result.getMessage().getBody(OnboardingStatus.class);
        assertThat(status).isSameAs(OnboardingStatus.ONBOARDED);
        assertThat(status.isOnboarded()).isTrue();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS)).isEqualTo("ONBOARDED");
    }

    @Test
    void anUnknownOnboardingStatusIsKeptAndTheWabaIdHeaderWins() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("""
                { "marketing_messages_onboarding_status": "INELIGIBLE_SOMETHING_NEW", "id": "102290129340398" }""")));

        Exchange result = call(operationUri("getOnboardingStatus", "wabaId=999"), null,
                Map.of(WhatsAppMarketingConstants.WABA_ID, GraphApiStub.WABA_ID));

        assertThat(result.getException()).isNull();
        assertThat(onlyRequest().getUrl()).startsWith(WABA_PATH + "?");
        OnboardingStatus status = result.getMessage().getBody(OnboardingStatus.class);
        assertThat(status.value()).isEqualTo("INELIGIBLE_SOMETHING_NEW");
        assertThat(status.isKnown()).isFalse();
        assertThat(status.isIneligible()).isTrue();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS))
                .isEqualTo("INELIGIBLE_SOMETHING_NEW");
    }

    @Test
    void anAnswerWithoutTheStatusGivesANullBodyAndNoHeader() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("{\"id\":\"102290129340398\"}")));

        Exchange result = call(operationUri("getOnboardingStatus", WABA), "previous body",
                Map.of(WhatsAppMarketingConstants.ONBOARDING_STATUS, "ONBOARDED"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS)).isNull();
    }

    @Test
    void setTemplateTtlPostsSecondsFromAnIntegerOrADuration() throws Exception {
        graphApi.stub(post(urlPathEqualTo(TEMPLATE_PATH)).willReturn(GraphApiStub.json("{\"success\":true}")));

        Exchange seconds = call(operationUri("setTemplateTtl", TEMPLATE), 86_400);
        Exchange duration = call(operationUri("setTemplateTtl", ""), Duration.ofHours(12),
                Map.of(WhatsAppMarketingConstants.TEMPLATE_ID, GraphApiStub.TEMPLATE_ID));
        Exchange thirtyDays = call(operationUri("setTemplateTtl", TEMPLATE), "P30D");

        assertThat(seconds.getException()).isNull();
        assertThat(duration.getException()).isNull();
        assertThat(thirtyDays.getException()).isNull();
        var requests = graphApi.allRequests();
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo(TEMPLATE_PATH);
            assertMetaAuthorization(request);
        });
        assertThat(json(requests.get(0).getBodyAsString())).isEqualTo(json("{\"message_send_ttl_seconds\":86400}"));
        assertThat(json(requests.get(1).getBodyAsString())).isEqualTo(json("{\"message_send_ttl_seconds\":43200}"));
        assertThat(json(requests.get(2).getBodyAsString())).isEqualTo(json("{\"message_send_ttl_seconds\":2592000}"));
        assertThat(seconds.getMessage().getBody(UpdateResult.class).getSuccess()).isTrue();
    }

    @Test
    void successFalseIsAnError() {
        graphApi.stub(post(urlPathEqualTo(TEMPLATE_PATH)).willReturn(GraphApiStub.json("{\"success\":false}")));

        Exchange result = call(operationUri("setTemplateTtl", TEMPLATE), 86_400);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingApiException.class)
                .hasMessageContaining("setTemplateTtl was not applied");
    }

    @Test
    void graphApiErrorsAreTheSameExceptionAsForSend() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.graphError(403, 200,
                "(#200) Permissions error", "whatsapp_business_management is missing")));

        Exchange result = call(operationUri("getOnboardingStatus", WABA), null);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getHttpStatus()).isEqualTo(403);
        assertThat(error.getCode()).isEqualTo(200);
        assertThat(error.getRetryClass()).isEqualTo(RetryClass.CONFIGURATION);
        assertThat(error.getDetails()).isEqualTo("whatsapp_business_management is missing");
        assertThat(graphApi.totalRequestCount()).isEqualTo(1);
    }

    @Test
    void transientErrorsAreRetriedByTheSameRetryPolicy() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(GraphApiStub.graphError(500, 2, "(#2) Service temporarily unavailable", "overloaded"))
                .willSetStateTo("failed"));
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).inScenario("retry").whenScenarioStateIs("failed")
                .willReturn(GraphApiStub.json("{\"marketing_messages_onboarding_status\":\"ELIGIBLE\"}")));

        Exchange result = call(operationUri("getOnboardingStatus", WABA), null);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo(OnboardingStatus.ELIGIBLE);
        assertThat(graphApi.totalRequestCount()).isEqualTo(2);
    }

    @Test
    void aReadThatTimesOutIsRetriedWithoutOptingIn() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(GraphApiStub.json("{\"marketing_messages_onboarding_status\":\"ONBOARDED\"}")
                        .withFixedDelay(3_000))
                .willSetStateTo("answered"));
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).inScenario("slow").whenScenarioStateIs("answered")
                .willReturn(GraphApiStub.json("{\"marketing_messages_onboarding_status\":\"ELIGIBLE\"}")));

        Exchange result = call(operationUri("getOnboardingStatus", WABA + "&responseTimeout=300ms"), null);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo(OnboardingStatus.ELIGIBLE);
        assertThat(graphApi.totalRequestCount()).isEqualTo(2);
    }

    @Test
    void aWriteThatTimesOutIsNotRetried() {
        graphApi.stub(post(urlPathEqualTo(TEMPLATE_PATH))
                .willReturn(GraphApiStub.json("{\"success\":true}").withFixedDelay(3_000)));

        Exchange result = call(operationUri("setTemplateTtl", TEMPLATE + "&responseTimeout=300ms"), 86_400);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingTransportException.class);
        assertThat(graphApi.totalRequestCount()).isEqualTo(1);
    }

    @Test
    void aReadAnsweredWithSomethingOtherThanAJsonObjectFailsWithAnInvalidResponse() {
        Map<String, String> answers = Map.of(
                "<html>Welcome</html>", "a body that is not JSON (text/html",
                "[{\"marketing_messages_onboarding_status\":\"ONBOARDED\"}]", "a JSON array, not an object",
                "{\"marketing_messages_onboarding_status\":\"ONBO", "truncated JSON");
        answers.forEach((body, reason) -> {
            graphApi.reset();
            graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json").withBody(body)));

            Exchange result = call(operationUri("getOnboardingStatus", WABA), null);

            assertThat(result.getException()).isInstanceOf(WhatsAppMarketingInvalidResponseException.class);
            WhatsAppMarketingInvalidResponseException invalid = (WhatsAppMarketingInvalidResponseException) result
                    .getException();
            assertThat(invalid.getHttpStatus()).isEqualTo(200);
            assertThat(invalid.getReason()).contains(reason);
            assertThat(invalid.isTransient()).as("a read can be repeated").isTrue();
            assertThat(invalid.getMessage()).doesNotContain("ONBOARDED", "Welcome");
        });
    }

    @Test
    void aChangeAnsweredWithSomethingUnreadableHasAnUnknownOutcomeAndIsNotRetried() {
        graphApi.stub(post(urlPathEqualTo(TEMPLATE_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[true]")));

        Exchange result = call(operationUri("setTemplateTtl", TEMPLATE + "&retryOnServerError=true"
                                                              + "&retryOnResponseTimeout=true"), 86_400);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingUnknownOutcomeException.class)
                .hasMessageContaining("HTTP 200").hasMessageContaining("a JSON array, not an object");
        assertThat(graphApi.totalRequestCount()).isEqualTo(1);
    }

    @Test
    void apiVersionOptionGoesIntoThePath() {
        graphApi.stub(get(urlPathEqualTo("/v23.0/" + GraphApiStub.WABA_ID))
                .willReturn(GraphApiStub.json("{\"marketing_messages_onboarding_status\":\"ELIGIBLE\"}")));

        Exchange result = call(operationUri("getOnboardingStatus", WABA + "&apiVersion=v23.0"), null);

        assertThat(result.getException()).isNull();
        assertThat(onlyRequest().getUrl()).startsWith("/v23.0/" + GraphApiStub.WABA_ID + "?");
    }
}
