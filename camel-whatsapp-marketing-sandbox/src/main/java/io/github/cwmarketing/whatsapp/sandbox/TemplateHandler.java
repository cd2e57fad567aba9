package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /{version}/{TEMPLATE_ID}}: every id of digits but the sandbox's WABA and phone number ids is a
 * marketing template (there is no template registry). Serves its creative features ({@code degrees_of_freedom_spec},
 * all {@code OPT_IN} until set) and {@code message_send_ttl_seconds} (12 hours to 30 days; left out until set).
 * A WABA field asked of such an id is answered as Meta answers an unknown WABA: "Unsupported get request. Object with
 * ID ... does not exist".
 */
final class TemplateHandler extends GraphNodeHandler {

    static final String MESSAGE_SEND_TTL_SECONDS = "message_send_ttl_seconds";
    private static final List<String> FIELDS = List.of(CreativeFeaturesSpec.DEGREES_OF_FREEDOM_SPEC,
            MESSAGE_SEND_TTL_SECONDS);
    private static final long MIN_TTL_SECONDS = Scenarios.MIN_MARKETING_TEMPLATE_TTL.toSeconds();
    private static final long MAX_TTL_SECONDS = Scenarios.MAX_MARKETING_TEMPLATE_TTL.toSeconds();

    private final AccountState state;

    TemplateHandler(SandboxSettings settings, AccountState state) {
        super(settings, "message-template", "WhatsAppMessageTemplate", "(?!(?:" + Pattern.quote(settings.wabaId())
                + "|" + Pattern.quote(settings.phoneNumberId()) + ")/?$)[0-9]+", FIELDS, FIELDS);
        this.state = state;
    }

    @Override
    JsonNode read(String templateId, String field) {
        if (MESSAGE_SEND_TTL_SECONDS.equals(field)) {
            OptionalLong seconds = state.templateTtlSeconds(templateId);
            return seconds.isPresent() ? LongNode.valueOf(seconds.getAsLong()) : null;
        }
        return CreativeFeaturesSpec.templateAnswer(state.creativeFeatures(templateId));
    }

    @Override
    Runnable update(String templateId, String field, JsonNode value, List<String> violations) {
        if (MESSAGE_SEND_TTL_SECONDS.equals(field)) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()
                    || value.longValue() < MIN_TTL_SECONDS || value.longValue() > MAX_TTL_SECONDS) {
                violations.add(field + " must be whole seconds from " + MIN_TTL_SECONDS + " to " + MAX_TTL_SECONDS
                        + " (12 hours to 30 days) for a marketing template, was " + value);
            }
            long seconds = value.longValue();
            return () -> state.templateTtlSeconds(templateId, seconds);
        }
        return CreativeFeaturesSpec.update(state, templateId, value, violations);
    }

    @Override
    ObjectNode updated(String templateId, Set<String> fields) {
        return Json.object().put("success", true);
    }

    /** A WABA field on an id that is not the sandbox's WABA: Meta's unknown-object error, naming the WABA it has. */
    @Override
    GraphResponse unsupportedField(String method, String nodeId, String field) {
        if (WabaHandler.ACCOUNT_FIELDS.contains(field)) {
            return ErrorEnvelope.unknownObject(method, nodeId, nodeId + " is not a WhatsApp Business Account of the "
                    + "sandbox; its WABA id is " + state.wabaId() + ".");
        }
        return super.unsupportedField(method, nodeId, field);
    }
}
