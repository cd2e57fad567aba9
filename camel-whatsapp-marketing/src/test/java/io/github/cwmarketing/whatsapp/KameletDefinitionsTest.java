package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets in the jar, as Kamelet catalogs and tools read them: the names and properties of issue 16, the secrets
 * marked as camel-kamelets marks them, every property used by the template and every template placeholder a property,
 * and a dependency on this very version of the component.
 */
class KameletDefinitionsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z]+)}}");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "whatsapp-marketing-sink; sink; accessToken,phoneNumberId,templateName,templateLanguage,productPolicy,"
            + "messageActivitySharing,baseUri; accessToken; accessToken,phoneNumberId",
            "whatsapp-marketing-status-source; source; appSecret,verifyToken,webhookPath; appSecret,verifyToken;"
            + " appSecret,verifyToken" })
    void theKameletIsDefinedAsTheIssueSays(String name, String type, String properties, String secrets, String required)
            throws IOException {
        JsonNode kamelet = read("kamelets/" + name + ".kamelet.yaml");
        JsonNode definition = kamelet.path("spec").path("definition");

        assertThat(kamelet.path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
        assertThat(kamelet.path("kind").asText()).isEqualTo("Kamelet");
        assertThat(kamelet.path("metadata").path("name").asText()).isEqualTo(name);
        assertThat(kamelet.path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText())
                .isEqualTo(type);
        assertThat(kamelet.path("metadata").path("annotations").path("camel.apache.org/kamelet.icon").asText())
                .startsWith("data:image/svg+xml;base64,");
        assertThat(definition.path("title").asText()).isNotBlank();
        assertThat(definition.path("description").asText()).isNotBlank();
        assertThat(names(definition.path("properties"))).containsExactlyInAnyOrder(properties.split(","));
        assertThat(definition.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(required.trim().split(","));
        definition.path("properties").properties().forEach(property -> {
            JsonNode schema = property.getValue();
            boolean secret = Set.of(secrets.split(",")).contains(property.getKey());
            assertThat(schema.path("title").asText()).as(property.getKey()).isNotBlank();
            assertThat(schema.path("description").asText()).as(property.getKey()).isNotBlank();
            assertThat(schema.path("format").asText()).as("%s is a password", property.getKey())
                    .isEqualTo(secret ? "password" : "");
            assertThat(schema.path("x-descriptors").toString().contains("urn:camel:group:credentials"))
                    .as("%s is in the credentials group", property.getKey()).isEqualTo(secret);
        });
    }

    @ParameterizedTest
    @CsvSource({ "whatsapp-marketing-sink", "whatsapp-marketing-status-source" })
    void theTemplateUsesExactlyTheProperties(String name) throws IOException {
        JsonNode kamelet = read("kamelets/" + name + ".kamelet.yaml");
        Set<String> used = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(kamelet.path("spec").path("template").toString());
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }

        assertThat(used).containsExactlyInAnyOrderElementsOf(names(kamelet.path("spec").path("definition")
                .path("properties")));
    }

    @ParameterizedTest
    @CsvSource({ "whatsapp-marketing-sink", "whatsapp-marketing-status-source" })
    void theKameletDependsOnThisVersionOfTheComponent(String name) throws IOException {
        Properties version = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("io/github/cwmarketing/whatsapp/http/version.properties")) {
            version.load(in);
        }
        JsonNode dependencies = read("kamelets/" + name + ".kamelet.yaml").path("spec").path("dependencies");

        assertThat(version.getProperty("version")).doesNotContain("$").isNotBlank();
        assertThat(dependencies).extracting(JsonNode::asText).contains("camel:kamelet", "camel:jackson",
                "mvn:io.github.cwmarketing:camel-whatsapp-marketing:" + version.getProperty("version"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            names.add(field.getKey());
        }
        return names;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return YAML.readTree(in);
        }
    }
}
