package io.github.cwmarketing.whatsapp.springboot;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route with a bare {@code whatsapp-marketing:send} reaches the Graph API (WireMock on loopback) with the token, phone
 * number id, API version and template configured by {@code camel.component.whatsapp-marketing.*} properties only.
 */
@SpringBootTest(classes = { StarterTestApplication.class, StarterSendTest.Routes.class }, properties = {
        "camel.component.whatsapp-marketing.access-token=" + TOKEN,
        "camel.component.whatsapp-marketing.phone-number-id=" + PHONE_NUMBER_ID,
        "camel.component.whatsapp-marketing.template-name=autumn_offer",
        "camel.component.whatsapp-marketing.template-language=en",
        "camel.component.whatsapp-marketing.product-policy=STRICT",
        "camel.component.whatsapp-marketing.retry-delay=10ms"
})
class StarterSendTest {

    private static final String PATH = "/v25.0/" + PHONE_NUMBER_ID + "/marketing_messages";
    private static final WireMockServer GRAPH_API = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        GRAPH_API.start();
    }

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("camel.component.whatsapp-marketing.base-uri", () -> "http://127.0.0.1:" + GRAPH_API.port());
    }

    @AfterAll
    static void stopGraphApi() {
        GRAPH_API.stop();
    }

    @TestConfiguration
    static class Routes {

        @Bean
        RouteBuilder campaignRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:campaign").routeId("campaign").to("whatsapp-marketing:send");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate template;

    @BeforeEach
    void stubGraphApi() {
        GRAPH_API.resetAll();
        GRAPH_API.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"+4915112345678","wa_id":"4915112345678"}],
                         "messages":[{"id":"wamid.STARTER1","message_status":"accepted"}]}""")));
    }

    @Test
    void sendReachesTheGraphApiWithTheConfiguredTokenAndPhoneNumberId() {
        Exchange result = template.send("direct:campaign", exchange -> {
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678");
            exchange.getMessage().setBody(List.of("Jonas"));
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.STARTER1");
        GRAPH_API.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678",
                         "type":"template","product_policy":"STRICT",
                         "template":{"name":"autumn_offer","language":{"code":"en","policy":"deterministic"},
                          "components":[{"type":"body","parameters":[{"type":"text","text":"Jonas"}]}]}}""")));
    }
}
