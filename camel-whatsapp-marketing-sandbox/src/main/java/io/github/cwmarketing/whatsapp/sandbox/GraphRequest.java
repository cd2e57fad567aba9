package io.github.cwmarketing.whatsapp.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request to the sandbox, independent of WireMock.
 *
 * @param method  upper-case HTTP method
 * @param path    the URL path, without query
 * @param query   decoded query parameters by name (first value only)
 * @param headers header values by lower-case name (first value only)
 * @param body    the raw body bytes
 */
record GraphRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

    GraphRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The query parameter {@code name}, or {@code null}. */
    String queryParameter(String name) {
        return query.get(name);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
