package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /{version}/{WABA_ID}} of the sandbox's WhatsApp Business Account: its creative features
 * ({@code degrees_of_freedom_spec}, all {@code OPT_OUT} until set), {@code disable_marketing_messages_on_cloud_api}
 * and the read-only {@code marketing_messages_onboarding_status}. Other WABA ids are served by
 * {@link TemplateHandler}, which answers their WABA fields as an unknown object.
 */
final class WabaHandler extends GraphNodeHandler {

    static final String DISABLE_MARKETING_MESSAGES_ON_CLOUD_API = "disable_marketing_messages_on_cloud_api";
    static final String MARKETING_MESSAGES_ONBOARDING_STATUS = "marketing_messages_onboarding_status";
    /** The fields only a WABA has, of those the sandbox serves. */
    static final List<String> ACCOUNT_FIELDS =
            List.of(DISABLE_MARKETING_MESSAGES_ON_CLOUD_API, MARKETING_MESSAGES_ONBOARDING_STATUS);

    private static final List<String> READABLE = List.of(CreativeFeaturesSpec.DEGREES_OF_FREEDOM_SPEC,
            DISABLE_MARKETING_MESSAGES_ON_CLOUD_API, MARKETING_MESSAGES_ONBOARDING_STATUS);
    private static final List<String> UPDATABLE =
            List.of(CreativeFeaturesSpec.DEGREES_OF_FREEDOM_SPEC, DISABLE_MARKETING_MESSAGES_ON_CLOUD_API);

    private final AccountState state;

    WabaHandler(SandboxSettings settings, AccountState state) {
        super(settings, "whatsapp-business-account", "WhatsAppBusinessAccount", Pattern.quote(settings.wabaId()),
                READABLE, UPDATABLE);
        this.state = state;
    }

    @Override
    JsonNode read(String wabaId, String field) {
        return switch (field) {
            case DISABLE_MARKETING_MESSAGES_ON_CLOUD_API -> BooleanNode.valueOf(state.cloudApiMarketingDisabled());
            case MARKETING_MESSAGES_ONBOARDING_STATUS -> TextNode.valueOf(state.onboardingStatus());
            default -> CreativeFeaturesSpec.accountAnswer(state.creativeFeatures(wabaId));
        };
    }

    @Override
    Runnable update(String wabaId, String field, JsonNode value, List<String> violations) {
        if (DISABLE_MARKETING_MESSAGES_ON_CLOUD_API.equals(field)) {
            if (!value.isBoolean()) {
                violations.add(field + " must be true or false, was " + value);
            }
            boolean disabled = value.asBoolean();
            return () -> state.cloudApiMarketingDisabled(disabled);
        }
        return CreativeFeaturesSpec.update(state, wabaId, value, violations);
    }

    /** {@code {"id":"<WABA_ID>"}} when the Cloud API flag was set, as Meta documents; else {@code {"success":true}}. */
    @Override
    ObjectNode updated(String wabaId, Set<String> fields) {
        return fields.contains(DISABLE_MARKETING_MESSAGES_ON_CLOUD_API)
                ? Json.object().put(ID, wabaId) : Json.object().put("success", true);
    }
}
