package io.github.cwmarketing.whatsapp.operations;

import java.nio.charset.StandardCharsets;

/**
 * A provider-neutral call on a Graph API node: {@code GET /<nodeId>?fields=<fields>} or {@code POST /<nodeId>} with a
 * JSON body. The endpoint turns it into a full request (base URI, API version, authorisation).
 *
 * @param method GET or POST
 * @param nodeId the template or WhatsApp Business Account id (validated digits)
 * @param fields the {@code fields} query parameter of a GET, else null
 * @param json   the JSON body of a POST, else null
 */
public record GraphApiCall(String method, String nodeId, String fields, byte[] json) {

    public static GraphApiCall get(String nodeId, String fields) {
        return new GraphApiCall("GET", nodeId, fields, null);
    }

    public static GraphApiCall post(String nodeId, byte[] json) {
        return new GraphApiCall("POST", nodeId, null, json);
    }

    /** For DEBUG logs: method, node, fields or body; never anything secret (there is nothing secret here). */
    @Override
    public String toString() {
        return method + " /" + nodeId + (fields == null ? "" : "?fields=" + fields)
               + (json == null ? "" : " " + new String(json, StandardCharsets.UTF_8));
    }
}
