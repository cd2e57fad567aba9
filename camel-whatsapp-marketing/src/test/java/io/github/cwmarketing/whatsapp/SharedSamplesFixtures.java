package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Proper JSON versions of the shared {@code .jsonc} syntax files, under {@code src/test/resources/webhook}.
 */
public final class SharedSamplesFixtures {

    private SharedSamplesFixtures() {
    }

    public static byte[] errorsValueLevel() {
        return resource("/webhook/errors-value-level.json");
    }

    public static byte[] userActionsLinkClick() {
        return resource("/webhook/user-actions-link-click.json");
    }

    private static byte[] resource(String name) {
        try (InputStream in = SharedSamplesFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
