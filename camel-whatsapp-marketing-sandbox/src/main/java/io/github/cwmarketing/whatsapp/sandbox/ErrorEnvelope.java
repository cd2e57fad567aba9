package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Meta's synchronous error envelope: {@code {"error":{"message","type","code","error_data":{"messaging_product",
 * "details"},"fbtrace_id"}}}, with the same {@code fbtrace_id} in the {@code x-fb-trace-id} header.
 */
final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    static GraphResponse response(WhatsAppError error) {
        return response(error, error.details());
    }

    static GraphResponse response(WhatsAppError error, String details) {
        String fbtraceId = GraphIds.fbtraceId();
        ObjectNode body = Json.object();
        ObjectNode fields = body.putObject("error");
        fields.put("message", error.message());
        fields.put("type", error.type());
        fields.put("code", error.code());
        ObjectNode errorData = fields.putObject("error_data");
        errorData.put("messaging_product", "whatsapp");
        errorData.put("details", details);
        fields.put("fbtrace_id", fbtraceId);
        return GraphResponse.json(error.httpStatus(), Json.write(body)).withHeader("x-fb-trace-id", fbtraceId);
    }
}
