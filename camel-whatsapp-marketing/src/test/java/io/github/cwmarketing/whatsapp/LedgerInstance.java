package io.github.cwmarketing.whatsapp;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;

/**
 * One instance of an application for tests of several instances: its own Camel context, its own component and its own
 * JDBC ledger on a shared database, a send route to the Graph API stub and a webhook consumer on a port of its own that
 * counts the events it routes.
 */
final class LedgerInstance implements AutoCloseable {

    static final String APP_SECRET = "cluster-app-secret";

    final CamelContext context = new DefaultCamelContext();
    final JdbcMessageLedger ledger;
    final int port = AvailablePortFinder.getNextAvailable();
    final MetaClient meta = new MetaClient(port);
    final AtomicInteger routedStatuses = new AtomicInteger();
    final ProducerTemplate template;

    LedgerInstance(DataSource database, GraphApiStub graphApi) throws Exception {
        ledger = new JdbcMessageLedger(database);
        context.getRegistry().bind("ledger", ledger);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("localhost");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        String send = "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
                      + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=" + graphApi.baseUri()
                      + "&templateName=autumn_offer&templateLanguage=en&messagesPerSecond=0&campaign=cluster"
                      + "&maxRetries=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(send);
                from("whatsapp-marketing:webhook?appSecret=" + APP_SECRET).process(exchange -> routedStatuses.incrementAndGet());
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @Override
    public void close() {
        context.stop();
    }
}
