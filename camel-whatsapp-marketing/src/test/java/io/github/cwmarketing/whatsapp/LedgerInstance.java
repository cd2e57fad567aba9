package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
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
 * counts the events it routes (and notes the threads it routes them on), and a listener that notes the ledger writes.
 */
final class LedgerInstance implements AutoCloseable {

    static final String APP_SECRET = "cluster-app-secret";
    /** The send options of the two-argument constructor: no pacing. */
    static final String UNPACED = "&messagesPerSecond=0";

    final CamelContext context = new DefaultCamelContext();
    final JdbcMessageLedger ledger;
    final int port = AvailablePortFinder.getNextAvailable();
    final MetaClient meta = new MetaClient(port);
    final AtomicInteger routedStatuses = new AtomicInteger();
    final ProducerTemplate template;

    /** The threads the webhook route ran on, by name. */
    final Set<String> routeThreads = ConcurrentHashMap.newKeySet();
    /** The ledger writes the listener was told of, in order. */
    final List<LedgerWrite> ledgerWrites = new CopyOnWriteArrayList<>();

    LedgerInstance(DataSource database, GraphApiStub graphApi) throws Exception {
        this(database, graphApi.baseUri(), UNPACED, "", ledger -> {
        });
    }

    /**
     * @param graphApiBaseUri where the send route sends (the Graph API stub)
     * @param sendOptions     options appended to the send endpoint's URI; {@link #UNPACED} or a pacing of its own
     * @param webhookOptions  options appended to the webhook consumer's URI, e.g. {@code &webhookLedgerTimeout=1s}
     * @param ledgerSetup     applied to the ledger before the context starts
     */
    LedgerInstance(DataSource database, String graphApiBaseUri, String sendOptions, String webhookOptions,
                   Consumer<JdbcMessageLedger> ledgerSetup) throws Exception {
        ledger = new JdbcMessageLedger(database);
        ledgerSetup.accept(ledger);
        context.getRegistry().bind("ledger", ledger);
        context.getRegistry().bind("ledgerWrites", new WhatsAppMarketingListener() {
            @Override
            public void onLedgerWrite(LedgerWrite write, Duration took) {
                ledgerWrites.add(write);
            }
        });
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("localhost");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        String send = "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
                      + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=" + graphApiBaseUri
                      + "&templateName=autumn_offer&templateLanguage=en&campaign=cluster&maxRetries=0" + sendOptions;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the tests read each exchange's outcome; refusals such as unknown outcomes need no stack trace
                errorHandler(noErrorHandler());
                from("direct:send").to(send);
                from("whatsapp-marketing:webhook?appSecret=" + APP_SECRET + webhookOptions).process(exchange -> {
                    routeThreads.add(Thread.currentThread().getName());
                    routedStatuses.incrementAndGet();
                });
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
