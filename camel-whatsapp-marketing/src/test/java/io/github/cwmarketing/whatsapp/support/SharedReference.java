package io.github.cwmarketing.whatsapp.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference folder beside the project's root (Meta's OpenAPI spec, webhook samples). The build passes
 * {@code -Dshared.dir=<root>/../shared}; a checkout in a nested folder (e.g. a git worktree) finds the nearest
 * {@code shared} folder with a {@code meta} subfolder above the working directory instead.
 */
public final class SharedReference {

    private SharedReference() {
    }

    public static Path dir() {
        String configured = System.getProperty("shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        if (Files.isDirectory(dir)) {
            return dir;
        }
        for (Path parent = Path.of("").toAbsolutePath(); parent != null; parent = parent.getParent()) {
            Path candidate = parent.resolve("shared");
            if (Files.isDirectory(candidate.resolve("meta"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Shared reference folder not found at " + dir.toAbsolutePath()
                                        + " nor above the working directory (set -Dshared.dir)");
    }

    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }
}
