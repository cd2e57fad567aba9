package io.github.cwmarketing.whatsapp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import io.github.cwmarketing.whatsapp.metareference.MetaOpenApiSpec;

/**
 * Validates what the producer sends against Meta's OpenAPI spec ({@link MetaOpenApiSpec}, loaded once per test JVM), allowing the spec's known
 * gaps: {@code recipient} (BSUID), {@code bid_spec}, {@code biz_opaque_callback_data}, and button indexes "0"-"9".
 * {@link #requestViolations} checks any other operation of the spec (path, query and header parameters and the JSON
 * body against the operation's request body schema); {@link #schemaViolations} a JSON value against a named schema.
 */
public final class MetaOpenApi {

    private static final String PAYLOAD_SCHEMA = "#/components/schemas/MarketingMessageRequestPayload";
    private static final String PLACEHOLDER_TO = "10000000000";
    private static final String SPEC_VALID_BUTTON_INDEX = "2";
    private static final Pattern USER_AGENT = Pattern.compile(
            "^[a-zA-Z0-9\\-_]+/[0-9]+\\.[0-9]+\\.[0-9]+(;[a-zA-Z0-9\\-=.]+)?(\\s+[a-zA-Z0-9\\-_]+/[0-9\\-.]+)?$");
    private static final Pattern AUTHORIZATION = Pattern.compile("^Bearer\\s+[A-Za-z0-9\\-_.]+.*$");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Schema payloadSchema;
    private static volatile JsonNode spec;
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

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

    /** The violations of {@code json} against a named schema of the spec, e.g. {@code #/components/schemas/X}. */
    public static List<String> schemaViolations(String schemaRef, String json) {
        try {
            ObjectNode ref = JSON.createObjectNode().put("$ref", schemaRef);
            return violations(schema("ref:" + schemaRef, ref), JSON.readTree(json), "body");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The violations of a request to the operation {@code method specPath} of the spec (e.g. {@code GET
     * /{Version}/{WABA-ID}}): every declared path, query and header parameter (required ones present, values valid
     * against their schemas), query parameters the operation does not declare, and the JSON body against the
     * operation's request body schema. Header names are matched case-insensitively.
     */
    public static List<String> requestViolations(String specPath, String method, Map<String, String> pathParameters,
                                                 Map<String, String> queryParameters, Map<String, String> headers,
                                                 String body) {
        try {
            List<String> violations = new ArrayList<>();
            JsonNode pathItem = spec().path("paths").path(specPath);
            JsonNode operation = pathItem.path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                return List.of("the spec has no operation " + method + " " + specPath);
            }
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
                for (JsonNode parameter : declared) {
                    JsonNode resolved = resolve(parameter);
                    parameters.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
                }
            }
            Map<String, String> lowerCaseHeaders = new LinkedHashMap<>();
            headers.forEach((name, value) -> lowerCaseHeaders.put(name.toLowerCase(Locale.ROOT), value));
            for (Map.Entry<String, JsonNode> entry : parameters.entrySet()) {
                JsonNode parameter = entry.getValue();
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                String value = switch (in) {
                    case "path" -> pathParameters.get(name);
                    case "query" -> queryParameters.get(name);
                    case "header" -> lowerCaseHeaders.get(name.toLowerCase(Locale.ROOT));
                    default -> null;
                };
                if (value == null) {
                    if (parameter.path("required").asBoolean(false) || "path".equals(in)) {
                        violations.add(in + " parameter " + name + " is required");
                    }
                    continue;
                }
                String key = method + " " + specPath + " " + entry.getKey();
                violations.addAll(violations(schema(key, parameter.path("schema")), JSON.getNodeFactory().textNode(value),
                        in + " parameter " + name));
            }
            for (String query : queryParameters.keySet()) {
                if (!parameters.containsKey("query:" + query)) {
                    violations.add("query parameter " + query + " is not declared by " + method + " " + specPath);
                }
            }
            JsonNode requestBody = resolve(operation.path("requestBody"));
            if (body == null) {
                if (requestBody.path("required").asBoolean(false)) {
                    violations.add("the request body is required");
                }
            } else if (requestBody.isMissingNode()) {
                violations.add(method + " " + specPath + " declares no request body");
            } else {
                JsonNode bodySchema = requestBody.path("content").path("application/json").path("schema");
                violations.addAll(violations(schema(method + " " + specPath + " body", bodySchema), JSON.readTree(body),
                        "body"));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> violations(Schema schema, JsonNode value, String what) {
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            violations.add(what + ": " + error);
        }
        return violations;
    }

    private static JsonNode resolve(JsonNode node) throws IOException {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are supported: " + ref);
            }
            current = spec().at(ref.substring(1));
        }
        return current;
    }

    private static Schema schema(String key, JsonNode schemaNode) {
        return SCHEMAS.computeIfAbsent(key, ignored -> {
            try {
                ObjectNode root = schemaNode.deepCopy();
                root.set("components", spec().get("components"));
                return SchemaRegistry.withDialect(MetaOpenApiSpec.dialect()).getSchema(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode spec() throws IOException {
        if (spec == null) {
            synchronized (MetaOpenApi.class) {
                if (spec == null) {
                    spec = new ObjectMapper(new YAMLFactory()).readTree(MetaOpenApiSpec.text());
                }
            }
        }
        return spec;
    }

    private static Schema payloadSchema() throws IOException {
        if (payloadSchema == null) {
            synchronized (MetaOpenApi.class) {
                if (payloadSchema == null) {
                    ObjectNode root = JSON.createObjectNode();
                    root.put("$ref", PAYLOAD_SCHEMA);
                    root.set("components", spec().get("components"));
                    payloadSchema = SchemaRegistry.withDialect(MetaOpenApiSpec.dialect()).getSchema(root);
                }
            }
        }
        return payloadSchema;
    }
}
