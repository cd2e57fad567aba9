package io.github.cwmarketing.whatsapp;

import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.metrics.MetricsBinding;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.status;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The component without Micrometer on the class path: run by the surefire execution {@code without-micrometer}, whose
 * class path lacks Micrometer and camel-micrometer (the default execution skips it). Sends, webhooks, listener beans
 * and the generated configurers' option types (which Camel's autowiring and property binding touch) all work; a
 * {@code meterRegistry} option fails clearly.
 */
class WithoutMicrometerTest extends WebhookTestSupport {

    private static final String SECRET = "no-micrometer-app-secret-0123456789";
    private static final String PATH = "/whatsapp-marketing/no-micrometer";
    private static GraphApiStub graphApi;

    private final ExtensionPointsTest.RecordingListener recording = new ExtensionPointsTest.RecordingListener();

    @BeforeAll
    static void onlyWithoutMicrometer() {
        assumeThat(System.getProperty("whatsapp.test.classpath"))
                .as("run by the surefire execution without-micrometer").isEqualTo("without-micrometer");
        graphApi = new GraphApiStub();
        graphApi.acceptAll();
    }

    @AfterAll
    static void stopGraphApi() {
        if (graphApi != null) {
            graphApi.close();
        }
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("recording", recording);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("whatsapp-marketing:webhook?webhookPath=" + PATH + "&appSecret=" + SECRET).to("mock:statuses");
            }
        };
    }

    @Test
    void micrometerIsReallyAbsent() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.camel.component.micrometer.MicrometerComponent"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(MetricsBinding.isMicrometerPresent()).isFalse();
    }

    @Test
    void sendsWebhooksAndListenersWork() throws Exception {
        Exchange sent = template.send("whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
                                      + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=" + graphApi.baseUri()
                                      + "&templateName=autumn_offer&templateLanguage=en",
                exchange -> exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678"));
        MockEndpoint statusRoute = getMockEndpoint("mock:statuses");
        statusRoute.expectedMessageCount(1);

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.TEST1");
        assertThat(meta.postSigned(PATH, statuses(status("wamid.TEST1", "delivered")), SECRET).statusCode())
                .isEqualTo(200);
        statusRoute.assertIsSatisfied(Duration.ofSeconds(5).toMillis());
        assertThat(recording.sends).extracting(SendResult::outcome).containsExactly(SendOutcome.ACCEPTED);
        assertThat(recording.webhookEvents).containsExactly("wamid.TEST1 ROUTED");
    }

    @Test
    void everyOptionTypeOfTheGeneratedConfigurersLoads() throws Exception {
        JsonNode descriptor;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/io/github/cwmarketing/whatsapp/whatsapp-marketing.json")) {
            descriptor = new ObjectMapper().readTree(in);
        }
        for (String kind : List.of("component", "endpoint")) {
            PropertyConfigurerGetter configurer = (PropertyConfigurerGetter) PluginHelper
                    .getConfigurerResolver(context).resolvePropertyConfigurer("whatsapp-marketing-" + kind, context);
            Iterator<Map.Entry<String, JsonNode>> options = descriptor
                    .get(kind.equals("component") ? "componentProperties" : "properties").fields();
            options.forEachRemaining(option -> {
                if (!"path".equals(option.getValue().path("kind").asText())) {
                    assertThat(configurer.getOptionType(option.getKey(), true)).as("%s option %s", kind,
                            option.getKey()).isNotNull();
                }
            });
            if (kind.equals("component")) {
                // what Camel's autowiring looks up in the registry, by type
                assertThat(configurer.getAutowiredNames()).containsExactlyInAnyOrder("pacerFactory", "listener", "ledger")
                        .allSatisfy(option -> assertThat(configurer.getOptionType(option, true)).isNotNull());
                assertThat(configurer.getOptionType("meterRegistry", true)).isEqualTo(Object.class);
            }
        }
    }

    @Test
    void aMeterRegistryOptionFailsClearly() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            other.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).setMeterRegistry(new Object());
            assertThatThrownBy(other::start).hasStackTraceContaining("Micrometer is not on the class path");
        }
    }
}
