package io.github.cwmarketing.whatsapp.send;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.Template;
import io.github.cwmarketing.whatsapp.model.TemplateComponent;
import io.github.cwmarketing.whatsapp.model.TemplateLanguage;
import io.github.cwmarketing.whatsapp.model.TemplateParameter;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;

/**
 * Turns an exchange body into a complete marketing message. Accepted bodies:
 * <ol>
 * <li>a {@link MarketingMessageRequest} (never changed);</li>
 * <li>a full payload as JSON {@code String}, {@code byte[]}, {@code InputStream}, or a {@code Map} with a
 * {@code template} key: sent as it is, every field (known to the typed model or not, at any depth) in its order;</li>
 * <li>a {@code List}: positional body text parameters ({@link TemplateParameter} elements are used as they are);</li>
 * <li>a {@code Map} without a {@code template} key: named body text parameters;</li>
 * <li>no body: the template without parameters.</li>
 * </ol>
 * Every body becomes a JSON object first. Fields set to null are left out (as the typed model does); the fields the
 * payload leaves out are added from the {@link MessageDefaults} and Meta's fixed envelope values; the typed view is
 * read from the result, which is what is sent.
 * <p>
 * The body parameters of {@link MessageDefaults#bodyParameters()} (a {@code List}: positional, a {@code Map}: by name,
 * or the JSON text of an array or object) become the template's {@code body} component, for a body that gives none.
 * A body that gives them too (a {@code List}, a {@code Map} without {@code template}, a payload whose template has a
 * {@code body} component) is refused: two sets of parameters cannot be merged, and choosing one would send a message
 * the route did not mean.
 */
public final class RequestAssembler {

    private static final String TEMPLATE = "template";
    private static final String LANGUAGE = "language";
    private static final String COMPONENTS = "components";
    /** The header of the body parameters (the root package's constant: this package does not import it). */
    private static final String BODY_PARAMETERS_HEADER = "CamelWhatsAppMarketingBodyParameters";

    private final ObjectMapper mapper;
    private final ObjectReader payloadReader;

