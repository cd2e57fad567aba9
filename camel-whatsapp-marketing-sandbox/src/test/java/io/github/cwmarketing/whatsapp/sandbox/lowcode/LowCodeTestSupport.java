package io.github.cwmarketing.whatsapp.sandbox.lowcode;

import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * YAML routes and Pipes on a Camel context whose platform-http server receives the sandbox's status webhooks, with the
 * placeholders of the documentation ({@code {{whatsapp.access-token}}}, ...) set to the sandbox's values as the
 * environment would give them. One context per class: the routes are loaded once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LowCodeTestSupport extends CamelTestSupport {

    static final String VERIFY_TOKEN = "lowcode-verify-token";

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(WhatsAppSandbox.builder()
            .statusDelay(Duration.ofMillis(20)));

    /** Where the webhook consumers listen: a port per class, as the previous class's server may still be closing. */
    private final int webhookPort = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(webhookPort);
        context.addService(new VertxPlatformHttpServer(server));
        WHATSAPP.sandbox().callbackUrl(webhookUri(""));
        context.getPropertiesComponent().setInitialProperties(placeholders(WHATSAPP.sandbox()));
        return context;
    }

    /** The default webhook path on this class's server, with the query (or nothing). */
    protected URI webhookUri(String query) {
        return URI.create("http://127.0.0.1:" + webhookPort + "/whatsapp-marketing/webhook" + query);
    }

    /** The values of the placeholders, as the environment gives them ({@code WHATSAPP_ACCESS_TOKEN}, ...). */
    protected Properties placeholders(WhatsAppSandbox sandbox) {
        Properties properties = new Properties();
        properties.setProperty("whatsapp.access-token", sandbox.accessToken());
        properties.setProperty("whatsapp.phone-number-id", sandbox.phoneNumberId());
        properties.setProperty("whatsapp.base-uri", sandbox.baseUri().toString());
        properties.setProperty("whatsapp.app.secret", sandbox.appSecret());
        properties.setProperty("whatsapp.webhook-verify-token", VERIFY_TOKEN);
        return properties;
    }

    @Override
    protected void doPostSetup() throws Exception {
        if (context.getRoutes().isEmpty()) {
            loadRoutes();
        }
    }

    /** Loads the routes or Pipes of the tests. */
    protected abstract void loadRoutes() throws Exception;

    protected void load(String classpathResource) throws Exception {
        load(PluginHelper.getResourceLoader(context).resolveResource("classpath:" + classpathResource));
    }

    protected void load(String name, String yaml) throws Exception {
        load(ResourceHelper.fromString(name, yaml));
    }

    private void load(Resource resource) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    }
}
