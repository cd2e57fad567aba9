package io.github.cwmarketing.whatsapp.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET} and {@code POST} on one kind of Graph API node, {@code /{version}/{node-id}}, the way the Graph
 * API does for every node: checks the token; answers {@code GET ?fields=a,b} with those fields and the node's
 * {@code id} (a field the node has but that is not set is left out, a field it does not have is error 100); and takes
 * a {@code POST}'s JSON body only when every field in it is one the node can update and every value is valid, so
 * that a rejected POST changes nothing. Subclasses list the node's fields in the constructor, read and validate values.
 */
abstract class GraphNodeHandler implements GraphApiHandler {

    static final String ID = "id";
    private static final Logger LOG = LoggerFactory.getLogger(GraphNodeHandler.class);

    private final String name;
    private final String nodeType;
    private final List<String> readableFields;
    private final List<String> updatableFields;
    private final AccessTokenGuard tokenGuard;
    private final Pattern path;

    /**
     * @param name            the handler's name
     * @param nodeType        the Graph API type of the node, as in Meta's error messages
     * @param nodeIdPattern   matches the ids this handler serves, without any group
     * @param readableFields  the fields a GET can ask for, besides {@code id}
     * @param updatableFields the fields a POST can set
     */
    GraphNodeHandler(SandboxSettings settings, String name, String nodeType, String nodeIdPattern,
                     List<String> readableFields, List<String> updatableFields) {
        this.name = name;
        this.nodeType = nodeType;
        this.readableFields = List.copyOf(readableFields);
        this.updatableFields = List.copyOf(updatableFields);
        this.tokenGuard = new AccessTokenGuard(settings.accessToken());
        this.path = Pattern.compile(GraphPaths.VERSION_PREFIX + "(" + nodeIdPattern + ")/?");
    }

    /** The value of a readable field, or {@code null} when it is not set (the Graph API then leaves it out). */
    abstract JsonNode read(String nodeId, String field);

    /**
     * Checks the value of an updatable field: adds what is wrong to {@code violations}, and returns the change to
     * make when the whole POST is valid.
     */
    abstract Runnable update(String nodeId, String field, JsonNode value, List<String> violations);

    /** The answer to a valid POST that set {@code fields}, e.g. {@code {"success":true}}. */
    abstract ObjectNode updated(String nodeId, Set<String> fields);

    /**
     * The answer to a GET or POST of a field the node does not have: error 100, as Meta's. Subclasses answer
     * differently where Meta would, e.g. when the field belongs to another kind of node.
     */
    GraphResponse unsupportedField(String method, String nodeId, String field) {
        if ("GET".equals(method)) {
            return ErrorEnvelope.response(WhatsAppError.INVALID_PARAMETER, "(#100) Tried accessing nonexisting field ("
                    + field + ") on node type (" + nodeType + ")", "The sandbox serves the fields " + ID + ", "
                    + String.join(", ", readableFields) + " of this node.");
        }
        return ErrorEnvelope.response(WhatsAppError.INVALID_PARAMETER, "The sandbox cannot set " + field + " on a "
                + nodeType + "; it can set " + String.join(", ", updatableFields) + ".");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MappingBuilder requests() {
        return any(urlPathMatching(path.pattern()));
    }

    @Override
    public final GraphResponse handle(GraphRequest request) {
        return tokenGuard.reject(request).orElseGet(() -> authorized(request));
    }

    private GraphResponse authorized(GraphRequest request) {
        Matcher matcher = GraphPaths.match(path, request);
        String nodeId = matcher.group(2);
        GraphResponse response = switch (request.method()) {
            case "GET" -> get(nodeId, request.queryParameter("fields"));
            case "POST" -> post(nodeId, request);
            default -> ErrorEnvelope.unknownObject(request.method(), nodeId,
                    "The sandbox serves GET and POST on a " + nodeType + ".");
        };
        return response.withHeader("facebook-api-version", GraphPaths.version(matcher));
    }

    private GraphResponse get(String nodeId, String fieldsParameter) {
        ObjectNode answer = Json.object();
        for (String field : fields(fieldsParameter)) {
            if (ID.equals(field)) {
                answer.put(ID, nodeId);
            } else if (!readableFields.contains(field)) {
                return unsupportedField("GET", nodeId, field);
            } else {
                JsonNode value = read(nodeId, field);
                if (value != null) {
                    answer.set(field, value);
                }
            }
        }
        if (!answer.has(ID)) {
            answer.put(ID, nodeId);
        }
        return GraphResponse.json(200, Json.write(answer));
    }

    private static Set<String> fields(String fieldsParameter) {
        Set<String> fields = new LinkedHashSet<>();
        if (fieldsParameter != null) {
            Arrays.stream(fieldsParameter.split(",")).map(String::trim).filter(f -> !f.isEmpty()).forEach(fields::add);
        }
        return fields;
    }

    private GraphResponse post(String nodeId, GraphRequest request) {
        Optional<JsonNode> body = Json.parse(request.body()).filter(JsonNode::isObject);
        if (body.isEmpty() || body.get().isEmpty()) {
            return ErrorEnvelope.response(WhatsAppError.INVALID_PARAMETER, "The request body must be a JSON object "
                    + "with at least one of " + String.join(", ", updatableFields) + ".");
        }
        List<String> violations = new ArrayList<>();
        List<Runnable> changes = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.get().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!updatableFields.contains(field.getKey())) {
                return unsupportedField("POST", nodeId, field.getKey());
            }
            fields.add(field.getKey());
            changes.add(update(nodeId, field.getKey(), field.getValue(), violations));
        }
        if (!violations.isEmpty()) {
            LOG.debug("Rejected update of {} {}: {}", nodeType, nodeId, violations);
            return ErrorEnvelope.response(WhatsAppError.INVALID_PARAMETER, String.join("; ", violations));
        }
        changes.forEach(Runnable::run);
        LOG.debug("Updated {} of {} {}", fields, nodeType, nodeId);
        return GraphResponse.json(200, Json.write(updated(nodeId, fields)));
    }
}
