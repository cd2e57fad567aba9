package io.github.cwmarketing.whatsapp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * Validates what the producer sends against Meta's OpenAPI spec (loaded once per test JVM), allowing the spec's known
 * gaps: {@code recipient} (BSUID), {@code bid_spec}, {@code biz_opaque_callback_data}, and button indexes "0"-"9".
 */
public final class MetaOpenApi {

    private static final String SPEC = "meta/business-messaging-api_v23.0.yaml";
    private static final String PAYLOAD_SCHEMA = "#/components/schemas/MarketingMessageRequestPayload";
    private static final String PLACEHOLDER_TO = "10000000000";
    private static final String SPEC_VALID_BUTTON_INDEX = "2";
    private static final Pattern USER_AGENT = Pattern.compile(
            "^[a-zA-Z0-9\\-_]+/[0-9]+\\.[0-9]+\\.[0-9]+(;[a-zA-Z0-9\\-=.]+)?(\\s+[a-zA-Z0-9\\-_]+/[0-9\\-.]+)?$");
    private static final Pattern AUTHORIZATION = Pattern.compile("^Bearer\\s+[A-Za-z0-9\\-_.]+.*$");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Schema payloadSchema;

    private MetaOpenApi() {
    }

    /** The violations of the request body; empty when it is valid. */
    public static List<String> payloadViolations(String json) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(json);
            allowKnownGaps(payload);
            List<String> violations = new ArrayList<>();
            for (Error error : payloadSchema().validate(payload)) {
                violations.add(error.toString());
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of the request headers the spec defines for the endpoint. */
    public static List<String> headerViolations(String contentType, String authorization, String userAgent) {
        List<String> violations = new ArrayList<>();
        if (!"application/json".equals(contentType)) {
            violations.add("Content-Type must be exactly application/json, was " + contentType);
        }
        if (authorization == null || !AUTHORIZATION.matcher(authorization).matches()) {
            violations.add("Authorization does not match the spec's Bearer pattern");
        }
        if (userAgent != null && !USER_AGENT.matcher(userAgent).matches()) {
            violations.add("User-Agent does not match the spec's pattern: " + userAgent);
        }
        return violations;
    }

    private static void allowKnownGaps(ObjectNode payload) {
        boolean bsuidOnly = !payload.has("to") && payload.has("recipient");
        payload.remove(List.of("recipient", "bid_spec", "biz_opaque_callback_data"));
        if (bsuidOnly) {
            payload.put("to", PLACEHOLDER_TO);
        }
        for (JsonNode component : payload.path("template").path("components")) {
            normaliseButtonIndex(component);
            for (JsonNode card : component.path("cards")) {
                for (JsonNode cardComponent : card.path("components")) {
                    normaliseButtonIndex(cardComponent);
                }
            }
        }
    }

    private static void normaliseButtonIndex(JsonNode component) {
        if (component.has("index") && component.get("index").asText().matches("[0-9]")) {
            ((ObjectNode) component).put("index", SPEC_VALID_BUTTON_INDEX);
        }
    }

    private static Schema payloadSchema() throws IOException {
        if (payloadSchema == null) {
            synchronized (MetaOpenApi.class) {
                if (payloadSchema == null) {
                    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(SharedReference.resolve(SPEC).toFile());
                    ObjectNode root = JSON.createObjectNode();
                    root.put("$ref", PAYLOAD_SCHEMA);
                    root.set("components", spec.get("components"));
                    payloadSchema = SchemaRegistry.withDialect(Dialects.getOpenApi31()).getSchema(root);
                }
            }
        }
        return payloadSchema;
    }
}
