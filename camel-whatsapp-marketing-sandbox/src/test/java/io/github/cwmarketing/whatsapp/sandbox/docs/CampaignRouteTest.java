package io.github.cwmarketing.whatsapp.sandbox.docs;

// snippet:start campaign-route-test
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.sandbox.DeliveredStatus;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxExtension;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignRouteTest extends CamelTestSupport {

    // where the route's whatsapp-marketing:webhook consumer listens (camel-platform-http-vertx)
    static final int WEBHOOK_PORT = AvailablePortFinder.getNextAvailable();

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(WhatsAppSandbox.builder()
            .statusDelay(Duration.ofMillis(20))
            .callbackUrl("http://127.0.0.1:" + WEBHOOK_PORT + "/whatsapp-marketing/webhook"));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(WEBHOOK_PORT);
        context.addService(new VertxPlatformHttpServer(server));

        WhatsAppSandbox sandbox = WHATSAPP.sandbox();
        WhatsAppMarketingConfiguration config = context.getComponent("whatsapp-marketing",
                WhatsAppMarketingComponent.class).getConfiguration();
        config.setBaseUri(sandbox.baseUri().toString());
        config.setAccessToken(sandbox.accessToken());
        config.setPhoneNumberId(sandbox.phoneNumberId());
        config.setAppSecret(sandbox.appSecret());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:campaign")
                        .to("whatsapp-marketing:send?templateName=autumn_offer&templateLanguage=en");
                from("whatsapp-marketing:webhook")
                        .log("${header.CamelWhatsAppMarketingMessageId} is ${header.CamelWhatsAppMarketingStatus}");
            }
        };
    }

    @Test
    void sendsAndTracks(WhatsAppSandbox sandbox) {
        template.sendBodyAndHeader("direct:campaign", List.of("Maria"), "CamelWhatsAppMarketingTo", "+4915112345671");

        assertThat(sandbox.awaitStatuses(3, Duration.ofSeconds(5)))
                .extracting(DeliveredStatus::status).containsExactly("sent", "delivered", "read");
    }
}
// snippet:end campaign-route-test
