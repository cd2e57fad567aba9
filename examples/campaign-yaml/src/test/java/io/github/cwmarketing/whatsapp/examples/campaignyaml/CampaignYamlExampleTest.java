package io.github.cwmarketing.whatsapp.examples.campaignyaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.sandbox.SentMessage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.cwmarketing.whatsapp.examples.campaignyaml.ReportLines.reportLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example as a user runs it: Camel's own Main with the example's application.properties and YAML (no Java of the
 * example), only the ports, the output folder and the quiet times changed; the in-memory ledger and local pacing.
 * The sandbox's scenario table decides the statuses (last digit of the phone number: 0 fails with 131026, 9 with
 * 131049, 8 stays delivered, 7 hits the pair rate limit once and is retried); the invalid row is refused before any
 * request and the campaign goes on; the report is written once the campaign is quiet; the run ends by itself.
 */
class CampaignYamlExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @Test
    void theCampaignRunsOnTheSandboxReportsItsStatusesAndEndsByItself() throws Exception {
        ExampleRun run = ExampleRun.start(output);

        List<JsonNode> statuses = run.awaitStatuses(26);
        String metrics = run.scrapeMetrics();
        run.awaitEnd();
        WhatsAppSandbox sandbox = run.sandbox();
        List<SentMessage> sent = sandbox.sentMessages();

        assertThat(sent).as("ten valid rows; the invalid one is never sent").hasSize(10);
        SentMessage maria = sent.stream().filter(message -> message.recipient().equals("+4915112345671")).findFirst()
                .orElseThrow();
        JsonNode request = JSON.readTree(maria.requestJson());
        assertThat(maria.templateName()).isEqualTo("autumn_offer");
        assertThat(maria.productPolicy()).isEqualTo("STRICT");
        assertThat(maria.bizOpaqueCallbackData()).as("the send key travels as the callback data")
                .isEqualTo("autumn-2026:+4915112345671");
        assertThat(request.path("template").path("language").path("code").asText()).isEqualTo("de");
        assertThat(request.path("template").path("components").get(0).path("parameters"))
                .extracting(parameter -> parameter.path("parameter_name").asText() + "="
                                         + parameter.path("text").asText())
                .containsExactly("first_name=Maria", "discount=25%");

        Map<String, Long> byStatus = statuses.stream()
                .collect(Collectors.groupingBy(status -> status.path("status").asText(), Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("sent", 9L, "delivered", 8L, "read", 7L,
                "failed", 2L));
        assertThat(statuses).filteredOn(status -> status.path("status").asText().equals("failed"))
                .extracting(status -> status.path("errors").get(0).path("code").asInt())
                .containsExactlyInAnyOrder(131026, 131049);
        assertThat(statuses).allSatisfy(status -> assertThat(status.path("phone_number_id").asText())
                .isEqualTo(sandbox.phoneNumberId()));

        assertThat(metrics).containsPattern("whatsapp_marketing_sends_total\\{[^}]*outcome=\"accepted\"[^}]*\\} 10\\.0")
                .contains("whatsapp_marketing_retries_total")
                .containsPattern("whatsapp_marketing_webhook_events_total\\{[^}]*status=\"read\"[^}]*\\} 7\\.0");

        assertThat(run.report()).as("the report of the in-memory ledger, after the last status")
                .startsWith("Campaign autumn-2026\n")
                .containsPattern(reportLine("Messages", 10))
                .containsPattern(reportLine("Accepted by the API", 10))
                .containsPattern(reportLine("read", 7))
                .containsPattern(reportLine("delivered", 1))
                .containsPattern(reportLine("failed", 2))
                .containsPattern(reportLine("131026", 1))
                .containsPattern(reportLine("131049", 1))
                .containsPattern(reportLine("Duplicates skipped", 0));
        assertThat(run.reportPage()).startsWith("<!DOCTYPE html>").contains("autumn-2026");
    }
}
