package io.github.cwmarketing.whatsapp.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.cwmarketing.whatsapp.model.ErrorEvent;
import io.github.cwmarketing.whatsapp.model.FieldStatusEvent;
import io.github.cwmarketing.whatsapp.model.MessageEvent;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.UserActionEvent;
import io.github.cwmarketing.whatsapp.model.WebhookError;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEventType;

/**
 * Turns a webhook body into every event it carries, in document order: {@code entry[] × changes[] × value} arrays in
 * the order they appear in each value. Only a change whose {@code field} is {@code messages} carries message events
 * ({@code statuses[]}, {@code messages[]}, {@code errors[]}, {@code user_actions[]}); {@code statuses[]} under any
 * other field (e.g. {@code calls}) become {@link FieldStatusEvent}s, never message statuses. Which of the events are
 * routed is the dispatcher's decision. Tolerant: unknown keys and fields, values without events and elements of the
 * wrong JSON type are skipped.
 */
public final class WebhookParser {

    static final String WHATSAPP_BUSINESS_ACCOUNT = "whatsapp_business_account";
    static final String MESSAGES_FIELD = "messages";
    private static final String STATUSES = "statuses";

    private static final Map<String, WebhookEventType> MESSAGE_ARRAYS = Map.of(
            STATUSES, WebhookEventType.status,
            "messages", WebhookEventType.message,
            "errors", WebhookEventType.error,
            "user_actions", WebhookEventType.user_action);

    private final ObjectMapper mapper;
    private final ObjectReader treeReader;

    public WebhookParser(ObjectMapper mapper) {
        this.mapper = mapper;
        this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public List<WebhookEvent> parse(byte[] body) throws WebhookRejection {
        JsonNode root = readTree(body);
        if (!WHATSAPP_BUSINESS_ACCOUNT.equals(root.path("object").asText(null))) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Not a whatsapp_business_account webhook");
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode entry : arrayOf(root, "entry")) {
            String wabaId = text(entry, "id");
            for (JsonNode change : arrayOf(entry, "changes")) {
                addEvents(change.path("value"), text(change, "field"), wabaId, events);
            }
        }
        return events;
    }

    private JsonNode readTree(byte[] body) throws WebhookRejection {
        JsonNode root;
        try {
            root = treeReader.readTree(body);
        } catch (IOException e) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Malformed JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Body is not a JSON object");
        }
        return root;
    }

    private void addEvents(JsonNode value, String field, String wabaId, List<WebhookEvent> events)
            throws WebhookRejection {
        if (!value.isObject()) {
            return;
        }
        JsonNode metadata = value.path("metadata");
        for (Map.Entry<String, JsonNode> array : value.properties()) {
            WebhookEventType type = typeOf(field, array.getKey());
            if (type == null || !array.getValue().isArray()) {
                continue;
            }
            for (JsonNode item : array.getValue()) {
                if (item.isObject()) {
                    WebhookEvent event = bind(type, item, field);
                    event.setWabaId(wabaId);
                    event.setPhoneNumberId(text(metadata, "phone_number_id"));
                    event.setDisplayPhoneNumber(text(metadata, "display_phone_number"));
                    event.keepRawJson(item);
                    events.add(event);
                }
            }
        }
    }

    /** The event type of an array of a value under a change's field, or null when it holds no events. */
    private static WebhookEventType typeOf(String field, String array) {
        if (MESSAGES_FIELD.equals(field)) {
            return MESSAGE_ARRAYS.get(array);
        }
        return STATUSES.equals(array) ? WebhookEventType.field_status : null;
    }

    private WebhookEvent bind(WebhookEventType type, JsonNode item, String field) throws WebhookRejection {
        try {
            return switch (type) {
                case status -> mapper.treeToValue(item, StatusEvent.class);
                case message -> mapper.treeToValue(item, MessageEvent.class);
                case error -> new ErrorEvent(mapper.treeToValue(item, WebhookError.class));
                case user_action -> mapper.treeToValue(item, UserActionEvent.class);
                case field_status -> fieldStatus(item, field);
            };
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable " + type + " object", e);
        }
    }

    private FieldStatusEvent fieldStatus(JsonNode item, String field) throws JsonProcessingException {
        FieldStatusEvent event = mapper.treeToValue(item, FieldStatusEvent.class);
        event.setField(field);
        return event;
    }

    private static Iterable<JsonNode> arrayOf(JsonNode node, String field) {
        JsonNode array = node.path(field);
        return array.isArray() ? array : List.of();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
