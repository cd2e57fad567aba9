package io.github.cwmarketing.whatsapp.metareference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSamplesTest {

    private static final Path SOURCE_FOLDER = Path.of("src/main/resources" + WebhookSamples.FOLDER);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void namesEverySampleFileOfTheFolder() throws IOException {
        try (Stream<Path> files = Files.list(SOURCE_FOLDER)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("README.md")))
                    .containsExactlyInAnyOrderElementsOf(WebhookSamples.NAMES);
        }
    }

    @Test
    void theReadmeGivesTheProvenanceOfEverySample() {
        String readme = new String(Resources.read(WebhookSamples.README));
        assertThat(WebhookSamples.NAMES).allSatisfy(name -> assertThat(readme).contains("| " + name + " |"));
    }

    @Test
    void readsASampleFromTheClasspath() throws IOException {
        JsonNode sample = json.readTree(WebhookSamples.read("status-failed-131049.json"));

        assertThat(sample.at("/entry/0/changes/0/value/statuses/0/errors/0/code").asInt()).isEqualTo(131049);
    }

    @Test
    void statusPayloadsAreTheWholeWebhookBodiesWithStatuses() throws IOException {
        assertThat(WebhookSamples.statusPayloads()).containsExactly(
                "ASSEMBLED-status-sent-marketing_lite.json",
                "status-delivered-bsuid-parent-phone.json",
                "status-failed-131049.json",
                "status-sent-marketing-cloudapi.json");
        for (String name : WebhookSamples.statusPayloads()) {
            JsonNode payload = json.readTree(WebhookSamples.read(name));
            assertThat(payload.path("object").asText()).isEqualTo("whatsapp_business_account");
            assertThat(payload.findValues("statuses")).isNotEmpty();
        }
    }

    @Test
    void theDerivedSamplesAreJson() throws IOException {
        assertThat(json.readTree(WebhookSamples.read("errors-value-level.json")).findValues("errors")).isNotEmpty();
        assertThat(json.readTree(WebhookSamples.read("user-actions-link-click.json")).findValues("user_actions"))
                .isNotEmpty();
    }

    @Test
    void anUnknownSampleIsAnError() {
        assertThatThrownBy(() -> WebhookSamples.read("../openapi/LICENSE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No webhook sample ../openapi/LICENSE");
    }
}
