package io.github.cwmarketing.whatsapp.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.sandbox.DeliveredStatus;
import io.github.cwmarketing.whatsapp.sandbox.SentMessage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example as it runs with no Meta account (default profile {@code sandbox}): a template sent through the REST
 * endpoint reaches the sandbox Graph API, the sandbox's signed status webhooks come back to the application's own
 * port, and each status is logged on one line without the recipient's phone number.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "example.sandbox.status-delay=20ms",
        "example.demo.enabled=false"
})
class WhatsAppExampleApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ_RECIPIENT = "4915112345671";
    private static final String LIMITED_RECIPIENT = "4915112345679";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    WhatsAppSandbox sandbox;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void sendsTheTemplateAndLogsEveryStatus(CapturedOutput output) throws Exception {
        HttpResponse<String> response = post("/api/messages?to=" + READ_RECIPIENT + "&name=Maria");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String messageId = JSON.readTree(response.body()).get("messageId").asText();
        assertThat(messageId).startsWith("wamid.");

        List<SentMessage> sent = sandbox.sentMessages();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).wamid()).isEqualTo(messageId);
        assertThat(sent.get(0).templateName()).isEqualTo("seasonal_offer");
        assertThat(sent.get(0).recipient()).endsWith(READ_RECIPIENT);
        assertThat(JSON.readTree(sent.get(0).requestJson()).at("/template/components/0/parameters/0/text").asText())
                .isEqualTo("Maria");

        List<DeliveredStatus> statuses = sandbox.awaitStatuses(3, Duration.ofSeconds(10));
        assertThat(statuses).extracting(DeliveredStatus::status).containsExactly("sent", "delivered", "read");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("status=sent message=" + messageId + " routedVia=MARKETING_MESSAGES_API error=-")
                .contains("status=delivered message=" + messageId)
                .contains("status=read message=" + messageId));
        assertThat(statusLines(output)).hasSize(3).noneMatch(line -> line.contains(READ_RECIPIENT));

        JsonNode counts = JSON.readTree(get("/api/statuses").body());
        assertThat(counts.path("read").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void logsTheErrorCodeOfAFailedStatus(CapturedOutput output) throws Exception {
        HttpResponse<String> response = post("/api/messages?to=" + LIMITED_RECIPIENT + "&name=Jonas");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String messageId = JSON.readTree(response.body()).get("messageId").asText();

        assertThat(sandbox.awaitStatuses(1, Duration.ofSeconds(10)))
                .extracting(DeliveredStatus::status).containsExactly("failed");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("status=failed message=" + messageId + " routedVia=- error=131049"));
        assertThat(statusLines(output)).noneMatch(line -> line.contains(LIMITED_RECIPIENT));
    }

    @Test
    void invalidRequestIsRefusedWithoutCallingTheGraphApi() throws Exception {
        HttpResponse<String> response = post("/api/messages?name=NoRecipient");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText())
                .isEqualTo("WhatsAppMarketingValidationException");
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void readyWithTheWhatsAppHealthCheckUp() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    }

    private static List<String> statusLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("status=")).toList();
    }

    private HttpResponse<String> post(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
