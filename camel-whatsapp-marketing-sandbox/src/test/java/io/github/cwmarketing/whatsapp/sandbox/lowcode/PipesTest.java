package io.github.cwmarketing.whatsapp.sandbox.lowcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.sandbox.DeliveredStatus;
import io.github.cwmarketing.whatsapp.sandbox.SentMessage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The Pipes of docs/low-code.md, loaded as they are ({@code lowcode/*-pipe.yaml}): Kafka records become marketing
 * messages through {@code whatsapp-marketing-sink}, and the statuses come back through
 * {@code whatsapp-marketing-status-source} into another topic; the secrets and the broker address are
 * {@code camel.kamelet.*} properties ({@code lowcode/pipes.properties}). The Kafka Kamelets are stand-ins of the test
 * classpath with the same names and properties, on seda queues.
 */
class PipesTest extends LowCodeTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Properties placeholders(WhatsAppSandbox sandbox) {
        Properties properties = super.placeholders(sandbox);
        properties.setProperty("kafka.bootstrap-servers", "localhost:9092");
        // as docs/low-code.md says to point the sink Kamelet of a Pipe at the sandbox
        properties.setProperty("camel.kamelet.whatsapp-marketing-sink.baseUri", sandbox.baseUri().toString());
        return properties;
    }

    @Override
    protected void loadRoutes() throws Exception {
        context.getPropertiesComponent().setLocation("classpath:lowcode/pipes.properties");
        load("lowcode/campaign-pipe.yaml");
        load("lowcode/statuses-pipe.yaml");
    }

    @Test
    void aKafkaRecordBecomesAMessageAndItsStatusesARecordEach(WhatsAppSandbox sandbox) throws Exception {
        // as a Kafka record arrives: the JSON value as bytes, the recipient in a header (bytes too)
        template.sendBodyAndHeader("seda:campaign-messages",
                "{\"first_name\":\"Maria\"}".getBytes(StandardCharsets.UTF_8),
                "to", "4915112345671".getBytes(StandardCharsets.UTF_8));

        assertThat(sandbox.awaitStatuses(3, Duration.ofSeconds(10))).extracting(DeliveredStatus::status)
                .containsExactly("sent", "delivered", "read");
        SentMessage sent = sandbox.sentMessages().get(0);
        assertThat(sent.recipient()).isEqualTo("4915112345671");
        assertThat(sent.templateName()).isEqualTo("autumn_offer");
        assertThat(sent.productPolicy()).isEqualTo("STRICT");
        assertThat(JSON.readTree(sent.requestJson()).path("template").path("components").get(0).path("parameters")
                .get(0).path("text").asText()).isEqualTo("Maria");

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Exchange record = consumer.receive("seda:whatsapp-statuses", 5_000);
            assertThat(record).as("status record %d", i + 1).isNotNull();
            JsonNode status = JSON.readTree(record.getMessage().getBody(String.class));
            assertThat(status.path("id").asText()).isEqualTo(sent.wamid());
            assertThat(record.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo(sent.wamid());
            statuses.add(status.path("status").asText());
        }
        assertThat(statuses).containsExactly("sent", "delivered", "read");
    }

    /**
     * Why the secrets and ids are {@code camel.kamelet.*} properties: Camel 4.18's YAML DSL URL-encodes a Pipe's
     * properties and nothing decodes them (CAMEL-23594, fixed after 4.18), so a placeholder there is not resolved.
     * When this test fails, Camel fixed it: docs/low-code.md may then put placeholders into the Pipe.
     */
    @Test
    void aPlaceholderInAPipesOwnPropertiesIsNotResolvedInCamel418(WhatsAppSandbox sandbox) throws Exception {
        context.getPropertiesComponent().addInitialProperty("campaign.template", "autumn_offer");
        load("canary-pipe.yaml", """
                apiVersion: camel.apache.org/v1
                kind: Pipe
                metadata:
                  name: canary
                spec:
                  source:
                    uri: direct:canary
                  sink:
                    ref:
                      kind: Kamelet
                      apiVersion: camel.apache.org/v1
                      name: whatsapp-marketing-sink
                    properties:
                      templateName: "{{campaign.template}}"
                      templateLanguage: en
                """);

        template.sendBodyAndHeader("direct:canary", null, "to", "4915112345672");

        assertThat(sandbox.sentMessages()).extracting(SentMessage::templateName)
                .singleElement().asString().isNotEqualTo("autumn_offer").contains("campaign.template");
    }
}
