package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds status webhooks in Meta's shape: {@code {"object":"whatsapp_business_account","entry":[{"id":WABA,
 * "changes":[{"value":{"messaging_product","metadata","statuses":[...]},"field":"messages"}]}]}}.
 */
final class StatusWebhookPayloads {

    // Meta dropped the conversation object from status webhooks in v24.0.
    private static final int FIRST_VERSION_WITHOUT_CONVERSATION = 24;
    private static final Duration CONVERSATION_LIFETIME = Duration.ofHours(24);
    private static final Pattern MAJOR_VERSION = Pattern.compile("v(\\d+)");

    private final SandboxSettings settings;

    StatusWebhookPayloads(SandboxSettings settings) {
        this.settings = settings;
    }

    ObjectNode statusObject(DueStatus due) {
        SentMessage message = due.message();
        StatusStep step = due.step();
        ObjectNode status = Json.object();
        status.put("id", message.wamid());
        status.put("status", step.status());
        status.put("timestamp", Long.toString(due.at().getEpochSecond()));
        if (message.bsuidRecipient()) {
            status.put("recipient_user_id", message.recipient());
        } else {
            status.put("recipient_id", message.recipient().replaceAll("[^0-9]", ""));
        }
        if (message.bizOpaqueCallbackData() != null && step.error() == null) {
            status.put("biz_opaque_callback_data", message.bizOpaqueCallbackData());
        }
        if (due.priced()) {
            addConversationBeforeV24(status, due);
            addPricing(status, message.pricingCategory());
        }
        if (step.error() != null) {
            addError(status.putArray("errors"), step.error());
        }
        return status;
    }

    byte[] envelope(List<ObjectNode> statuses) {
        ObjectNode body = Json.object();
        body.put("object", "whatsapp_business_account");
        ObjectNode entry = body.putArray("entry").addObject();
        entry.put("id", settings.wabaId());
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", settings.displayPhoneNumber());
        metadata.put("phone_number_id", settings.phoneNumberId());
        value.putArray("statuses").addAll(statuses);
        change.put("field", "messages");
        return Json.writeBytes(body);
    }

    static DeliveredStatus delivered(JsonNode status) {
        JsonNode error = status.path("errors").path(0);
        return new DeliveredStatus(
                Json.text(status, "id"),
                Json.text(status, "status"),
                Json.text(status, "timestamp"),
                status.has("recipient_id") ? Json.text(status, "recipient_id") : Json.text(status, "recipient_user_id"),
                Json.text(status.path("pricing"), "category"),
                error.has("code") ? error.get("code").asInt() : null,
                Json.text(status, "biz_opaque_callback_data"),
                Json.write(status));
    }

    private static void addConversationBeforeV24(ObjectNode status, DueStatus due) {
        Matcher major = MAJOR_VERSION.matcher(due.message().apiVersion());
        if (!major.lookingAt() || Integer.parseInt(major.group(1)) >= FIRST_VERSION_WITHOUT_CONVERSATION) {
            return;
        }
        ObjectNode conversation = status.putObject("conversation");
        conversation.put("id", conversationId(due.message().wamid()));
        if (StatusStep.SENT.equals(due.step().status())) {
            conversation.put("expiration_timestamp",
                    Long.toString(due.at().plus(CONVERSATION_LIFETIME).getEpochSecond()));
        }
        conversation.putObject("origin").put("type", due.message().pricingCategory());
    }

    // Up to v23 every message had its own conversation; derive a stable id from the wamid.
    private static String conversationId(String wamid) {
        return UUID.nameUUIDFromBytes(wamid.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static void addPricing(ObjectNode status, String category) {
        ObjectNode pricing = status.putObject("pricing");
        pricing.put("billable", true);
        pricing.put("pricing_model", "PMP");
        pricing.put("type", "regular");
        pricing.put("category", category);
    }

    private static void addError(ArrayNode errors, WhatsAppError error) {
        ObjectNode entry = errors.addObject();
        entry.put("code", error.code());
        entry.put("title", error.title());
        entry.put("message", error.title());
        entry.putObject("error_data").put("details", error.details());
        entry.put("href", WhatsAppError.ERROR_CODES_HREF);
    }
}
