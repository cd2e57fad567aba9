package io.github.cwmarketing.whatsapp;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.TestInstance;

/**
 * A Camel context per test class with a Vert.x platform-http server on a free loopback port, and Meta as its client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebhookTestSupport extends CamelTestSupport {

    protected final int port = AvailablePortFinder.getNextAvailable();
    protected final MetaClient meta = new MetaClient(port);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("localhost");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }
}
