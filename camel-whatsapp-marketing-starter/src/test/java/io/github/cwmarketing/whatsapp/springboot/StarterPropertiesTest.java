package io.github.cwmarketing.whatsapp.springboot;

import java.time.Duration;

import io.github.cwmarketing.whatsapp.WebhookEvents;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingEndpoint;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingProvider;
import io.github.cwmarketing.whatsapp.http.HttpClientConfigurer;
import io.github.cwmarketing.whatsapp.model.ProductPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.API_KEY;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.APP_SECRET;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.TOKEN;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code camel.component.whatsapp-marketing.*} property reaches the component and, through it, the endpoints;
 * bean references resolve; secrets arrive intact but are printed nowhere (not in assertion messages either).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = { StarterTestApplication.class, StarterPropertiesTest.Beans.class }, properties = {
        "camel.component.whatsapp-marketing.provider=DIALOG360",
        "camel.component.whatsapp-marketing.access-token=" + TOKEN,
        "camel.component.whatsapp-marketing.api-key=" + API_KEY,
        "camel.component.whatsapp-marketing.phone-number-id=" + PHONE_NUMBER_ID,
        "camel.component.whatsapp-marketing.waba-id=102290129340398",
        "camel.component.whatsapp-marketing.template-id=1689556908129832",
        "camel.component.whatsapp-marketing.api-version=v24.0",
        "camel.component.whatsapp-marketing.base-uri=http://127.0.0.1:9",
        "camel.component.whatsapp-marketing.product-policy=STRICT",
        "camel.component.whatsapp-marketing.message-activity-sharing=false",
        "camel.component.whatsapp-marketing.template-name=autumn_offer",
        "camel.component.whatsapp-marketing.template-language=en_US",
        "camel.component.whatsapp-marketing.connect-timeout=2s",
        "camel.component.whatsapp-marketing.response-timeout=1500",
        "camel.component.whatsapp-marketing.max-retries=1",
        "camel.component.whatsapp-marketing.retry-delay=20ms",
        "camel.component.whatsapp-marketing.retry-max-delay=PT1M",
        "camel.component.whatsapp-marketing.retry-on-response-timeout=true",
        "camel.component.whatsapp-marketing.messages-per-second=5",
        "camel.component.whatsapp-marketing.max-connections=7",
        "camel.component.whatsapp-marketing.proxy-host=proxy.example",
        "camel.component.whatsapp-marketing.proxy-port=3128",
        "camel.component.whatsapp-marketing.ssl-context-parameters=#bean:graphApiTls",
        "camel.component.whatsapp-marketing.http-client-configurer=#graphApiClientConfigurer",
        "camel.component.whatsapp-marketing.webhook-path=/hooks/whatsapp",
        "camel.component.whatsapp-marketing.verify-token=" + VERIFY_TOKEN,
        "camel.component.whatsapp-marketing.app-secret=" + APP_SECRET,
        "camel.component.whatsapp-marketing.signature-verification=false",
        "camel.component.whatsapp-marketing.idempotent-repository=#bean:webhookRepository",
        "camel.component.whatsapp-marketing.events=all",
        "camel.component.whatsapp-marketing.max-body-size=65536",
        "camel.component.whatsapp-marketing.health-check-token-validation=true",
        "camel.component.whatsapp-marketing.bridge-error-handler=true",
        "camel.component.whatsapp-marketing.lazy-start-producer=true",
        "camel.component.whatsapp-marketing.autowired-enabled=false"
})
class StarterPropertiesTest {

    @TestConfiguration
    static class Beans {

        static final IdempotentRepository REPOSITORY = MemoryIdempotentRepository.memoryIdempotentRepository(10);
        static final SSLContextParameters TLS = new SSLContextParameters();
        static final HttpClientConfigurer CONFIGURER = builder -> { };

        @Bean
        IdempotentRepository webhookRepository() {
            return REPOSITORY;
        }

        @Bean
        SSLContextParameters graphApiTls() {
            return TLS;
        }

        @Bean
        HttpClientConfigurer graphApiClientConfigurer() {
            return CONFIGURER;
        }

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
    CamelContext camelContext;

    @Test
    void componentCarriesEveryProperty() {
        WhatsAppMarketingComponent component = camelContext.getComponent("whatsapp-marketing",
                WhatsAppMarketingComponent.class);
        assertConfigured(component.getConfiguration());
        assertThat(component.isLazyStartProducer()).isTrue();
        assertThat(component.isBridgeErrorHandler()).isTrue();
        assertThat(component.isAutowiredEnabled()).isFalse();
    }

