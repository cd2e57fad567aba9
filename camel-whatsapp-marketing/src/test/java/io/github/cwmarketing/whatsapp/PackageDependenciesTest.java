package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's packages depend on each other one way only, as their package-info files say: the root package uses
 * the sub-packages, no sub-package imports the root package, and {@code model} imports nothing of the component.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/cwmarketing/whatsapp");
    private static final String ROOT = "";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.cwmarketing\\.whatsapp\\.(\\w+)\\.",
            Pattern.MULTILINE);
    private static final Pattern ROOT_IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.cwmarketing\\.whatsapp\\.[A-Z]",
            Pattern.MULTILINE);

    /** What each sub-package may import of the component. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("util", Set.of()),
            Map.entry("spi", Set.of("model")),
            Map.entry("http", Set.of("model")),
            Map.entry("send", Set.of("model", "util")),
            Map.entry("operations", Set.of("model", "util")),
            Map.entry("pipeline", Set.of("http", "model", "spi", "util")),
            Map.entry("pacing", Set.of("pipeline", "model")),
            Map.entry("webhook", Set.of("model", "spi", "util")),
            Map.entry("ledger", Set.of("model")),
            Map.entry("metrics", Set.of("model", "spi")),
            Map.entry("report", Set.of("ledger", "model")));

    @Test
    void subPackagesDependOneWayAndNeverOnTheRootPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString();
                if (pkg.equals(ROOT)) {
                    continue;
                }
                String source = Files.readString(file);
                Set<String> allowed = ALLOWED.get(pkg);
                assertThat(allowed).as("package %s has rules here", pkg).isNotNull();
                if (ROOT_IMPORT.matcher(source).find()) {
                    violations.add(file.getFileName() + " (" + pkg + ") imports the root package");
                }
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    String target = imported.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(file.getFileName() + " (" + pkg + ") imports " + target);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            assertThat(dirs.filter(Files::isDirectory))
                    .allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).exists());
        }
    }
}
