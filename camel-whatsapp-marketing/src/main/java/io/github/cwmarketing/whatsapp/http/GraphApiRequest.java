package io.github.cwmarketing.whatsapp.http;

import java.net.URI;
import java.util.Map;

/**
 * One Graph API call: method, absolute URI, extra headers (authorisation) and, for POST, the JSON body bytes.
 */
public record GraphApiRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public static GraphApiRequest post(URI uri, Map<String, String> headers, byte[] json) {
        return new GraphApiRequest("POST", uri, headers, json);
    }

    public static GraphApiRequest get(URI uri, Map<String, String> headers) {
        return new GraphApiRequest("GET", uri, headers, null);
    }

    /** The method, URI and the names of the headers: their values hold the secret, the body a phone number. */
    @Override
    public String toString() {
        return "GraphApiRequest[" + method + " " + uri + ", headers " + headers.keySet() + "]";
    }
}
