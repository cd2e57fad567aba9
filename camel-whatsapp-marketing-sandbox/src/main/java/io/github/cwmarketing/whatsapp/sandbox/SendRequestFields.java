package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a valid {@code /marketing_messages} request the sandbox acts on.
 *
 * @param to                    {@code to}, or {@code null}
 * @param bsuid                 {@code recipient}, or {@code null}
 * @param templateName          {@code template.name}
 * @param productPolicy         {@code product_policy}, {@code CLOUD_API_FALLBACK} when absent
 * @param bizOpaqueCallbackData {@code biz_opaque_callback_data}, or {@code null}
 * @param hasBidSpec            whether {@code bid_spec} is present
 */
record SendRequestFields(
        String to,
        String bsuid,
        String templateName,
        String productPolicy,
        String bizOpaqueCallbackData,
        boolean hasBidSpec) {

    static final String CLOUD_API_FALLBACK = "CLOUD_API_FALLBACK";
    static final String STRICT = "STRICT";

    static SendRequestFields from(JsonNode body) {
        String policy = Json.text(body, "product_policy");
        return new SendRequestFields(
                Json.text(body, "to"),
                Json.text(body, "recipient"),
                Json.text(body.path("template"), "name"),
                policy == null ? CLOUD_API_FALLBACK : policy,
                Json.text(body, "biz_opaque_callback_data"),
                body.has("bid_spec"));
    }

    /** Whom the message goes to: Meta uses {@code to} when both are given. */
    String recipient() {
        return to != null ? to : bsuid;
    }

    boolean bsuidOnly() {
        return to == null;
    }

    boolean strict() {
        return STRICT.equals(productPolicy);
    }

    /** The WhatsApp id Meta derives from {@code to}: its digits. */
    String waId() {
        return to == null ? null : to.replaceAll("[^0-9]", "");
    }
}
