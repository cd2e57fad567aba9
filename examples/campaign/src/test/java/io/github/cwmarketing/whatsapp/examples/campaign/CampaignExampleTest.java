package io.github.cwmarketing.whatsapp.examples.campaign;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole campaign end to end on the embedded sandbox: 200 recipients sent through the MM API, statuses received
 * through the signed webhook, and a report whose counts follow the sandbox's scenario table (last digit of the
 * phone number: 0 fails with 131026, 9 with 131049, 8 stays delivered, 7 hits the pair rate limit once).
 */
class CampaignExampleTest {

    @Test
    void campaignOnTheSandboxReachesEveryFinalStateAndReports() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CampaignSettings settings = CampaignSettings.fromEnvironment(Map.of(
                "CAMPAIGN_SETTLE_SECONDS", "2", "CAMPAIGN_TIMEOUT_SECONDS", "90", "CAMPAIGN_MESSAGES_PER_SECOND", "200"));

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
    }
}
