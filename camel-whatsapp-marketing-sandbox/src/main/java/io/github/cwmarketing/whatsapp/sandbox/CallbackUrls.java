package io.github.cwmarketing.whatsapp.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** Checks that webhook callback URLs can be POSTed to. */
final class CallbackUrls {

    private CallbackUrls() {
    }

    static URI requireHttp(URI url) {
        Objects.requireNonNull(url, "callbackUrl");
        String scheme = url.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException("The callback URL must be an absolute http(s) URL: " + url);
        }
        return url;
    }

    /** An unmodifiable copy of {@code urls}, each checked. */
    static List<URI> requireHttp(List<URI> urls) {
        Objects.requireNonNull(urls, "callbackUrls");
        urls.forEach(CallbackUrls::requireHttp);
        return List.copyOf(urls);
    }
}
