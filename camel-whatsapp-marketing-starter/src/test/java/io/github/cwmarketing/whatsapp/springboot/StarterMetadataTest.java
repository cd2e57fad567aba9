package io.github.cwmarketing.whatsapp.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the starter and the component from drifting apart: every option of the component descriptor
 * ({@code componentProperties} of {@code whatsapp-marketing.json}) has a property in the
 * {@code spring-configuration-metadata.json} that {@code spring-boot-configuration-processor} generated, with the same
 * description, a matching type and the same default; and the starter has no property the component does not know.
 */
class StarterMetadataTest {

    private static final String PREFIX = "camel.component.whatsapp-marketing.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Defaults the component descriptor gets wrong. Camel's tooling writes {@code false} for every boolean option
     * without a default, but {@code messageActivitySharing} is a nullable Boolean whose unset state means "omit the
     * field and let the WhatsApp Business Account setting apply"; the starter keeps it unset.
     */
    private static final Set<String> DESCRIPTOR_DEFAULT_IS_WRONG = Set.of("messageActivitySharing");

    /** Properties of the auto-configuration layer, not options of the component. */
    private static final Set<String> STARTER_ONLY = Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled");

    private static JsonNode componentOptions;
    private static Map<String, JsonNode> starterProperties;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = StarterMetadataTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/cwmarketing/whatsapp/whatsapp-marketing.json")) {
            assertThat(in).as("component descriptor on the classpath").isNotNull();
            componentOptions = JSON.readTree(in).get("componentProperties");
        }
        starterProperties = new HashMap<>();
        for (URL url : Collections.list(StarterMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : JSON.readTree(in).path("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith(PREFIX)) {
                        starterProperties.put(name, property);
                    }
                }
            }
        }
        assertThat(starterProperties).as("the starter's generated metadata is on the classpath").isNotEmpty();
    }

    @Test
    void everyComponentOptionHasAPropertyWithItsDescription() {
        List<String> missing = new ArrayList<>();
        componentOptions.fields().forEachRemaining(option -> {
            JsonNode property = starterProperties.get(propertyName(option.getKey()));
            if (property == null) {
                missing.add(option.getKey());
                return;
            }
            String description = property.path("description").asText("");
            assertThat(description).as("description of %s", property.get("name").asText()).isNotBlank();
            assertThat(normalise(description)).as("description of %s", option.getKey())
                    .startsWith(normalise(option.getValue().get("description").asText()));
        });
        assertThat(missing).as("component options without a camel.component.whatsapp-marketing.* property").isEmpty();
    }

    @Test
    void everyPropertyIsAComponentOptionOrAStarterSwitch() {
        Set<String> expected = new TreeSet<>(STARTER_ONLY);
        componentOptions.fieldNames().forEachRemaining(name -> expected.add(propertyName(name)));
        assertThat(new TreeSet<>(starterProperties.keySet())).isEqualTo(expected);
        STARTER_ONLY.forEach(name -> {
            assertThat(starterProperties.get(name).path("description").asText()).as(name).isNotBlank();
            assertThat(starterProperties.get(name).path("defaultValue").asBoolean(false)).as(name).isTrue();
        });
    }

    @Test
    void everySecretOptionIsMaskedInActuator() {
        List<String> unmasked = new ArrayList<>();
        componentOptions.fields().forEachRemaining(option -> {
            if (option.getValue().path("secret").asBoolean(false)
                    && !WhatsAppMarketingSanitizingFunction.isSecret(propertyName(option.getKey()))) {
                unmasked.add(option.getKey());
            }
        });
        assertThat(unmasked).isEmpty();
    }

    @Test
    void typesMatch() {
        componentOptions.fields().forEachRemaining(option -> {
            JsonNode meta = option.getValue();
            String expected = switch (meta.get("type").asText()) {
                case "duration" -> "java.time.Duration";
                default -> switch (meta.get("javaType").asText()) {
                    case "boolean" -> "java.lang.Boolean";
                    case "int" -> "java.lang.Integer";
                    case "long" -> "java.lang.Long";
                    default -> meta.get("javaType").asText();
                };
            };
            assertThat(starterProperties.get(propertyName(option.getKey())).get("type").asText())
                    .as("type of %s", option.getKey()).isEqualTo(expected);
        });
    }

    @Test
    void defaultsMatch() {
        componentOptions.fields().forEachRemaining(option -> {
            String name = option.getKey();
            JsonNode expected = option.getValue().get("defaultValue");
            JsonNode actual = starterProperties.get(propertyName(name)).get("defaultValue");
            if (DESCRIPTOR_DEFAULT_IS_WRONG.contains(name)) {
                assertThat(actual).as("default of %s (unset on purpose)", name).isNull();
                return;
            }
            if (expected == null) {
                assertThat(actual).as("default of %s", name).isNull();
            } else if ("duration".equals(option.getValue().get("type").asText())) {
                assertThat(actual).as("default of %s", name).isNotNull();
                assertThat(DurationStyle.detectAndParse(actual.asText()))
                        .as("default of %s", name).isEqualTo(camelDuration(expected.asText()));
            } else if ("enum".equals(option.getValue().get("type").asText())) {
                // the configuration processor writes enum defaults in lower case; binding is case-insensitive
                assertThat(actual).as("default of %s", name).isNotNull();
                assertThat(actual.asText()).as("default of %s", name).isEqualToIgnoringCase(expected.asText());
            } else {
                assertThat(actual).as("default of %s", name).isNotNull();
                assertThat(actual.asText()).as("default of %s", name).isEqualTo(expected.asText());
            }
        });
    }

    private static Duration camelDuration(String value) {
        return Duration.ofMillis(org.apache.camel.util.TimeUtils.toMilliSeconds(value));
    }

    private static String propertyName(String option) {
        return PREFIX + StringHelper.camelCaseToDash(option);
    }

    /** Camel's tooling drops some characters ('+') from descriptions; compare words and punctuation only. */
    private static String normalise(String description) {
        return description.replace("+", " ").replaceAll("\\s+", " ").trim();
    }
}
