package io.github.cwmarketing.whatsapp.springboot;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.API_KEY;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.APP_SECRET;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.TOKEN;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md ("Secrets in logs"): with Spring Boot, secrets given as {@code camel.component.whatsapp-marketing.*}
 * properties are resolved by Spring, not by Camel's property placeholders, so they appear in no log line even with
 * Camel's and the component's loggers at DEBUG, from start-up to a message sent by {@link StarterSendTest}'s route.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(classes = { StarterTestApplication.class, StarterSendTest.Routes.class }, properties = {
        "camel.component.whatsapp-marketing.phone-number-id=" + PHONE_NUMBER_ID,
        "camel.component.whatsapp-marketing.template-name=autumn_offer",
        "camel.component.whatsapp-marketing.template-language=en",
        "logging.level.org.apache.camel=DEBUG",
        "logging.level.io.github.cwmarketing=DEBUG"
})
class StarterSecretsLoggingTest {

    private static final WireMockServer GRAPH_API = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        GRAPH_API.start();
        GRAPH_API.stubFor(post(anyUrl()).willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"+4915112345678","wa_id":"4915112345678"}],
                 "messages":[{"id":"wamid.SECRETS1","message_status":"accepted"}]}""")));
    }

    // not in @SpringBootTest(properties): Camel's Spring context logs the test context, with those, at DEBUG
    @DynamicPropertySource
    static void secretsAndGraphApi(DynamicPropertyRegistry registry) {
        registry.add("camel.component.whatsapp-marketing.access-token", () -> TOKEN);
        registry.add("camel.component.whatsapp-marketing.api-key", () -> API_KEY);
        registry.add("camel.component.whatsapp-marketing.app-secret", () -> APP_SECRET);
        registry.add("camel.component.whatsapp-marketing.verify-token", () -> VERIFY_TOKEN);
        registry.add("camel.component.whatsapp-marketing.base-uri", () -> "http://127.0.0.1:" + GRAPH_API.port());
    }

    /** The levels are global: back to the configured ones for the test classes that follow in this JVM. */
    @AfterAll
    static void stopGraphApiAndResetTheLevels() {
        GRAPH_API.stop();
        LoggingSystem logging = LoggingSystem.get(StarterSecretsLoggingTest.class.getClassLoader());
        logging.setLogLevel("org.apache.camel", null);
        logging.setLogLevel("io.github.cwmarketing", null);
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void noSecretIsLoggedEvenAtDebug(CapturedOutput output) {
        Exchange sent = template.send("direct:campaign", exchange -> {
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678");
            exchange.getMessage().setBody(List.of("Jonas"));
        });

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.SECRETS1");
        assertThat(output.getAll()).as("Camel's DEBUG lines are on").contains("DEBUG").contains("org.apache.camel");
        assertThat(output.getAll()).doesNotContain(TOKEN, API_KEY, APP_SECRET, VERIFY_TOKEN);
    }
}
