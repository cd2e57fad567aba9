package io.github.cwmarketing.whatsapp.examples.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingPacing;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One instance of the clustered campaign application, a JVM of its own (started by {@link ClusterCoordinator}): the
 * same Camel application on every instance, with its own webhook port, sharing one PostgreSQL with the others for the
 * message ledger (send keys claimed once), the webhook deduplication (through the ledger) and the pacing of the
 * number ({@code pacing=DATABASE}).
 * <p>
 * It sends its partition of the recipients file (position modulo the number of instances), every send with a send key
 * and the campaign, in passes: a pass streams the whole file; the ledger skips what was accepted, answers "in flight"
 * for claims a dead predecessor still leases, and reports unknown outcomes; a pass that left sends to retry (the
 * database was down, a lease had not expired, an unknown outcome to resend after {@code resendUnknownOutcomeAfter}) is
 * followed by another one two seconds later. A restarted instance simply
 * runs its partition again. Prints {@code READY} when it receives webhooks, {@code PARTITION-DONE} when its partition
 * is complete; then it keeps receiving webhooks until it is stopped.
 */
public final class ClusterInstance {

    static final String READY = "READY";
    static final String PARTITION_DONE = "PARTITION-DONE";
    static final String PARTITION_INCOMPLETE = "PARTITION-INCOMPLETE";
    static final String PASS = "pass ";
    private static final Duration PAUSE_BETWEEN_PASSES = Duration.ofSeconds(2);

    private final InstanceSettings settings;
    private final AtomicLong statuses = new AtomicLong();
    private volatile PassOutcomes pass;

    private ClusterInstance(InstanceSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        InstanceSettings settings = InstanceSettings.fromEnvironment(System.getenv());
        HikariDataSource database = pool(settings);
        ClusterInstance instance = new ClusterInstance(settings);
        CamelContext context = instance.camel(database);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.stop();
            database.close();
            stopped.countDown();
        }, "cluster-instance-stop"));
        context.start();
        System.out.println(READY);
        boolean complete = instance.sendPartition(context.createProducerTemplate());
        System.out.println((complete ? PARTITION_DONE : PARTITION_INCOMPLETE) + " statuses received "
                           + instance.statuses.get());
        stopped.await();
    }

    /** Runs passes over the partition until one leaves nothing to retry, or the timeout passes. */
    private boolean sendPartition(ProducerTemplate producer) throws InterruptedException {
        Instant deadline = Instant.now().plus(settings.timeout());
        for (int number = 1; ; number++) {
            pass = new PassOutcomes(!settings.resendUnknownAfter().isZero());
            producer.sendBody("direct:pass", settings.recipientsFile().toFile());
            PassOutcomes done = pass;
            System.out.println(PASS + number + ": " + done.describe() + "; statuses received " + statuses.get());
            if (done.complete()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(PAUSE_BETWEEN_PASSES.toMillis());
        }
    }

    private CamelContext camel(HikariDataSource database) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(settings.webhookPort());
        context.addService(new VertxPlatformHttpServer(server));
        context.addComponent("whatsapp-marketing", component(database));
        context.addRoutes(routes());
        context.getShutdownStrategy().setTimeout(5);
        return context;
    }

    private WhatsAppMarketingComponent component(HikariDataSource database) {
        JdbcMessageLedger ledger = new JdbcMessageLedger(database);
        ledger.setLeaseDuration(settings.lease());
        ledger.setOperationTimeout(Duration.ofSeconds(5));
        WhatsAppMarketingComponent whatsapp = new WhatsAppMarketingComponent();
        whatsapp.setPacing(WhatsAppMarketingPacing.DATABASE);
        whatsapp.setPacingDataSource(database);
        WhatsAppMarketingConfiguration configuration = whatsapp.getConfiguration();
        configuration.setBaseUri(settings.graphApiUri().toString());
        configuration.setAccessToken(settings.accessToken());
        configuration.setPhoneNumberId(settings.phoneNumberId());
        configuration.setAppSecret(settings.appSecret());
        configuration.setVerifyToken(InstanceSettings.VERIFY_TOKEN);
        configuration.setMessagesPerSecond(settings.messagesPerSecond());
        configuration.setLedger(ledger);
        configuration.setResendUnknownOutcomeAfter(settings.resendUnknownAfter().toMillis());
        return whatsapp;
    }

    private RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // one pass: the file streamed line by line, this instance's recipients sent in parallel; the
                // producer's backpressure (maxPendingSends) keeps the reading at the number's pace
                from("direct:pass").routeId("pass")
                        .split(body().tokenize("\n")).streaming().parallelProcessing()
                            .process(ClusterInstance.this::recipient)
                            .filter(header(WhatsAppMarketingConstants.TO).isNotNull())
                                .doTry()
                                    .toF("whatsapp-marketing:send?templateName=autumn_offer&templateLanguage=en"
                                         + "&productPolicy=STRICT&campaign=%s", settings.campaign())
                                    .process(exchange -> pass.completed(exchange))
                                .doCatch(Exception.class)
                                    .process(exchange -> pass.failed(
                                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                                .end()
                            .end()
                        .end();
                // the statuses the load balancer (the sandbox) gives this instance: signed, deduplicated and recorded
                // through the shared ledger, then counted
                from("whatsapp-marketing:webhook").routeId("statuses")
                        .process(exchange -> statuses.incrementAndGet());
            }
        };
    }

    /** Turns a line of the file into a send when it is this instance's recipient (headers To, SendKey; body). */
    private void recipient(Exchange exchange) {
        int line = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        String text = exchange.getMessage().getBody(String.class);
        exchange.getMessage().removeHeader(WhatsAppMarketingConstants.TO);
        if (line == 0 || text == null || text.isBlank() || !settings.owns(line - 1L)) {
            return;
        }
        String[] columns = text.trim().split(",", -1);
        exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, columns[0]);
        exchange.getMessage().setHeader(WhatsAppMarketingConstants.SEND_KEY, sendKey(settings.campaign(), columns[0]));
        exchange.getMessage().setBody(List.of(columns[1]));
    }

    /** The send key of a recipient in a campaign: one intended message. */
    static String sendKey(String campaign, String phone) {
        return campaign + ":" + phone;
    }

    private static HikariDataSource pool(InstanceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        // five connections held by the ledger's lanes, one for pacing leases, two spare
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(2000);
        config.setValidationTimeout(1000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("socketTimeout", "10");
        config.addDataSourceProperty("connectTimeout", "2");
        config.setPoolName("cluster-instance-" + settings.index());
        return new HikariDataSource(config);
    }
}
