package io.github.cwmarketing.whatsapp.examples.campaignyaml;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.sandbox.SentMessage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxBean;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example as a user runs it: Camel's own Main with the example's application.properties and YAML (no Java of the
 * example), only the ports and the output folder changed. The sandbox's scenario table decides the statuses (last
 * digit of the phone number: 0 fails with 131026, 9 with 131049, 8 stays delivered, 7 hits the pair rate limit once
 * and is retried); the invalid row is refused before any request and the campaign goes on; the run ends by itself.
 */
class CampaignYamlExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @Test
    void theCampaignRunsOnTheSandboxReportsItsStatusesAndEndsByItself() throws Exception {
        int managementPort = freePort();
        Main main = new Main();
        main.addOverrideProperty("sandbox.port", Integer.toString(freePort()));
        main.addOverrideProperty("camel.server.port", Integer.toString(freePort()));
        main.addOverrideProperty("camel.management.port", Integer.toString(managementPort));
        main.addOverrideProperty("campaign.output", output.toString());
        main.addOverrideProperty("camel.main.durationMaxIdleSeconds", "2");
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Path statusFile = output.resolve("statuses.jsonl");
        List<JsonNode> statuses = awaitLines(statusFile, 26, run);
        WhatsAppSandbox sandbox = main.getCamelContext().getRegistry()
                .lookupByNameAndType("whatsappSandbox", WhatsAppSandboxBean.class).sandbox();
        List<SentMessage> sent = sandbox.sentMessages();
        String metrics = scrape(managementPort);
        run.get(30, TimeUnit.SECONDS);

        assertThat(sent).as("ten valid rows; the invalid one is never sent").hasSize(10);
        SentMessage maria = sent.stream().filter(message -> message.recipient().equals("+4915112345671")).findFirst()
                .orElseThrow();
        JsonNode request = JSON.readTree(maria.requestJson());
        assertThat(maria.templateName()).isEqualTo("autumn_offer");
        assertThat(maria.productPolicy()).isEqualTo("STRICT");
        assertThat(maria.bizOpaqueCallbackData()).isEqualTo("autumn-2026:0");
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
    }

    /** Waits until the file has {@code count} JSON lines (the run must not have ended before). */
    private static List<JsonNode> awaitLines(Path file, int count, CompletableFuture<Void> run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline && !run.isDone()) {
            if (Files.exists(file)) {
                lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
                if (lines.size() >= count) {
                    return lines.stream().map(parse()).toList();
                }
            }
            Thread.sleep(100);
        }
        if (run.isDone()) {
            run.join(); // the run's own failure, if it failed
        }
        throw new AssertionError("statuses.jsonl has " + lines.size() + " of " + count + " lines; run ended: "
                                 + run.isDone());
    }

    private static Function<String, JsonNode> parse() {
        return line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not one JSON status per line: " + line, e);
            }
        };
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/observe/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
