package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component doc's examples of the account and template operations as running routes: a campaign that checks
 * onboarding before sending with productPolicy=STRICT, in the Java DSL and in the YAML DSL, and a YAML route that opts
 * a template out of creative features. The routes are the doc's text (DocsSnippetsTest holds them together), with
 * the doc's placeholders resolved to the Graph API stub.
 */
class OperationsRouteExamplesTest extends OperationsTestSupport {

    private static final String WABA_PATH = "/v25.0/" + GraphApiStub.WABA_ID;
    private static final String YAML_EXAMPLES = "classpath:docs-snippets/operations-routes.yaml";

    @EndpointInject("mock:not-onboarded")
    MockEndpoint notOnboarded;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getPropertiesComponent().setInitialProperties(documentedPlaceholders());
                getContext().getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).getConfiguration()
                        .setBaseUri(graphApi.baseUri());
                from("direct:not-onboarded").to("mock:not-onboarded");

                // snippet:start strict-campaign-java
                from("direct:strict-campaign")
                    .setVariable("parameters", body())
                    .to("whatsapp-marketing:getOnboardingStatus?accessToken=RAW({{whatsapp.access-token}})&wabaId={{whatsapp.waba-id}}")
                    .choice()
                        .when(header(WhatsAppMarketingConstants.ONBOARDING_STATUS).isEqualTo("ONBOARDED"))
                            .setBody(variable("parameters"))
                            .to("whatsapp-marketing:send?accessToken=RAW({{whatsapp.access-token}})&phoneNumberId={{whatsapp.phone-number-id}}"
                                + "&templateName=autumn_offer&templateLanguage=en&productPolicy=STRICT")
                        .otherwise()
                            .to("direct:not-onboarded")
                    .end();
                // snippet:end strict-campaign-java
            }
        };
    }

    private static Properties documentedPlaceholders() {
        Properties placeholders = new Properties();
        placeholders.setProperty("whatsapp.access-token", GraphApiStub.TOKEN);
        placeholders.setProperty("whatsapp.waba-id", GraphApiStub.WABA_ID);
        placeholders.setProperty("whatsapp.phone-number-id", GraphApiStub.PHONE_NUMBER_ID);
        return placeholders;
    }

    /** The doc's YAML routes instead of its Java route: both consume direct:strict-campaign. */
    private void useTheYamlExamples() throws Exception {
        Route java = context.getRoutes().stream()
                .filter(route -> route.getEndpoint().getEndpointUri().equals("direct://strict-campaign"))
                .findFirst().orElseThrow();
        context.getRouteController().stopRoute(java.getRouteId());
        context.removeRoute(java.getRouteId());
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource(YAML_EXAMPLES));
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
        useTheYamlExamples();

        onboardingStatusIs("ONBOARDED");
        Exchange sent = campaign("direct:strict-campaign");
        assertThat(sent.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
        assertThat(json(graphApi.marketingMessageRequests().get(0).getBodyAsString()).path("product_policy").asText())
                .isEqualTo("STRICT");

        graphApi.reset();
        onboardingStatusIs("INELIGIBLE_COUNTRY_NOT_SUPPORTED");
        notOnboarded.expectedMessageCount(1);
        Exchange skipped = campaign("direct:strict-campaign");
        assertThat(skipped.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).isEmpty();
        notOnboarded.assertIsSatisfied();
    }

    @Test
    void yamlRouteSetsCreativeFeaturesFromAJsonBody() throws Exception {
        graphApi.stub(post(urlPathMatching("/v25.0/[0-9]+")).willReturn(GraphApiStub.json("{\"success\":true}")));
        useTheYamlExamples();

        Exchange result = template.send("direct:opt-out-image-features", exchange -> { });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(UpdateResult.class).isSuccessful()).isTrue();
        assertThat(onlyRequest().getUrl()).isEqualTo("/v25.0/" + GraphApiStub.TEMPLATE_ID);
        assertThat(json(onlyRequest().getBodyAsString())).isEqualTo(json("""
                {"degrees_of_freedom_spec":{"creative_features_spec":{
                  "image_animation":{"enroll_status":"OPT_OUT"},"image_background_gen":{"enroll_status":"OPT_OUT"}}}}"""));
    }
}
