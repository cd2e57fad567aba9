package io.github.cwmarketing.whatsapp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One endpoint sending for several WhatsApp Business Accounts: each message brings its phone number id and access
 * token as headers. The Graph API stub accepts each tenant's number only with that tenant's token, as Meta does.
 */
class MultiTenantSendTest extends SendTestSupport {

    private static final String TENANT_A = "111111111111111";
    private static final String TENANT_B = "222222222222222";
    private static final String TOKEN_A = "EAAtenantA0123456789secret";
    private static final String TOKEN_B = "EAAtenantB0123456789secret";
    private static final String URI = sendUri("templateName=autumn_offer&templateLanguage=en");

    private final List<String> pacedNumbers = new ArrayList<>();

    @Override
    protected void doPostSetup() {
        context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class)
                .addListener(new WhatsAppMarketingListener() {
                    @Override
                    public void onPacingWait(String phoneNumberId, Duration wait) {
                        synchronized (pacedNumbers) {
                            pacedNumbers.add(phoneNumberId);
                        }
                    }
                });
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a route, so that Camel's error handler logs the failed exchanges (with their headers)
                from("direct:tenants").routeId("tenants").to(URI);
            }
        };
    }

    private void acceptEachTenantWithItsToken() {
        graphApi.stub(post(anyUrl()).atPriority(10).willReturn(
                GraphApiStub.graphError(401, 190, "Invalid OAuth access token", "wrong token for this number")));
        for (String[] tenant : new String[][] { { TENANT_A, TOKEN_A }, { TENANT_B, TOKEN_B },
                { GraphApiStub.PHONE_NUMBER_ID, GraphApiStub.TOKEN } }) {
            graphApi.stub(post(urlPathEqualTo("/v25.0/" + tenant[0] + "/marketing_messages")).atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer " + tenant[1]))
                    .willReturn(GraphApiStub.accepted("wamid." + tenant[0], "4915112345678")));
        }
    }

    @Test
    void eachMessageIsSentWithItsOwnTokenAndTheTokenIsGoneAfterwards() {
        acceptEachTenantWithItsToken();

        Exchange a = send(URI, List.of("Maria"), tenant(TENANT_A, TOKEN_A));
        Exchange b = send(URI, List.of("Jonas"), tenant(TENANT_B, TOKEN_B));
        Exchange own = send(URI, List.of("Ada"), Map.of(WhatsAppMarketingConstants.TO, "+4915112345678"));

        assertThat(List.of(a, b, own)).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(WhatsAppMarketingConstants.ACCESS_TOKEN);
        });
        assertThat(a.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid." + TENANT_A);
        assertThat(b.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid." + TENANT_B);
        assertThat(own.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                .as("without the header: the endpoint's token").isEqualTo("wamid." + GraphApiStub.PHONE_NUMBER_ID);
        assertThat(graphApi.marketingMessageRequests()).extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer " + TOKEN_A, "Bearer " + TOKEN_B, "Bearer " + GraphApiStub.TOKEN);
    }

    @Test
    void theTokenIsInNoLogLineNoExceptionAndNoHeaderWhateverHappens() {
        acceptEachTenantWithItsToken();
        List<Exchange> exchanges = new ArrayList<>();
        try (LogCapture logs = LogCapture.open()) {
            exchanges.add(send("direct:tenants", List.of("Maria"), tenant(TENANT_A, TOKEN_A))); // accepted
            exchanges.add(send("direct:tenants", List.of("Maria"), tenant(TENANT_B, TOKEN_A))); // Meta's 401
            Map<String, Object> noRecipient = new HashMap<>(tenant(TENANT_A, TOKEN_A));
            noRecipient.remove(WhatsAppMarketingConstants.TO);
            exchanges.add(send("direct:tenants", null, noRecipient));                          // invalid, not sent

            assertThat(logs.lines()).as("captured lines").isNotEmpty()
                    .noneMatch(line -> line.contains(TOKEN_A));
        }
        assertThat(exchanges.get(1).getException()).isInstanceOf(WhatsAppMarketingApiException.class);
        assertThat(exchanges.get(2).getException()).isInstanceOf(WhatsAppMarketingValidationException.class);
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.getMessage().getHeaders().values()).noneMatch(value -> String.valueOf(value)
                    .contains(TOKEN_A));
            assertThat(exchange.getAllProperties().values()).noneMatch(value -> String.valueOf(value)
                    .contains(TOKEN_A));
            if (exchange.getException() != null) {
                assertThat(stackTrace(exchange.getException())).doesNotContain(TOKEN_A);
            }
        });
    }

    @Test
    void pacingStaysPerPhoneNumberIdWhateverTheToken() {
        acceptEachTenantWithItsToken();
        String paced = sendUri("templateName=autumn_offer&templateLanguage=en&messagesPerSecond=5");
        send(paced, null, Map.of(WhatsAppMarketingConstants.TO, "+4915112345678")); // the endpoint's own number: no wait

        // at once: A's number twice (the second with another token), B's once; a slot is 200 ms
        List<CompletableFuture<Exchange>> sends = List.of(
                template.asyncSend(paced, exchange -> exchange.getMessage().setHeaders(
                        new HashMap<>(tenant(TENANT_A, TOKEN_A)))),
                template.asyncSend(paced, exchange -> exchange.getMessage().setHeaders(
                        new HashMap<>(tenant(TENANT_B, TOKEN_B)))),
                template.asyncSend(paced, exchange -> exchange.getMessage().setHeaders(
                        new HashMap<>(tenant(TENANT_A, "EAAanotherToken0123456789"))))); // Meta refuses it: paced all the same
        sends.forEach(CompletableFuture::join);

        synchronized (pacedNumbers) {
            assertThat(pacedNumbers).as("one of the two sends through A's number waited for the other; B's did not")
                    .containsExactly(TENANT_A);
        }
    }

    @Test
    void theAccountOperationsTakeTheHeaderToo() {
        graphApi.stub(get(urlPathEqualTo("/v25.0/" + GraphApiStub.WABA_ID))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN_B))
                .willReturn(GraphApiStub.json("{\"marketing_messages_onboarding_status\":\"ONBOARDED\",\"id\":\""
                                              + GraphApiStub.WABA_ID + "\"}")));

        Exchange result = send("whatsapp-marketing:getOnboardingStatus?accessToken=" + GraphApiStub.TOKEN + "&baseUri="
                               + graphApi.baseUri() + "&wabaId=" + GraphApiStub.WABA_ID, null,
                Map.of(WhatsAppMarketingConstants.ACCESS_TOKEN, TOKEN_B));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS)).isEqualTo("ONBOARDED");
        assertThat(result.getMessage().getHeaders()).doesNotContainKey(WhatsAppMarketingConstants.ACCESS_TOKEN);
    }

    @Test
    void the360dialogProviderRefusesTheHeaderBeforeAnyRequest() {
        Exchange result = send("whatsapp-marketing:send?provider=DIALOG360&apiKey=d360-key-0123&baseUri="
                               + graphApi.baseUri() + "&templateName=autumn_offer&templateLanguage=en", null,
                tenant(TENANT_A, TOKEN_A));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining(WhatsAppMarketingConstants.ACCESS_TOKEN).hasMessageContaining("apiKey");
        assertThat(result.getMessage().getHeaders()).doesNotContainKey(WhatsAppMarketingConstants.ACCESS_TOKEN);
        assertThat(graphApi.requestCount()).isZero();
    }

    @Test
    void aBlankTokenIsRefused() {
        Exchange result = send(URI, null, tenant(TENANT_A, " "));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining(WhatsAppMarketingConstants.ACCESS_TOKEN);
        assertThat(graphApi.requestCount()).isZero();
    }

    @Test
    void theHealthCheckValidatesTheEndpointsOwnToken() throws Exception {
        acceptEachTenantWithItsToken();
        graphApi.stub(get(urlPathEqualTo("/v25.0/" + GraphApiStub.PHONE_NUMBER_ID))
                .withHeader("Authorization", equalTo("Bearer " + GraphApiStub.TOKEN))
                .willReturn(GraphApiStub.json("{\"id\":\"" + GraphApiStub.PHONE_NUMBER_ID + "\"}")));
        String checked = URI + "&healthCheckTokenValidation=true";
        send(checked, null, tenant(TENANT_A, TOKEN_A));

        HealthCheck.Result readiness = HealthCheckRegistry.get(context)
                .getCheck(WhatsAppMarketingHealthCheck.ID).orElseThrow().callReadiness();

        assertThat(readiness.getState()).isEqualTo(HealthCheck.State.UP);
        List<LoggedRequest> probes = graphApi.server().findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl()));
        assertThat(probes).isNotEmpty().allSatisfy(probe -> assertThat(probe.getHeader("Authorization"))
                .isEqualTo("Bearer " + GraphApiStub.TOKEN));
    }

    @Test
    void theDocumentedYamlRouteSendsForEachTenant() throws Exception {
        acceptEachTenantWithItsToken();
        Properties environment = new Properties();
        environment.setProperty("whatsapp.access-token", GraphApiStub.TOKEN);
        environment.setProperty("whatsapp.tenant.acme.access-token", TOKEN_A);
        environment.setProperty("whatsapp.tenant.globex.access-token", TOKEN_B);
        context.getPropertiesComponent().setInitialProperties(environment);
        context.getPropertiesComponent().setLocation("classpath:docs-snippets/multi-tenant.properties");
        context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).getConfiguration()
                .setBaseUri(graphApi.baseUri());
        PluginHelper.getRoutesLoader(context).loadRoutes(PluginHelper.getResourceLoader(context)
                .resolveResource("classpath:docs-snippets/multi-tenant-routes.yaml"));

        Exchange acme = send("direct:tenant-campaign", List.of("Maria"),
                Map.of("tenant", "acme", WhatsAppMarketingConstants.TO, "+4915112345678"));
        Exchange globex = send("direct:tenant-campaign", List.of("Jonas"),
                Map.of("tenant", "globex", WhatsAppMarketingConstants.TO, "+4915112345679"));

        int sent = graphApi.requestCount();
        Exchange unknown = send("direct:tenant-campaign", List.of("Ada"),
                Map.of("tenant", "initech", WhatsAppMarketingConstants.TO, "+4915112345670"));

        assertThat(unknown.getException()).as("a tenant without properties").hasMessageContaining("initech");
        assertThat(graphApi.requestCount()).isEqualTo(sent);
        assertThat(acme.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid." + TENANT_A);
        assertThat(globex.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid." + TENANT_B);
        assertThat(List.of(acme, globex)).allSatisfy(exchange -> assertThat(exchange.getMessage().getHeaders())
                .doesNotContainKey(WhatsAppMarketingConstants.ACCESS_TOKEN));
    }

    private static Map<String, Object> tenant(String phoneNumberId, String accessToken) {
        return Map.of(WhatsAppMarketingConstants.TO, "+4915112345678",
                WhatsAppMarketingConstants.PHONE_NUMBER_ID, phoneNumberId,
                WhatsAppMarketingConstants.ACCESS_TOKEN, accessToken);
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
