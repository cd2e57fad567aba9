package io.github.cwmarketing.whatsapp.examples.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.InMemoryMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.report.CampaignReportPage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import org.apache.camel.main.Main;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A marketing campaign: reads the recipients CSV, sends the template to each through {@code whatsapp-marketing:send},
 * follows the status webhooks through {@code whatsapp-marketing:webhook}, prints progress and a delivery report, and
 * writes the ledger's campaign report as an HTML page.
 * The routes are YAML ({@code src/main/resources/routes}); this class only wires settings, the sandbox and the exit.
 */
public final class CampaignApplication {

    private CampaignApplication() {
    }

    public static void main(String[] args) throws Exception {
        DeliveryReport report = run(CampaignSettings.fromEnvironment(System.getenv()), System.out);
        System.exit(report != null && report.complete() ? 0 : 1);
    }

    /** Runs the campaign to its end and returns the report (null when it could not start). */
    public static DeliveryReport run(CampaignSettings settings, PrintStream console) throws Exception {
        if (!settings.useSandbox() && !settings.missingForMeta().isEmpty()) {
            console.println("Missing settings for Meta: " + settings.missingForMeta());
            return null;
        }
        int webhookPort = settings.webhookPort() > 0 ? settings.webhookPort() : freePort();
        WhatsAppSandbox sandbox = settings.useSandbox() ? startSandbox(settings, webhookPort, console) : null;
        try {
            return runCamel(settings, sandbox, webhookPort, console);
        } finally {
            if (sandbox != null) {
                sandbox.stop();
            }
        }
    }

    private static WhatsAppSandbox startSandbox(CampaignSettings settings, int webhookPort, PrintStream console) {
        WhatsAppSandbox sandbox = WhatsAppSandbox.builder()
                .messagesPerSecond(settings.messagesPerSecond())
                .statusDelay(Duration.ofMillis(300))
                .callbackUrl("http://127.0.0.1:" + webhookPort + "/whatsapp-marketing/webhook")
                .build()
                .start();
        console.println("No WHATSAPP_ACCESS_TOKEN set: running on the embedded Graph API sandbox at " + sandbox.baseUri());
        return sandbox;
    }

    private static DeliveryReport runCamel(CampaignSettings settings, WhatsAppSandbox sandbox, int webhookPort,
                                           PrintStream console) throws Exception {
        Main main = new Main();
        CampaignTracker tracker = new CampaignTracker(Clock.systemUTC(), settings.settleTime(), settings.timeout(),
                console::println);
        MessageLedger ledger = ledger(settings, console);
        AtomicReference<CampaignReport> ledgerReport = new AtomicReference<>();
        tracker.onFinished(() -> {
            ledgerReport.set(ledger.flush().thenCompose(done -> ledger.campaignReport(settings.campaignId()))
                    .toCompletableFuture().join());
            main.completed();
        });
        main.bind("campaignTracker", tracker);
        main.bind("ledger", ledger);
        main.addInitialProperty("campaign.id", settings.campaignId());
        main.bind("recipients", new RecipientsCsv());
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(webhookPort));
        main.addInitialProperty("campaign.template", settings.template());
        main.addInitialProperty("campaign.productPolicy", settings.productPolicy());
        main.addInitialProperty("campaign.recipients", settings.recipients());
        String component = "camel.component.whatsapp-marketing.";
        main.addInitialProperty(component + "messagesPerSecond", Integer.toString(settings.messagesPerSecond()));
        if (sandbox != null) {
            main.addInitialProperty("camel.server.host", "127.0.0.1");
            main.addInitialProperty(component + "baseUri", sandbox.baseUri().toString());
            main.addInitialProperty(component + "phoneNumberId", sandbox.phoneNumberId());
            bindComponent(main, sandbox.accessToken(), sandbox.appSecret(), "sandbox-verify-token");
        } else {
            main.addInitialProperty(component + "phoneNumberId", settings.phoneNumberId());
            bindComponent(main, settings.accessToken(), settings.appSecret(), settings.verifyToken());
            console.println("Webhook listening on port " + webhookPort + " at /whatsapp-marketing/webhook:"
                            + " expose it to Meta through your public HTTPS URL");
        }
        main.run();
        DeliveryReport report = ledgerReport.get() == null ? null : tracker.report(ledgerReport.get());
        console.println(report == null ? "The campaign did not finish" : report.render());
        if (ledgerReport.get() != null) {
            Path page = new CampaignReportPage().write(ledgerReport.get(), settings.reportFile());
            console.println("HTML report: " + page);
        }
        return report;
    }

    /** The zero-setup in-memory ledger, or a JDBC one on PostgreSQL when CAMPAIGN_JDBC_URL is set. */
    private static MessageLedger ledger(CampaignSettings settings, PrintStream console) {
        if (settings.jdbcUrl() == null || settings.jdbcUrl().isBlank()) {
            return new InMemoryMessageLedger();
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.jdbcUrl());
        console.println("Message ledger on PostgreSQL: a re-run of campaign " + settings.campaignId()
                        + " sends nothing twice");
        return new JdbcMessageLedger(dataSource);
    }

    /**
     * The component, with the secrets set in code rather than as properties: Camel logs the values of properties at
     * DEBUG (docs/configuration.md, "Secrets in logs"). Camel Main applies the other properties to it.
     */
    private static void bindComponent(Main main, String accessToken, String appSecret, String verifyToken) {
        WhatsAppMarketingComponent whatsapp = new WhatsAppMarketingComponent();
        WhatsAppMarketingConfiguration configuration = whatsapp.getConfiguration();
        configuration.setAccessToken(accessToken);
        configuration.setAppSecret(appSecret);
        configuration.setVerifyToken(verifyToken);
        main.bind("whatsapp-marketing", whatsapp);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
