package io.github.cwmarketing.whatsapp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.cwmarketing.whatsapp.ledger.AttemptOutcome;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.InMemoryMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.SendClaim;
import io.github.cwmarketing.whatsapp.ledger.SendIntent;
import io.github.cwmarketing.whatsapp.ledger.StatusUpdate;
import io.github.cwmarketing.whatsapp.report.CampaignReportPage;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page of a campaign in the ledger, from a YAML route (docs/reports.md's example: getCampaignReport, the
 * page bean, a file endpoint) and from Java (the page's write).
 */
class CampaignReportRouteTest extends CamelTestSupport {

    private static final Path REPORTS = Path.of("target/campaign-report-route");
    private static final Instant SENT = Instant.parse("2026-10-01T08:00:00Z");

    private final InMemoryMessageLedger ledger = new InMemoryMessageLedger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("ledger", ledger);
        Properties properties = new Properties();
        properties.setProperty("reports.dir", REPORTS.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Test
    void aYamlRouteWritesThePageOfACampaign() throws Exception {
        campaignOfThree();
        PluginHelper.getRoutesLoader(context).loadRoutes(PluginHelper.getResourceLoader(context)
                .resolveResource("classpath:docs-snippets/report-routes.yaml"));

        template.sendBody("direct:campaign-report", null);

        String html = Files.readString(REPORTS.resolve("autumn-2026.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<span id=\"campaign\">autumn-2026</span>",
                "data-stage=\"accepted\" data-count=\"2\"", "data-stage=\"read\" data-count=\"1\"",
                "<tr data-code=\"131026\"><td class=\"num\">131026</td><td class=\"title\">Message undeliverable</td>");
    }

    @Test
    void javaWritesThePageOfACampaign() throws Exception {
        campaignOfThree();

        // snippet:start report-page-java
        CampaignReport report = ledger.campaignReport("autumn-2026").toCompletableFuture().get(10, TimeUnit.SECONDS);
        Path page = new CampaignReportPage().write(report, Path.of("target/reports/autumn-2026.html"));
        // snippet:end report-page-java

        assertThat(page).isAbsolute();
        assertThat(Files.readString(page)).contains("<span class=\"value\">3</span><span class=\"label\">Messages");
    }

    /** Three messages: one read, one rejected with 131026, one accepted without status. */
    private void campaignOfThree() throws Exception {
        ServiceHelper.startService(ledger);
        send("k1", "+4915112340101", AttemptOutcome.accepted("wamid.101", "accepted", SENT));
        send("k2", "+4915112340102", AttemptOutcome.rejected(131026, "(#131026) Message undeliverable", SENT));
        send("k3", "+4915112340103", AttemptOutcome.accepted("wamid.103", "accepted", SENT));
        ledger.recordStatuses(List.of(new StatusUpdate("wamid.101|read", "wamid.101", "read", SENT,
                "4915112340101", "106540352242922", "MARKETING_MESSAGES_API", "marketing", null, null, null)));
    }

    private void send(String key, String recipient, AttemptOutcome outcome) throws Exception {
        SendIntent intent = new SendIntent("autumn-2026:" + key, "autumn-2026", "106540352242922", recipient,
                "autumn_offer", "en", "STRICT", true, null);
        SendClaim claim = ledger.claim(intent).toCompletableFuture().get();
        ledger.handOver(claim).toCompletableFuture().get();
        ledger.recordOutcome(claim, outcome).toCompletableFuture().get();
    }
}
