package io.github.cwmarketing.whatsapp;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented examples as running routes: a campaign that checks onboarding before sending with
 * productPolicy=STRICT, in the Java DSL and in the YAML DSL, and a YAML route that opts a template out of creative
 * features.
 */
class OperationsRouteExamplesTest extends OperationsTestSupport {

    private static final String WABA_PATH = "/v25.0/" + GraphApiStub.WABA_ID;

    @EndpointInject("mock:not-onboarded")
    MockEndpoint notOnboarded;

    @Override
    protected RouteBuilder createRouteBuilder() {
        String onboarding = operationUri("getOnboardingStatus", "wabaId=" + GraphApiStub.WABA_ID);
        String strictSend = "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
                            + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=" + graphApi.baseUri()
                            + "&templateName=autumn_offer&templateLanguage=en&productPolicy=STRICT";
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the Java DSL example of the documentation
                from("direct:strict-campaign")
                        .setVariable("parameters", body())
                        .to(onboarding)
                        .choice()
                            .when(header(WhatsAppMarketingConstants.ONBOARDING_STATUS).isEqualTo("ONBOARDED"))
                                .setBody(variable("parameters"))
                                .to(strictSend)
                            .otherwise()
                                .to("mock:not-onboarded")
                        .end();
            }
        };
    }

    private void onboardingStatusIs(String status) {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json(
                "{\"marketing_messages_onboarding_status\":\"" + status + "\",\"id\":\"" + GraphApiStub.WABA_ID + "\"}")));
        graphApi.acceptAll();
    }

    private Exchange campaign(String route) {
        return template.send(route, exchange -> {
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678");
            exchange.getMessage().setBody(List.of("Jonas", "25%"));
        });
    }

    @Test
    void javaRouteSendsWithStrictPolicyWhenOnboarded() throws Exception {
        onboardingStatusIs("ONBOARDED");
        notOnboarded.expectedMessageCount(0);

        Exchange result = campaign("direct:strict-campaign");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.TEST1");
        JsonNode sent = json(graphApi.marketingMessageRequests().get(0).getBodyAsString());
        assertThat(sent.path("product_policy").asText()).isEqualTo("STRICT");
        assertThat(sent.path("template").path("components").get(0).path("parameters").get(0).path("text").asText())
                .isEqualTo("Jonas");
        notOnboarded.assertIsSatisfied();
    }

    @Test
    void javaRouteDoesNotSendWhenOnlyEligible() throws Exception {
        onboardingStatusIs("ELIGIBLE");
        notOnboarded.expectedMessageCount(1);
        notOnboarded.expectedHeaderReceived(WhatsAppMarketingConstants.ONBOARDING_STATUS, "ELIGIBLE");

        Exchange result = campaign("direct:strict-campaign");

        assertThat(result.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).isEmpty();
        notOnboarded.assertIsSatisfied();
    }

    @Test
    void yamlRouteChecksOnboardingBeforeSendingWithStrictPolicy() throws Exception {
        String yaml = """
                - route:
                    id: yaml-strict-campaign
                    from:
                      uri: direct:yaml-strict-campaign
                      steps:
                        - setVariable:
                            name: parameters
                            simple: "${body}"
                        - to:
                            uri: whatsapp-marketing:getOnboardingStatus
                            parameters:
                              accessToken: "%1$s"
                              wabaId: "%2$s"
                              baseUri: "%3$s"
                        - choice:
                            when:
                              - simple: "${header.CamelWhatsAppMarketingOnboardingStatus} == 'ONBOARDED'"
                                steps:
                                  - setBody:
                                      simple: "${variable.parameters}"
                                  - to:
                                      uri: whatsapp-marketing:send
                                      parameters:
                                        accessToken: "%1$s"
                                        phoneNumberId: "%4$s"
                                        baseUri: "%3$s"
                                        templateName: autumn_offer
                                        templateLanguage: en
                                        productPolicy: STRICT
                            otherwise:
                              steps:
                                - to: mock:not-onboarded
                """.formatted(GraphApiStub.TOKEN, GraphApiStub.WABA_ID, graphApi.baseUri(), GraphApiStub.PHONE_NUMBER_ID);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("strict-campaign.yaml", yaml));

        onboardingStatusIs("ONBOARDED");
        Exchange sent = campaign("direct:yaml-strict-campaign");
        assertThat(sent.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
        assertThat(json(graphApi.marketingMessageRequests().get(0).getBodyAsString()).path("product_policy").asText())
                .isEqualTo("STRICT");

        graphApi.reset();
        onboardingStatusIs("INELIGIBLE_COUNTRY_NOT_SUPPORTED");
        notOnboarded.expectedMessageCount(1);
        Exchange skipped = campaign("direct:yaml-strict-campaign");
        assertThat(skipped.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).isEmpty();
        notOnboarded.assertIsSatisfied();
    }

    @Test
    void yamlRouteSetsCreativeFeaturesFromAJsonBody() throws Exception {
        graphApi.stub(post(urlPathMatching("/v25.0/[0-9]+")).willReturn(GraphApiStub.json("{\"success\":true}")));
        String yaml = """
                - route:
                    id: yaml-creative-features
                    from:
                      uri: direct:opt-out-image-features
                      steps:
                        - setBody:
                            constant: '{"image_animation": "OPT_OUT", "image_background_gen": "OPT_OUT"}'
                        - to:
                            uri: whatsapp-marketing:setCreativeFeatures
                            parameters:
                              accessToken: "%s"
                              baseUri: "%s"
                """.formatted(GraphApiStub.TOKEN, graphApi.baseUri());
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("creative.yaml", yaml));

        Exchange result = template.send("direct:opt-out-image-features",
                exchange -> exchange.getMessage().setHeader("CamelWhatsAppMarketingTemplateId", GraphApiStub.TEMPLATE_ID));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(UpdateResult.class).isSuccessful()).isTrue();
        assertThat(onlyRequest().getUrl()).isEqualTo("/v25.0/" + GraphApiStub.TEMPLATE_ID);
        assertThat(json(onlyRequest().getBodyAsString())).isEqualTo(json("""
                {"degrees_of_freedom_spec":{"creative_features_spec":{
                  "image_animation":{"enroll_status":"OPT_OUT"},"image_background_gen":{"enroll_status":"OPT_OUT"}}}}"""));
    }
}
