package io.github.cwmarketing.whatsapp.metareference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads this module's classpath resources. */
final class Resources {

    static final String ROOT = "/META-INF/camel-whatsapp-marketing-meta-reference/";

    private Resources() {
    }

    static byte[] read(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
