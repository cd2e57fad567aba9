package io.github.cwmarketing.whatsapp.sandbox.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code block of the documentation marked as a snippet is, character for character, a region of a source file
 * that the build compiles and runs (usually a test). A Markdown block is marked by the line before its fence,
 * {@code <!-- snippet: path/from/the/repository/root#region -->}; an AsciiDoc block by the line before its
 * {@code [source]}, {@code // snippet: path#region}. The region is the lines between {@code snippet:start region} and
 * {@code snippet:end region} comments (any comment syntax), without their common indentation.
 */
class DocsSnippetsTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules");
    private static final Pattern MARKER = Pattern.compile("^(?:<!--|//) snippet: (\\S+)#(\\S+?)(?: -->)?$");

    record Snippet(Path doc, int line, Path source, String region, String code) {
    }

    @Test
    void everyMarkedSnippetIsItsSourceRegion() throws IOException {
        List<Snippet> snippets = snippets();

        assertThat(snippets).as("the marked snippets of the documentation")
                .extracting(snippet -> REPOSITORY.relativize(snippet.doc()).toString())
                .contains("docs/sandbox.md");
        for (Snippet snippet : snippets) {
            assertThat(snippet.code())
                    .as("%s:%d, snippet %s of %s", REPOSITORY.relativize(snippet.doc()), snippet.line(), snippet.region(),
                            snippet.source())
                    .isEqualTo(region(snippet.source(), snippet.region()));
        }
    }

    @Test
    void aRegionIsTheLinesBetweenItsMarkersWithoutTheirCommonIndentation() throws IOException {
        Path source = Files.createTempFile("snippet", ".java");
        Files.writeString(source, "class A {\n    // snippet:start r\n    void a() {\n    }\n\n    // snippet:end r\n}\n");

        assertThat(region(source, "r")).isEqualTo("void a() {\n}\n\n");
        Files.delete(source);
    }

    private static List<Snippet> snippets() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            for (Path doc : files.filter(DocsSnippetsTest::isDocumentation).sorted().toList()) {
                List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher marker = MARKER.matcher(lines.get(i).trim());
                    if (marker.matches()) {
                        snippets.add(new Snippet(doc, i + 1, REPOSITORY.resolve(marker.group(1)), marker.group(2),
                                codeBlockAfter(doc, lines, i)));
                    }
                }
            }
        }
        return snippets;
    }

    private static boolean isDocumentation(Path file) {
        for (Path part : REPOSITORY.relativize(file)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return name.endsWith(".md") || name.endsWith(".adoc");
    }

    /** The code block right after the marker: a Markdown fence, or an AsciiDoc {@code [source]} + {@code ----}. */
    private static String codeBlockAfter(Path doc, List<String> lines, int marker) {
        int open = marker + 1;
        String fence;
        if (open < lines.size() && lines.get(open).startsWith("```")) {
            fence = "```";
        } else if (open + 1 < lines.size() && lines.get(open).startsWith("[source") && lines.get(open + 1).equals("----")) {
            open++;
            fence = "----";
        } else {
            throw new AssertionError(doc + ":" + (marker + 1) + ": a snippet marker must stand right before its code block");
        }
        StringBuilder code = new StringBuilder();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals(fence)) {
                return code.toString();
            }
            code.append(lines.get(i)).append('\n');
        }
        throw new AssertionError(doc + ":" + (open + 1) + ": the code block is not closed");
    }

    private static String region(Path source, String name) throws IOException {
        assertThat(source).as("the source of snippet " + name).isRegularFile();
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = markerLine(lines, "snippet:start " + name, source);
        int end = markerLine(lines, "snippet:end " + name, source);
        List<String> region = lines.subList(start + 1, end);
        int indentation = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder code = new StringBuilder();
        region.forEach(line -> code.append(line.isBlank() ? "" : line.substring(indentation)).append('\n'));
        return code.toString();
    }

    private static int markerLine(List<String> lines, String marker, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().endsWith(marker)) {
                return i;
            }
        }
        throw new AssertionError(source + " has no '" + marker + "' line");
    }
}
