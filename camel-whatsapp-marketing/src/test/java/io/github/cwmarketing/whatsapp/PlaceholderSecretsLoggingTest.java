package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.github.cwmarketing.whatsapp.metareference.WebhookSamples;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/configuration.md ("Secrets in logs") says about Camel's own logging of the secrets, with the documented
 * placeholder names ({@code placeholders/application.properties}) and the README's YAML routes
 * ({@code placeholders/routes.yaml}) on Camel Main, as a user runs them: a message sent, Meta's handshake and a signed
 * webhook POST answered.
 */
class PlaceholderSecretsLoggingTest {

    private static final String PROPERTIES = "placeholders/application.properties";
    private static final String WEBHOOK_PATH = "/whatsapp-marketing/webhook";
    private static final Properties DOCUMENTED = load(PROPERTIES);
    private static final Map<String, String> SECRETS = Map.of(
            "whatsapp.access-token", DOCUMENTED.getProperty("whatsapp.access-token"),
            "whatsapp.app.secret", DOCUMENTED.getProperty("whatsapp.app.secret"),
            "whatsapp.webhook-verify-token", DOCUMENTED.getProperty("whatsapp.webhook-verify-token"),
            "dialog360.api-key", DOCUMENTED.getProperty("dialog360.api-key"));
    /** The Camel 4.18 loggers that print resolved property values at DEBUG, whatever their key (documented). */
    private static final Set<String> CAMEL_DEBUG_VALUE_LOGGERS = Set.of(
            "org.apache.camel.component.properties.DefaultPropertiesParser",
            "org.apache.camel.impl.engine.DefaultCamelContextExtension",
            "org.apache.camel.main.BaseMainSupport",
            "org.apache.camel.main.MainHelper");

    private static final GraphApiStub GRAPH_API = new GraphApiStub();

    private final int port = AvailablePortFinder.getNextAvailable();

    @AfterEach
    void camelAtInfo() {
        Configurator.setLevel("org.apache.camel", Level.INFO);
    }

    @AfterAll
    static void stopStub() {
        GRAPH_API.close();
    }

    @Test
    void atInfoCamelMainsSummaryMasksEveryDocumentedPlaceholder() throws Exception {
        List<LogCapture.Line> lines = runTheDocumentedRoutes();

        assertThat(lines).as("Camel Main's Property-placeholders summary")
                .anySatisfy(line -> assertThat(line.text()).contains("whatsapp.phone-number-id = 106540352242922"));
        SECRETS.keySet().forEach(key -> assertThat(lines).as(key)
                .anySatisfy(line -> assertThat(line.text()).endsWith(key + " = xxxxxx")));
        assertThat(lines).as("Camel Main's Auto-configuration summary").anySatisfy(line -> assertThat(line.text())
                .endsWith("camel.component.whatsapp-marketing.verifyToken = {{whatsapp.webhook-verify-token}}"));
        assertNoSecretIn(lines);
    }

    @Test
    void atDebugCamelCoreLogsResolvedValuesWhateverTheirKey() throws Exception {
        Configurator.setLevel("org.apache.camel", Level.DEBUG);

        List<LogCapture.Line> lines = runTheDocumentedRoutes();

        List<LogCapture.Line> leaks = lines.stream().filter(PlaceholderSecretsLoggingTest::containsASecret).toList();
        assertThat(leaks).as("if Camel no longer logs resolved values at DEBUG, update docs/configuration.md")
                .isNotEmpty();
        assertThat(leaks).allSatisfy(line -> {
            assertThat(line.level()).isEqualTo(Level.DEBUG);
            assertThat(CAMEL_DEBUG_VALUE_LOGGERS).contains(line.logger());
        });
    }

    @Test
    void secretsSetOnTheComponentInCodeAppearInNoLogLineEvenAtDebug() throws Exception {
        Configurator.setLevel("org.apache.camel", Level.DEBUG);
        WhatsAppMarketingComponent component = new WhatsAppMarketingComponent();
        WhatsAppMarketingConfiguration configuration = component.getConfiguration();
        configuration.setAccessToken(SECRETS.get("whatsapp.access-token"));
        configuration.setAppSecret(SECRETS.get("whatsapp.app.secret"));
        configuration.setVerifyToken(SECRETS.get("whatsapp.webhook-verify-token"));
        configuration.setPhoneNumberId("106540352242922");
        Main main = camelMain();
        main.bind("whatsapp-marketing", component);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:campaign").to("whatsapp-marketing:send?templateName=autumn_offer&templateLanguage=en");
                from("whatsapp-marketing:webhook").log("${header.CamelWhatsAppMarketingStatus}");
            }
        });

        List<LogCapture.Line> lines = run(main);

        assertThat(lines.stream().filter(line -> line.level() == Level.DEBUG)).as("DEBUG lines").isNotEmpty();
        assertNoSecretIn(lines);
    }

    private List<LogCapture.Line> runTheDocumentedRoutes() throws Exception {
        Main main = camelMain();
        main.setPropertyPlaceholderLocations("classpath:" + PROPERTIES);
        main.configure().withRoutesIncludePattern("classpath:placeholders/routes.yaml");
        return run(main);
    }

    private Main camelMain() {
        Main main = new Main();
        main.addOverrideProperty("camel.server.enabled", "true");
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        main.addOverrideProperty("camel.component.whatsapp-marketing.base-uri", GRAPH_API.baseUri());
        return main;
    }

    /** Starts Camel Main, sends a message, answers Meta's handshake and a signed status POST, stops. */
    private List<LogCapture.Line> run(Main main) throws Exception {
        GRAPH_API.reset();
        GRAPH_API.acceptAll();
        try (LogCapture logs = LogCapture.open()) {
            main.start();
            try {
                CamelContext context = main.getCamelContext();
                Exchange sent = context.createProducerTemplate().request("direct:campaign", exchange -> {
                    exchange.getMessage().setHeader("phone", "+4915112345678");
                    exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678");
                    exchange.getMessage().setBody(List.of("Jonas"));
                });
                MetaClient meta = new MetaClient(port);
                HttpResponse<String> handshake = meta.get(WEBHOOK_PATH, "hub.mode=subscribe&hub.challenge=1158201444"
                        + "&hub.verify_token=" + SECRETS.get("whatsapp.webhook-verify-token"));
                HttpResponse<String> status = meta.postSigned(WEBHOOK_PATH,
                        WebhookSamples.read("status-sent-marketing-cloudapi.json"), SECRETS.get("whatsapp.app.secret"));

                assertThat(sent.getException()).isNull();
                assertThat(sent.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.TEST1");
                assertThat(GRAPH_API.marketingMessageRequests().get(0).getHeader("Authorization"))
                        .isEqualTo("Bearer " + SECRETS.get("whatsapp.access-token"));
                assertThat(handshake.body()).isEqualTo("1158201444");
                assertThat(status.statusCode()).isEqualTo(200);
            } finally {
                main.stop();
            }
            return logs.entries();
        }
    }

    private static void assertNoSecretIn(List<LogCapture.Line> lines) {
        assertThat(lines).as("captured lines").isNotEmpty();
        assertThat(lines).noneMatch(PlaceholderSecretsLoggingTest::containsASecret);
    }

    private static boolean containsASecret(LogCapture.Line line) {
        return SECRETS.values().stream().anyMatch(secret -> line.text().contains(secret));
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = PlaceholderSecretsLoggingTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
