package io.github.cwmarketing.whatsapp.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.cwmarketing.whatsapp.model.ErrorEvent;
import io.github.cwmarketing.whatsapp.model.MessageEvent;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.UserActionEvent;
import io.github.cwmarketing.whatsapp.model.WebhookError;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEventType;

/**
 * Turns a webhook body into its events, in document order: {@code entry[] × changes[] × value.statuses[]} (and with
 * more event types, {@code messages[]}, {@code errors[]} and {@code user_actions[]} in the order they appear in each
 * value). Tolerant: unknown keys, values without events and elements of the wrong JSON type are skipped.
 */
public final class WebhookParser {

    static final String WHATSAPP_BUSINESS_ACCOUNT = "whatsapp_business_account";

    private static final Map<String, WebhookEventType> EVENT_ARRAYS = Map.of(
            "statuses", WebhookEventType.status,
            "messages", WebhookEventType.message,
            "errors", WebhookEventType.error,
            "user_actions", WebhookEventType.user_action);

    private final ObjectMapper mapper;
    private final ObjectReader treeReader;
    private final Set<WebhookEventType> eventTypes;

    public WebhookParser(ObjectMapper mapper, Set<WebhookEventType> eventTypes) {
        this.mapper = mapper;
        this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.eventTypes = Collections.unmodifiableSet(EnumSet.copyOf(eventTypes));
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
                addEvents(change.path("value"), wabaId, events);
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

    private void addEvents(JsonNode value, String wabaId, List<WebhookEvent> events) throws WebhookRejection {
        if (!value.isObject()) {
            return;
        }
        JsonNode metadata = value.path("metadata");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            WebhookEventType type = EVENT_ARRAYS.get(field.getKey());
            if (type == null || !eventTypes.contains(type) || !field.getValue().isArray()) {
                continue;
            }
            for (JsonNode item : field.getValue()) {
                if (item.isObject()) {
                    WebhookEvent event = bind(type, item);
                    event.setWabaId(wabaId);
                    event.setPhoneNumberId(text(metadata, "phone_number_id"));
                    event.setDisplayPhoneNumber(text(metadata, "display_phone_number"));
                    event.keepRawJson(item);
                    events.add(event);
                }
            }
        }
    }

    private WebhookEvent bind(WebhookEventType type, JsonNode item) throws WebhookRejection {
        try {
            return switch (type) {
                case status -> mapper.treeToValue(item, StatusEvent.class);
                case message -> mapper.treeToValue(item, MessageEvent.class);
                case error -> new ErrorEvent(mapper.treeToValue(item, WebhookError.class));
                case user_action -> mapper.treeToValue(item, UserActionEvent.class);
            };
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable " + type + " object", e);
        }
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
