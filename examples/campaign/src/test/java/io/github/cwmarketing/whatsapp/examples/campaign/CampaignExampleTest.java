package io.github.cwmarketing.whatsapp.examples.campaign;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole campaign end to end on the embedded sandbox: 200 recipients sent through the MM API, statuses received
 * through the signed webhook, and a report whose counts follow the sandbox's scenario table (last digit of the
 * phone number: 0 fails with 131026, 9 with 131049, 8 stays delivered, 7 hits the pair rate limit once), printed and
 * written as an HTML page.
 */
class CampaignExampleTest {

    @Test
    void campaignOnTheSandboxReachesEveryFinalStateAndReports() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path page = Path.of("target/example-test/campaign-report.html");
        Files.deleteIfExists(page);
        CampaignSettings settings = CampaignSettings.fromEnvironment(Map.of(
                "CAMPAIGN_SETTLE_SECONDS", "2", "CAMPAIGN_TIMEOUT_SECONDS", "90", "CAMPAIGN_MESSAGES_PER_SECOND", "200",
                "CAMPAIGN_REPORT_FILE", page.toString()));

        DeliveryReport report = CampaignApplication.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(report).isNotNull();
        assertThat(report.complete()).isTrue();
        assertThat(report.recipients()).isEqualTo(200);
        assertThat(report.accepted()).as("the 7s are retried after the pair rate limit").isEqualTo(200);
        assertThat(report.rejected()).isZero();
        assertThat(report.count(MessageState.READ)).isEqualTo(140);
        assertThat(report.count(MessageState.DELIVERED)).isEqualTo(20);
        assertThat(report.count(MessageState.FAILED)).isEqualTo(40);
        assertThat(report.byErrorCode()).containsEntry(131026, 20).containsEntry(131049, 20);
        assertThat(report.byRoute()).as("131049 fails before any priced status").containsEntry("MARKETING_MESSAGES_API", 180)
                .containsEntry("unknown", 20);
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[campaign] sent", "===== Delivery report =====", "Outcome: COMPLETE");
        assertThat(printed).doesNotContain("+49151");
        assertThat(printed).contains("HTML report: " + page.toAbsolutePath());
        assertThat(Files.readString(page)).contains("<span id=\"campaign\">autumn-2026</span>",
                "data-stage=\"accepted\" data-count=\"200\"", "data-stage=\"read\" data-count=\"140\"",
                "data-route=\"MARKETING_MESSAGES_API\" data-count=\"180\"", "Message undeliverable",
                "<rect class=\"bar\" data-bucket=\"0\"").doesNotContain("+49151");
    }

    @Test
    void theHtmlReportGoesToTargetUnderTheCampaignIdByDefault() {
        assertThat(CampaignSettings.fromEnvironment(Map.of("CAMPAIGN_ID", "autumn/2026 <b>")).reportFile())
                .isEqualTo(Path.of("target", "campaign-report-autumn_2026__b_.html"));
    }
}
