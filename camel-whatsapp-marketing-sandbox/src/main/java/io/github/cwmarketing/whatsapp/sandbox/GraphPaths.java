package io.github.cwmarketing.whatsapp.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the handlers' path patterns share: the optional Graph API version that leads every path. */
final class GraphPaths {

    /** {@code /v23.0/} or just {@code /}; group 1 is the version when present. */
    static final String VERSION_PREFIX = "/(?:(v[0-9]+(?:\\.[0-9]+)?)/)?";

    private GraphPaths() {
    }

    /** The path of {@code request} matched against the handler's own pattern, which WireMock already applied. */
    static Matcher match(Pattern pattern, GraphRequest request) {
        Matcher path = pattern.matcher(request.path());
        if (!path.matches()) {
            throw new IllegalStateException("Unexpected path " + request.path());
        }
        return path;
    }

    /** The version of a path matched by a pattern starting with {@link #VERSION_PREFIX}; the default when none. */
    static String version(Matcher path) {
        return path.group(1) != null ? path.group(1) : WhatsAppSandbox.DEFAULT_API_VERSION;
    }
}
