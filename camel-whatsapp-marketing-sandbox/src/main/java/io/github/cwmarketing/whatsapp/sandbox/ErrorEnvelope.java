package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Meta's synchronous error envelope: {@code {"error":{"message","type","code","error_subcode","error_data":
 * {"messaging_product","details"},"fbtrace_id"}}} ({@code error_subcode} only when the error has one), with the same
 * {@code fbtrace_id} in the {@code x-fb-trace-id} header.
 */
final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    static GraphResponse response(WhatsAppError error) {
        return response(error, error.details());
    }

    static GraphResponse response(WhatsAppError error, String details) {
        return response(error, error.message(), details);
    }

    /** The envelope of {@code error} with another {@code error.message}, for Meta's messages that name values. */
    static GraphResponse response(WhatsAppError error, String message, String details) {
        String fbtraceId = GraphIds.fbtraceId();
        ObjectNode body = Json.object();
        ObjectNode fields = body.putObject("error");
        fields.put("message", message);
        fields.put("type", error.type());
        fields.put("code", error.code());
        if (error.subcode() != 0) {
            fields.put("error_subcode", error.subcode());
        }
        ObjectNode errorData = fields.putObject("error_data");
        errorData.put("messaging_product", "whatsapp");
        errorData.put("details", details);
        fields.put("fbtrace_id", fbtraceId);
        return GraphResponse.json(error.httpStatus(), Json.write(body)).withHeader("x-fb-trace-id", fbtraceId);
    }

    /** Meta's answer to a request on an id that does not exist or does not support the request (code 100/33). */
    static GraphResponse unknownObject(String method, String objectId, String details) {
        return response(WhatsAppError.UNKNOWN_OBJECT, "Unsupported " + method.toLowerCase(Locale.ROOT)
                + " request. Object with ID '" + objectId + "' does not exist, cannot be loaded due to missing "
                + "permissions, or does not support this operation. Please read the Graph API documentation at "
                + "https://developers.facebook.com/docs/graph-api", details);
    }
}
