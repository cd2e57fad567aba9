package io.github.cwmarketing.whatsapp.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response of the sandbox, independent of WireMock.
 *
 * @param status  HTTP status
 * @param body    JSON body
 * @param headers response headers
 */
record GraphResponse(int status, String body, Map<String, String> headers) {

    GraphResponse {
        headers = Map.copyOf(headers);
    }

    static GraphResponse json(int status, String body) {
        return new GraphResponse(status, body, Map.of());
    }

    GraphResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new GraphResponse(status, body, copy);
    }

    GraphResponse withHeaderIfAbsent(String name, String value) {
        return headers.containsKey(name) ? this : withHeader(name, value);
    }
}
