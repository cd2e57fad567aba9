package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cwmarketing.whatsapp.support.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.status;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting, suspending and misconfiguring the webhook consumer: each test has its own context and server.
 */
class WhatsAppMarketingWebhookLifecycleTest {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final MetaClient meta = new MetaClient(port);
    private final List<Object> routed = new CopyOnWriteArrayList<>();
    private final Logger componentLogger = (Logger) LogManager.getLogger("io.github.cwmarketing.whatsapp");
    private AbstractAppender capture;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (capture != null) {
            componentLogger.removeAppender(capture);
            capture.stop();
        }
    }

    private CamelContext start(String uri) throws Exception {
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("localhost");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("webhook").process(exchange -> routed.add(exchange.getMessage().getBody()));
            }
        });
        context.start();
        return context;
    }

    @Test
    void refusesToStartWithoutAppSecret() {
        assertThatThrownBy(() -> start("whatsapp-marketing:webhook?verifyToken=t"))
                .hasStackTraceContaining("needs appSecret")
                .hasStackTraceContaining("signatureVerification=false");
    }

    @Test
    void refusesToStartWithOnlyBlankSecrets() {
        assertThatThrownBy(() -> start("whatsapp-marketing:webhook?appSecret= , "))
                .hasStackTraceContaining("needs appSecret");
    }

    @Test
    void refusesToStartA360dialogWebhookWithoutPlatformSecretOrSecretHeader() {
        assertThatThrownBy(() -> start("whatsapp-marketing:webhook?provider=DIALOG360"))
                .hasStackTraceContaining("provider DIALOG360 is not authenticated")
                .hasStackTraceContaining("x-360dialog-signature")
                .hasStackTraceContaining("webhookHeaderName and webhookHeaderSecret");
    }

    @Test
    void refusesASecretHeaderNameWithoutItsValue() {
        assertThatThrownBy(() -> start("whatsapp-marketing:webhook?provider=DIALOG360&webhookHeaderName=Authorization"))
                .hasStackTraceContaining("webhookHeaderName and webhookHeaderSecret go together");
        assertThatThrownBy(() -> start("whatsapp-marketing:webhook?appSecret=s&webhookHeaderSecret=v"))
                .hasStackTraceContaining("webhookHeaderName and webhookHeaderSecret go together");
    }

    @Test
    void refusesADeduplicationCacheOfNoKeys() {
        assertThatThrownBy(() -> start("whatsapp-marketing:webhook?appSecret=s&deduplicationCacheSize=0"))
                .hasStackTraceContaining("deduplicationCacheSize must be positive");
    }

    @Test
    void refusesANonPositiveBodyReadTimeout() {
        assertThatThrownBy(() -> start("whatsapp-marketing:webhook?appSecret=s&bodyReadTimeout=0"))
                .hasStackTraceContaining("bodyReadTimeout must be positive");
    }

    @Test
    void startsWithoutVerificationButWarns() throws Exception {
        List<String> warnings = captureWarnings();

        start("whatsapp-marketing:webhook?signatureVerification=false");

        assertThat(warnings).anySatisfy(warning -> assertThat(warning).contains("Signature verification is OFF"));
        assertThat(meta.post(WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH,
                statuses(status("wamid.UNSIGNED", "sent")), null, MetaClient.JSON).statusCode()).isEqualTo(200);
        assertThat(routed).hasSize(1);
    }

    @Test
    void neverLogsTheSecrets() throws Exception {
        List<String> messages = captureWarnings();

        start("whatsapp-marketing:webhook?appSecret=s3cr3t-value&verifyToken=t0ken-value&webhookPath=/hook");
        meta.postSigned("/hook", statuses(status("wamid.X", "sent")), "wrong");
        meta.get("/hook", "hub.mode=subscribe&hub.challenge=1&hub.verify_token=bad");

        assertThat(messages).isNotEmpty().noneMatch(m -> m.contains("s3cr3t-value") || m.contains("t0ken-value"));
    }

    @Test
    void neverLogsTheSecretHeaderValue() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            start("whatsapp-marketing:webhook?provider=DIALOG360&webhookPath=/hook&webhookHeaderName=Authorization"
                  + "&webhookHeaderSecret=h3ad3r-s3cr3t");
            meta.postWithHeaders("/hook", statuses(status("wamid.H", "sent")), "Authorization", "h3ad3r-guess");
            String uri = context.getRoute("webhook").getEndpoint().getEndpointUri();
            context.stop();

            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains("h3ad3r-s3cr3t"));
            assertThat(URISupport.sanitizeUri(uri)).as("masked wherever Camel shows the URI")
                    .contains("webhookHeaderSecret=xxxxxx").doesNotContain("h3ad3r-s3cr3t");
        }
    }

    @Test
    void suspendedRouteAnswers503SoThatMetaRetries() throws Exception {
        start("whatsapp-marketing:webhook?appSecret=s&webhookPath=/suspendable");
        byte[] body = statuses(status("wamid.SUSPENDED", "sent"));

        context.getRouteController().suspendRoute("webhook");
        assertThat(meta.postSigned("/suspendable", body, "s").statusCode()).isEqualTo(503);
        assertThat(routed).isEmpty();

        context.getRouteController().resumeRoute("webhook");
        assertThat(meta.postSigned("/suspendable", body, "s").statusCode()).isEqualTo(200);
        assertThat(routed).hasSize(1);
    }

    @Test
    void stoppedRouteNoLongerServesThePath() throws Exception {
        start("whatsapp-marketing:webhook?appSecret=s&webhookPath=stoppable");
        byte[] body = statuses(status("wamid.STOPPED", "sent"));
        assertThat(meta.postSigned("/stoppable", body, "s").statusCode()).isEqualTo(200);

        context.getRouteController().stopRoute("webhook");

        assertThat(meta.postSigned("/stoppable", statuses(status("wamid.LATER", "sent")), "s").statusCode())
                .isEqualTo(404);
        assertThat(routed).hasSize(1);
    }

    @Test
    void sendIsNotAConsumer() {
        assertThatThrownBy(() -> start("whatsapp-marketing:send?accessToken=x"))
                .hasStackTraceContaining("cannot be used as a consumer");
    }

    /** Everything the component logs at INFO and above during the test. */
    private List<String> captureWarnings() {
        List<String> messages = new CopyOnWriteArrayList<>();
        String name = "capture-" + System.identityHashCode(messages);
        capture = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.INFO)) {
                    messages.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        capture.start();
        componentLogger.addAppender(capture);
        return messages;
    }
}
