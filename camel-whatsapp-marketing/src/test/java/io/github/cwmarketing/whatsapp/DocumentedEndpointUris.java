package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The {@code whatsapp-marketing:} endpoint URIs of the repository's documentation (Markdown and AsciiDoc), its YAML
 * routes and the Kamelets: Java string literals (joined where a literal goes on with {@code + "..."}), inline code,
 * and YAML {@code uri:} keys with their {@code parameters:}, built into one URI as the YAML DSL does. A literal that
 * is a {@code String.format} template ({@code %s}) is left out.
 */
final class DocumentedEndpointUris {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules", "generated");
    private static final Pattern JAVA_LITERAL =
            Pattern.compile("\"(whatsapp-marketing:[^\"\\n]*)\"((?:\\s*\\+\\s*\"[^\"\\n]*\")*)");
    private static final Pattern CONTINUATION = Pattern.compile("\"([^\"\\n]*)\"");
    private static final Pattern INLINE_CODE = Pattern.compile("`(whatsapp-marketing:[A-Za-z]+(?:\\?[^`\\s]*)?)`");
    private static final Pattern YAML_BLOCK =
            Pattern.compile("(?ms)^(?:```ya?ml|\\[source,\\s*ya?ml[^\\]]*\\]\\n----)\\n(.*?)^(?:```|----)$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DocumentedEndpointUris() {
    }

    /** Each URI with where it was first found. */
    static Map<String, String> find() throws IOException {
        Map<String, String> uris = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            for (Path file : files.filter(DocumentedEndpointUris::isScanned).sorted().toList()) {
                String where = REPOSITORY.relativize(file).toString();
                String text = Files.readString(file);
                if (file.toString().endsWith(".yaml")) {
                    yamlUris(text, where).forEach(uri -> uris.putIfAbsent(uri, where));
                } else {
                    documentUris(text, where).forEach(uri -> uris.putIfAbsent(uri, where));
                }
            }
        }
        return uris;
    }

    private static boolean isScanned(Path file) {
        for (Path part : REPOSITORY.relativize(file)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        String path = file.toString();
        return name.endsWith(".md") || name.endsWith(".adoc")
               || name.endsWith(".yaml") && (path.contains("/src/main/resources/") || path.contains("/docs-snippets/")
                                             || path.contains("/placeholders/"));
    }

    private static List<String> documentUris(String text, String where) throws IOException {
        List<String> uris = new ArrayList<>();
        Matcher literal = JAVA_LITERAL.matcher(text);
        while (literal.find()) {
            StringBuilder uri = new StringBuilder(literal.group(1));
            Matcher continuation = CONTINUATION.matcher(literal.group(2));
            while (continuation.find()) {
                uri.append(continuation.group(1));
            }
            if (uri.indexOf("%s") < 0) { // a String.format template is completed by code, not by the reader
                uris.add(uri.toString());
            }
        }
        Matcher inline = INLINE_CODE.matcher(text);
        while (inline.find()) {
            uris.add(inline.group(1));
        }
        Matcher block = YAML_BLOCK.matcher(text);
        while (block.find()) {
            uris.addAll(yamlUris(block.group(1), where));
        }
        return uris;
    }

    private static List<String> yamlUris(String yaml, String where) throws IOException {
        List<String> uris = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                collect(document, uris);
            }
        } catch (IOException e) {
            throw new IOException("YAML of " + where + " does not parse", e);
        }
        return uris;
    }

    private static void collect(JsonNode node, List<String> uris) {
        if (node instanceof ObjectNode object && object.path("uri").asText("").startsWith("whatsapp-marketing:")) {
            StringBuilder uri = new StringBuilder(object.get("uri").asText());
            char separator = uri.indexOf("?") < 0 ? '?' : '&';
            for (Map.Entry<String, JsonNode> parameter : object.path("parameters").properties()) {
                uri.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue().asText());
                separator = '&';
            }
            uris.add(uri.toString());
        }
        node.forEach(child -> collect(child, uris));
    }
}