    public RequestAssembler(ObjectMapper mapper) {
        this.mapper = mapper;
        // decimals as written (1.50 stays 1.50): the payload is sent as it came
        this.payloadReader = mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    public AssembledMessage assemble(Object body, MessageDefaults defaults) {
        ObjectNode payload = toPayload(body);
        removeNullFields(payload);
        complete(payload, defaults);
        if (defaults.bodyParameters() != null) {
            addBodyParameters(payload, body, defaults.bodyParameters());
        }
        MarketingMessageRequest request = toRequest(payload);
        try {
            return new AssembledMessage(request, mapper.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    private ObjectNode toPayload(Object body) {
        if (body == null) {
            return mapper.createObjectNode();
        }
        if (body instanceof MarketingMessageRequest typed) {
            return mapper.valueToTree(typed);
        }
        if (body instanceof Map<?, ?> map) {
            return map.containsKey(TEMPLATE) ? fromMap(map) : mapper.valueToTree(withBody(namedParameters(map)));
        }
        if (body instanceof Collection<?> list) {
            return mapper.valueToTree(withBody(positionalParameters(list)));
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            return fromJson(body);
        }
        throw new WhatsAppMarketingValidationException("body", "unsupported type " + body.getClass().getName()
                                                               + ": send a MarketingMessageRequest, a JSON payload, a"
                                                               + " Map, a List of parameters or no body");
    }

    private ObjectNode fromMap(Map<?, ?> payload) {
        try {
            return mapper.valueToTree(payload);
        } catch (IllegalArgumentException e) {
            throw new WhatsAppMarketingValidationException("body", "cannot be written as JSON: "
                                                                   + firstLine(e.getMessage()));
        }
    }

    private ObjectNode fromJson(Object json) {
        JsonNode tree;
        try {
            if (json instanceof String text) {
                tree = payloadReader.readTree(text);
            } else if (json instanceof byte[] bytes) {
                tree = payloadReader.readTree(bytes);
            } else {
                tree = payloadReader.readTree((InputStream) json);
            }
        } catch (IOException e) {
            throw new WhatsAppMarketingValidationException("body", "is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new WhatsAppMarketingValidationException("body", "is empty: send a JSON object");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new WhatsAppMarketingValidationException("body", "must be a JSON object, was " + tree.getNodeType());
        }
        return object;
    }

    private MarketingMessageRequest toRequest(ObjectNode payload) {
        try {
            return mapper.treeToValue(payload, MarketingMessageRequest.class);
        } catch (JsonMappingException e) {
            throw new WhatsAppMarketingValidationException(fieldPath(e),
                    "invalid value: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WhatsAppMarketingValidationException("body", "invalid value: " + firstLine(e.getMessage()));
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Adds the header's body parameters as the template's body component, after its header components. */
    private void addBodyParameters(ObjectNode payload, Object body, Object value) {
        List<TemplateParameter> parameters = bodyParameters(value);
        if (parameters.isEmpty()) {
            return; // an empty List or Map gives no parameters
        }
        boolean bodyGivesParameters = body instanceof Collection<?>
                                      || body instanceof Map<?, ?> map && !map.containsKey(TEMPLATE);
        if (!(payload.get(TEMPLATE) instanceof ObjectNode template)) {
            return; // not an object: the typed view refuses it
        }
        ArrayNode components = template.get(COMPONENTS) instanceof ArrayNode array ? array : null;
        if (bodyGivesParameters || components != null && hasBodyComponent(components)) {
            throw new WhatsAppMarketingValidationException(BODY_PARAMETERS_HEADER,
                    "gives the body parameters, and so does the message body: give them in one of the two");
        }
        if (components == null) {
            components = template.putArray(COMPONENTS);
        }
        int index = 0;
        while (index < components.size()
               && TemplateComponent.HEADER.equals(components.get(index).path("type").asText())) {
            index++;
        }
        components.insert(index, mapper.valueToTree(new TemplateComponent(TemplateComponent.BODY, parameters)));
    }

    private static boolean hasBodyComponent(ArrayNode components) {
        for (JsonNode component : components) {
            if (TemplateComponent.BODY.equals(component.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The header's value as parameters: a List, a Map, or JSON text (or a JSON tree) of an array or an object. */
    private List<TemplateParameter> bodyParameters(Object value) {
        Object parameters = value;
        if (value instanceof String || value instanceof byte[]) {
            parameters = fromJsonText(value);
        } else if (value instanceof JsonNode tree) {
            parameters = mapper.convertValue(tree, Object.class);
        }
        if (parameters instanceof Collection<?> list) {
            return positionalParameters(list);
        }
        if (parameters instanceof Map<?, ?> map) {
            return namedParameters(map);
        }
        throw new WhatsAppMarketingValidationException(BODY_PARAMETERS_HEADER, "must be a List, a Map or the JSON text"
                + " of an array or object, was " + (parameters == null ? "JSON null" : parameters.getClass().getName()));
    }

    private Object fromJsonText(Object json) {
        try {
            JsonNode tree = json instanceof String text ? payloadReader.readTree(text)
                    : payloadReader.readTree((byte[]) json);
            return tree == null || tree.isMissingNode() ? null : mapper.convertValue(tree, Object.class);
        } catch (IOException e) {
            throw new WhatsAppMarketingValidationException(BODY_PARAMETERS_HEADER,
                    "is text but not JSON: give a List, a Map, or the JSON text of an array or object");
        }
    }

    private static List<TemplateParameter> positionalParameters(Collection<?> values) {
        List<TemplateParameter> parameters = new ArrayList<>(values.size());
        for (Object value : values) {
            parameters.add(value instanceof TemplateParameter parameter ? parameter : TemplateParameter.text(text(value)));
        }
        return parameters;
    }

    private static List<TemplateParameter> namedParameters(Map<?, ?> values) {
        List<TemplateParameter> parameters = new ArrayList<>(values.size());
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            parameters.add(TemplateParameter.namedText(String.valueOf(entry.getKey()), text(entry.getValue())));
        }
        return parameters;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static MarketingMessageRequest withBody(List<TemplateParameter> parameters) {
        MarketingMessageRequest request = new MarketingMessageRequest();
        Template template = new Template();
        if (!parameters.isEmpty()) {
            template.addComponents(new TemplateComponent(TemplateComponent.BODY, parameters));
        }
        request.setTemplate(template);
        return request;
    }

    /** Null means absent, at every depth (the typed model writes no nulls either). */
    private static void removeNullFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    removeNullFields(field.getValue());
                }
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(RequestAssembler::removeNullFields);
        }
    }

    /** Adds what the payload leaves out: the envelope before the payload's own fields, the options after them. */
    private void complete(ObjectNode payload, MessageDefaults defaults) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("messaging_product", MarketingMessageRequest.MESSAGING_PRODUCT);
        envelope.put("recipient_type", MarketingMessageRequest.RECIPIENT_TYPE_INDIVIDUAL);
        if (!payload.has("to") && !payload.has("recipient")) {
            envelope.put("to", defaults.to());
            envelope.put("recipient", defaults.recipient());
        }
        envelope.put("type", MarketingMessageRequest.TYPE_TEMPLATE);
        envelope.put(TEMPLATE, mapper.createObjectNode());
        addMissingFirst(payload, envelope);
        addMissingLast(payload, "product_policy", defaults.productPolicy());
        addMissingLast(payload, "message_activity_sharing", defaults.messageActivitySharing());
        addMissingLast(payload, "biz_opaque_callback_data", defaults.bizOpaqueCallbackData());
        if (payload.get(TEMPLATE) instanceof ObjectNode template) {
            completeTemplate(template, defaults);
        }
    }

    private void completeTemplate(ObjectNode template, MessageDefaults defaults) {
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("name", defaults.templateName());
        if (defaults.templateLanguage() != null) {
            missing.put(LANGUAGE, mapper.createObjectNode());
        }
        addMissingFirst(template, missing);
        if (template.get(LANGUAGE) instanceof ObjectNode language) {
            addMissingFirst(language, Collections.singletonMap("code", defaults.templateLanguage()));
            addMissingLast(language, "policy", TemplateLanguage.DETERMINISTIC);
        }
    }

    /** Puts the non-null values whose names the object lacks before its own fields, in the map's order. */
    private void addMissingFirst(ObjectNode object, Map<String, Object> values) {
        Map<String, JsonNode> added = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !object.has(name)) {
                added.put(name, mapper.valueToTree(value));
            }
        });
        if (added.isEmpty()) {
            return;
        }
        Map<String, JsonNode> own = new LinkedHashMap<>();
        object.properties().forEach(field -> own.put(field.getKey(), field.getValue()));
        object.removeAll();
        object.setAll(added);
        object.setAll(own);
    }

    private void addMissingLast(ObjectNode object, String name, Object value) {
        if (value != null && !object.has(name)) {
            object.set(name, mapper.valueToTree(value));
        }
    }
}
