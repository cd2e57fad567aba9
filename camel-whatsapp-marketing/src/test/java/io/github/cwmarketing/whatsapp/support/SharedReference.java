package io.github.cwmarketing.whatsapp.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference folder beside the project's root (Meta's OpenAPI spec, webhook samples).
 */
public final class SharedReference {

    private SharedReference() {
    }

    public static Path dir() {
        String configured = System.getProperty("shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Shared reference folder not found at " + dir.toAbsolutePath()
                                            + " (set -Dshared.dir)");
        }
        return dir;
    }

    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }
}
