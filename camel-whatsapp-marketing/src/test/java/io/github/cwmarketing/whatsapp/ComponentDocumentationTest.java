package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.AutomaticRetry;
import io.github.cwmarketing.whatsapp.model.MetaErrorCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the component documentation's option table and header tables from drifting away from the generated component
 * descriptor (which Camel's tooling builds from the {@code @UriParam}, {@code @Metadata} and constants annotations):
 * every option and header is documented, nothing documented is unknown, and a documented default is the real one.
 */
class ComponentDocumentationTest {

    private static final Path DOC = Path.of("src/main/docs/whatsapp-marketing-component.adoc");
    private static final Path ERRORS_AND_RETRIES = Path.of("../docs/errors-and-retries.md");
    /** Options every Camel component has, documented by Camel itself. */
    private static final Set<String> CAMEL_STANDARD = Set.of("bridgeErrorHandler", "lazyStartProducer",
            "autowiredEnabled", "exceptionHandler", "exchangePattern", "configuration", "operation");
    /** An option table row: {@code | `name`[, `name`] | type | default | meaning}. */
    private static final Pattern ROW = Pattern.compile("^\\| ((?:`\\w+`(?:, )?)+) \\|([^|]*)\\|([^|]*)\\|");
    private static final Pattern NAME = Pattern.compile("`(\\w+)`");

    private static String doc;
    private static Map<String, JsonNode> options;
    private static JsonNode headers;

    @BeforeAll
    static void load() throws IOException {
        doc = Files.readString(DOC);
        try (InputStream in = ComponentDocumentationTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/cwmarketing/whatsapp/whatsapp-marketing.json")) {
            JsonNode descriptor = new ObjectMapper().readTree(in);
            options = new LinkedHashMap<>();
            descriptor.get("componentProperties").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
            descriptor.get("properties").fields().forEachRemaining(e -> options.putIfAbsent(e.getKey(), e.getValue()));
            headers = descriptor.get("headers");
        }
    }

    @Test
    void theOptionTableDocumentsExactlyTheComponentsOptions() {
        Set<String> documented = new TreeSet<>(optionRows(section("== Options")).keySet());
        Set<String> real = new TreeSet<>(options.keySet());
        real.removeAll(CAMEL_STANDARD);

        assertThat(documented).as("documented options").containsExactlyInAnyOrderElementsOf(real);
    }

    @Test
    void documentedDefaultsAreTheRealOnes() {
        List<String> wrong = new ArrayList<>();
        optionRows(section("== Options")).forEach((name, declaredDefault) -> {
            JsonNode real = options.get(name).get("defaultValue");
            if (declaredDefault != null && real != null && !declaredDefault.equals(real.asText())) {
                wrong.add(name + ": documented " + declaredDefault + ", really " + real.asText());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyHeaderIsDocumented() {
        List<String> missing = new ArrayList<>();
        headers.fieldNames().forEachRemaining(header -> {
            if (!doc.contains("`" + header + "`")) {
                missing.add(header);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDocumentedHeaderExists() {
        Matcher mentioned = Pattern.compile("`(CamelWhatsAppMarketing\\w+)`").matcher(doc);
        Set<String> unknown = new TreeSet<>();
        while (mentioned.find()) {
            if (!headers.has(mentioned.group(1))) {
                unknown.add(mentioned.group(1));
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theDocumentedRetryRulesAreTheCodeTables() throws IOException {
        for (Path document : List.of(DOC, ERRORS_AND_RETRIES)) {
            String text = Files.readString(document);
            assertThat(documentedCodes(text, "refused")).as("refused codes in %s", document)
                    .isEqualTo(MetaErrorCodes.codes(AutomaticRetry.REFUSED));
            assertThat(documentedCodes(text, "server error")).as("server error codes in %s", document)
                    .isEqualTo(MetaErrorCodes.codes(AutomaticRetry.SERVER_ERROR));
        }
    }

    /** The codes of {@code <kind>: Graph API codes 1, 2, 3;}, once per document. */
    private static Set<Integer> documentedCodes(String text, String kind) {
        Matcher row = Pattern.compile("(?i)" + kind + "[*:\\s]+Graph API codes ([0-9, ]+);").matcher(text);
        assertThat(row.find()).as(kind).isTrue();
        Set<Integer> codes = new TreeSet<>();
        for (String code : row.group(1).split(",")) {
            codes.add(Integer.parseInt(code.trim()));
        }
        assertThat(row.find()).as("%s listed once", kind).isFalse();
        return codes;
    }

    /** The text of a section, from its heading to the next heading of the same level. */
    private static String section(String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = doc.indexOf("\n" + level, start + heading.length() + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    /** Option name → its documented default (a single backticked value), or null when none or not one value. */
    private static Map<String, String> optionRows(String table) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            String declared = row.group(3).trim();
            String value = names.size() == 1 && declared.matches("`[^`]+`") ? declared.substring(1, declared.length() - 1)
                    : null;
            names.forEach(option -> rows.put(option, value));
        }
        return rows;
    }
}
