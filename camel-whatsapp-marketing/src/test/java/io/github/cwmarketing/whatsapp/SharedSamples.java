package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The webhook samples of the shared reference folder: {@code shared.dir} (set by surefire), else {@code ../../shared},
 * else a {@code shared} folder above the module (a git worktree beside the main checkout).
 */
public final class SharedSamples {

    private static final String SAMPLES = "reference/webhook-samples";

    private SharedSamples() {
    }

    public static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("shared.dir");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("../../shared"));
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared"));
        }
        return candidates.stream()
                .map(candidate -> candidate.resolve(SAMPLES))
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Webhook samples not found; set -Dshared.dir=<folder holding " + SAMPLES + ">. Tried "
                                                             + candidates));
    }

    public static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the complete webhook payloads among the samples (the fragment and syntax files excluded). */
    public static List<String> webhookPayloads() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .filter(name -> new String(read(name)).contains("\"whatsapp_business_account\""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
