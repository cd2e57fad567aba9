package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Works around the known gaps of Meta's {@code MarketingMessageRequestPayload} schema: returns a copy of the request
 * that the schema judges as Meta's API does.
 * <ul>
 * <li>{@code recipient} (BSUID), {@code bid_spec} and {@code biz_opaque_callback_data} are accepted by the API but
 * missing from the schema ({@code additionalProperties: false}): removed ({@link ComponentRules} checks them);</li>
 * <li>{@code to} is optional when {@code recipient} is given: a placeholder {@code to} is set;</li>
 * <li>button {@code index} "0"-"9" (or 0-9) is right, the schema's pattern {@code ^[2-6, 11-14]$} is not: a valid index
 * is replaced by one the pattern accepts;</li>
 * <li>{@code language.policy} is required by the schema but omitted by Meta's own examples: added when absent;</li>
 * <li>button sub-types and component types the API documents but the schema lacks ({@code copy_code}, {@code flow},
 * {@code mpm}; {@code limited_time_offer}, {@code carousel}) are mapped to a listed one or removed.</li>
 * </ul>
 */
final class SpecGapNormalizer {

    static final Set<String> FIELDS_MISSING_FROM_SCHEMA = Set.of("recipient", "bid_spec", "biz_opaque_callback_data");
    private static final String PLACEHOLDER_TO = "0";
    private static final String INDEX_THE_SCHEMA_ACCEPTS = "2";
    private static final String POLICY = "deterministic";
    private static final Set<String> SUB_TYPES_MISSING_FROM_SCHEMA = Set.of("copy_code", "flow", "mpm");
    private static final String SUB_TYPE_THE_SCHEMA_ACCEPTS = "url";
    private static final Set<String> COMPONENT_TYPES_MISSING_FROM_SCHEMA = Set.of("limited_time_offer", "carousel");

    JsonNode normalize(JsonNode request) {
        if (!request.isObject()) {
            return request;
        }
        ObjectNode copy = (ObjectNode) request.deepCopy();
        if (!copy.has("to") && copy.path("recipient").isTextual()) {
            copy.put("to", PLACEHOLDER_TO);
        }
        copy.remove(FIELDS_MISSING_FROM_SCHEMA);
        JsonNode template = copy.path("template");
        if (template.isObject()) {
            normalizeLanguage(template.path("language"));
            normalizeComponents(template.path("components"));
        }
        return copy;
    }

    private static void normalizeLanguage(JsonNode language) {
        if (language.isObject() && !language.has("policy")) {
            ((ObjectNode) language).put("policy", POLICY);
        }
    }

    private static void normalizeComponents(JsonNode components) {
        if (!components.isArray()) {
            return;
        }
        for (Iterator<JsonNode> it = ((ArrayNode) components).iterator(); it.hasNext(); ) {
            JsonNode component = it.next();
            if (COMPONENT_TYPES_MISSING_FROM_SCHEMA.contains(component.path("type").asText())) {
                it.remove();
            } else if (component.isObject()) {
                normalizeButton((ObjectNode) component);
            }
        }
    }

    private static void normalizeButton(ObjectNode component) {
        if (isValidButtonIndex(component.get("index"))) {
            component.put("index", INDEX_THE_SCHEMA_ACCEPTS);
        }
        if (SUB_TYPES_MISSING_FROM_SCHEMA.contains(component.path("sub_type").asText())) {
            component.put("sub_type", SUB_TYPE_THE_SCHEMA_ACCEPTS);
        }
    }

    static boolean isValidButtonIndex(JsonNode index) {
        if (index == null) {
            return false;
        }
        if (index.isIntegralNumber()) {
            return index.asInt() >= 0 && index.asInt() <= 9;
        }
        return index.isTextual() && index.asText().matches("[0-9]");
    }
}
