package io.github.cwmarketing.whatsapp;

import java.util.Map;
import java.util.Optional;

import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's readiness check in plain Camel: registered with the component, configuration gaps, and the opt-in
 * access-token validation against a WireMock Graph API.
 */
class WhatsAppMarketingHealthCheckTest {

    private static final String PHONE_PATH = "/v25.0/" + GraphApiStub.PHONE_NUMBER_ID;
    private static GraphApiStub graphApi;
    private CamelContext context;

    @BeforeAll
    static void startGraphApi() {
        graphApi = new GraphApiStub();
    }

    @AfterAll
    static void stopGraphApi() {
        graphApi.close();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        graphApi.reset();
    }

    private CamelContext start(String sendOptions) throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:campaign").routeId("campaign")
                        .to("whatsapp-marketing:send?lazyStartProducer=true&baseUri=" + graphApi.baseUri()
                            + "&phoneNumberId=" + GraphApiStub.PHONE_NUMBER_ID + sendOptions);
            }
        });
        context.start();
        return context;
    }

    private HealthCheck.Result readiness() {
        HealthCheck check = HealthCheckRegistry.get(context).getCheck(WhatsAppMarketingHealthCheck.ID).orElseThrow();
        return check.callReadiness();
    }

    @Test
    void registeredWithTheComponentAsReadinessOnly() throws Exception {
        start("&accessToken=" + GraphApiStub.TOKEN);
        Optional<HealthCheck> check = HealthCheckRegistry.get(context).getCheck(WhatsAppMarketingHealthCheck.ID);
        assertThat(check).isPresent();
        assertThat(check.get().isReadiness()).isTrue();
        assertThat(check.get().isLiveness()).isFalse();
        assertThat(HealthCheckHelper.invokeReadiness(context))
                .anySatisfy(result -> {
                    assertThat(result.getCheck().getId()).isEqualTo(WhatsAppMarketingHealthCheck.ID);
                    assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
                });
        assertThat(HealthCheckHelper.invokeLiveness(context))
                .noneMatch(result -> result.getCheck().getId().equals(WhatsAppMarketingHealthCheck.ID));

        context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).stop();
        assertThat(HealthCheckRegistry.get(context).getCheck(WhatsAppMarketingHealthCheck.ID)).isEmpty();
    }

    @Test
    void downWhenASendEndpointHasNoAccessToken() throws Exception {
        start("");
        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("whatsapp-marketing://send").contains("accessToken is not set"));
        assertThat(result.getDetails()).containsEntry("graph.api.endpoints", 1);
        assertThat(graphApi.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void upWithoutCallingMetaUnlessTokenValidationIsOn() throws Exception {
        start("&accessToken=" + GraphApiStub.TOKEN);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(graphApi.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void tokenAcceptedIsUpAndTheAnswerIsCached() throws Exception {
        graphApi.stub(get(urlPathEqualTo(PHONE_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + GraphApiStub.PHONE_NUMBER_ID + "\"}")));
        start("&accessToken=" + GraphApiStub.TOKEN + "&healthCheckTokenValidation=true");

        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);

        graphApi.server().verify(1, getRequestedFor(urlPathEqualTo(PHONE_PATH))
                .withQueryParam("fields", equalTo("id"))
                .withHeader("Authorization", equalTo("Bearer " + GraphApiStub.TOKEN)));
    }

    @Test
    void tokenRejectedIsDownWithoutTheToken() throws Exception {
        graphApi.stub(get(urlPathEqualTo(PHONE_PATH)).willReturn(GraphApiStub.graphError(401, 190,
                "Error validating access token: Session has expired", "expired")));
        start("&accessToken=" + GraphApiStub.TOKEN + "&healthCheckTokenValidation=true");

        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("rejected by the Graph API").contains("code 190")
                .contains("phone number id " + GraphApiStub.PHONE_NUMBER_ID));
        assertThat(result.getMessage().orElseThrow()).doesNotContain(GraphApiStub.TOKEN);
        for (Map.Entry<String, Object> detail : result.getDetails().entrySet()) {
            assertThat(String.valueOf(detail.getValue())).as(detail.getKey()).doesNotContain(GraphApiStub.TOKEN);
        }
    }

    @Test
    void graphApiOutageIsUnknownNotDown() throws Exception {
        graphApi.stub(get(urlPathEqualTo(PHONE_PATH)).willReturn(GraphApiStub.graphError(503, 2,
                "Service temporarily unavailable", "outage")));
        start("&accessToken=" + GraphApiStub.TOKEN + "&healthCheckTokenValidation=true");

        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UNKNOWN);
    }

    @Test
    void unreachableGraphApiIsUnknown() throws Exception {
        context = new DefaultCamelContext();
        WhatsAppMarketingComponent component = new WhatsAppMarketingComponent();
        component.getConfiguration().setAccessToken(GraphApiStub.TOKEN);
        component.getConfiguration().setBaseUri("http://127.0.0.1:1");
        component.getConfiguration().setHealthCheckTokenValidation(true);
        component.getConfiguration().setConnectTimeout(500);
        context.addComponent("whatsapp-marketing", component);
        context.start();

        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(String.valueOf(result.getDetails().get("token.validation"))).contains("/me");
    }

    @Test
    void dialog360NeedsAnApiKeyNotAnAccessToken() throws Exception {
        start("&provider=DIALOG360");
        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("apiKey is not set (provider DIALOG360)").doesNotContain("accessToken"));
    }

    @Test
    void dialog360TokenValidationIsSkippedNotFailed() throws Exception {
        start("&provider=DIALOG360&apiKey=d360-key-0123&healthCheckTokenValidation=true");
        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsKey("token.validation.skipped");
        assertThat(graphApi.server().getAllServeEvents()).isEmpty();
    }
}