    @Test
    void endpointsInheritTheComponentPropertiesAndOverrideThemByUri() {
        WhatsAppMarketingEndpoint send = camelContext.getEndpoint("whatsapp-marketing:send",
                WhatsAppMarketingEndpoint.class);
        assertConfigured(send.getConfiguration());
        assertThat(send.isLazyStartProducer()).isTrue();

        WhatsAppMarketingEndpoint overridden = camelContext.getEndpoint(
                "whatsapp-marketing:send?maxRetries=0&templateName=winter_offer", WhatsAppMarketingEndpoint.class);
        assertThat(overridden.getConfiguration().getMaxRetries()).isZero();
        assertThat(overridden.getConfiguration().getTemplateName()).isEqualTo("winter_offer");
        assertThat(overridden.getConfiguration().getApiVersion()).isEqualTo("v24.0");
        assertThat(camelContext.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class)
                .getConfiguration().getMaxRetries()).as("component untouched by the endpoint URI").isEqualTo(1);
    }

    @Test
    void secretsArePrintedNowhere(CapturedOutput output) {
        camelContext.getEndpoint("whatsapp-marketing:send");
        assertThat(output.getAll()).as("startup log").contains("campaign");
        for (String secret : new String[] { TOKEN, API_KEY, APP_SECRET, VERIFY_TOKEN }) {
            assertTrue(!output.getAll().contains(secret), "a secret appears in the log output");
            camelContext.getEndpoints().forEach(endpoint -> assertTrue(!endpoint.toString().contains(secret)
                                                                       && !endpoint.getEndpointUri().contains(secret),
                    "a secret appears in an endpoint URI"));
        }
    }

    /** Compares secrets with assertTrue, so that a failure does not print them. */
    private static void assertConfigured(WhatsAppMarketingConfiguration configuration) {
        assertThat(configuration.getProvider()).isEqualTo(WhatsAppMarketingProvider.DIALOG360);
        assertTrue(TOKEN.equals(configuration.getAccessToken()), "accessToken differs from the property");
        assertTrue(API_KEY.equals(configuration.getApiKey()), "apiKey differs from the property");
        assertThat(configuration.getWabaId()).isEqualTo("102290129340398");
        assertThat(configuration.getTemplateId()).isEqualTo("1689556908129832");
        assertTrue(APP_SECRET.equals(configuration.getAppSecret()), "appSecret differs from the property");
        assertTrue(VERIFY_TOKEN.equals(configuration.getVerifyToken()), "verifyToken differs from the property");
        assertThat(configuration.getPhoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
        assertThat(configuration.getApiVersion()).isEqualTo("v24.0");
        assertThat(configuration.getBaseUri()).isEqualTo("http://127.0.0.1:9");
        assertThat(configuration.getProductPolicy()).isEqualTo(ProductPolicy.STRICT);
        assertThat(configuration.getMessageActivitySharing()).isFalse();
        assertThat(configuration.getTemplateName()).isEqualTo("autumn_offer");
        assertThat(configuration.getTemplateLanguage()).isEqualTo("en_US");
        assertThat(configuration.getConnectTimeout()).isEqualTo(2_000);
        assertThat(configuration.getResponseTimeout()).isEqualTo(1_500);
        assertThat(configuration.getMaxRetries()).isEqualTo(1);
        assertThat(configuration.getRetryDelay()).isEqualTo(20);
        assertThat(configuration.getRetryMaxDelay()).isEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(configuration.isRetryOnResponseTimeout()).isTrue();
        assertThat(configuration.getMessagesPerSecond()).isEqualTo(5);
        assertThat(configuration.getMaxConnections()).isEqualTo(7);
        assertThat(configuration.getProxyHost()).isEqualTo("proxy.example");
        assertThat(configuration.getProxyPort()).isEqualTo(3128);
        assertThat(configuration.getSslContextParameters()).isSameAs(Beans.TLS);
        assertThat(configuration.getHttpClientConfigurer()).isSameAs(Beans.CONFIGURER);
        assertThat(configuration.getWebhookPath()).isEqualTo("/hooks/whatsapp");
        assertThat(configuration.isSignatureVerification()).isFalse();
        assertThat(configuration.getIdempotentRepository()).isSameAs(Beans.REPOSITORY);
        assertThat(configuration.getEvents()).isEqualTo(WebhookEvents.all);
        assertThat(configuration.getMaxBodySize()).isEqualTo(65_536);
        assertThat(configuration.isHealthCheckTokenValidation()).isTrue();
    }
}
