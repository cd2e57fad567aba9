package io.github.cwmarketing.whatsapp.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.OnboardingStatus;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import io.github.cwmarketing.whatsapp.util.JsonBodies;
import io.github.cwmarketing.whatsapp.util.UnreadableBodyException;

/**
 * Reads the successful answers of the account and template operations into typed results. Tolerant: unknown fields
 * are ignored and absent ones give the documented default (or null); only a body that is not a JSON object (not JSON,
 * truncated, an array...) fails, with an {@link UnreadableBodyException} that never quotes it.
 */
public final class OperationResponses {

    private final ObjectMapper mapper;
    private final CreativeFeaturesReader creativeFeaturesReader = new CreativeFeaturesReader();

    public OperationResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The creative features of the template or account, empty when Meta returned none. */
    public CreativeFeatures creativeFeatures(byte[] body) throws UnreadableBodyException {
        return creativeFeaturesReader.read(tree(body));
    }

    /**
     * {@code disable_marketing_messages_on_cloud_api}; false, Meta's documented default, when the field is absent
     * (the Graph API omits unset fields).
     */
    public boolean cloudApiMarketingDisabled(byte[] body) throws UnreadableBodyException {
        JsonNode value = tree(body).get(OperationRequests.DISABLE_MARKETING_MESSAGES_ON_CLOUD_API);
        if (value == null || value.isNull()) {
            return false;
        }
        return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText().trim());
    }

    /** {@code marketing_messages_onboarding_status}, or null when the answer does not carry it. */
    public OnboardingStatus onboardingStatus(byte[] body) throws UnreadableBodyException {
        JsonNode value = tree(body).get(OperationRequests.MARKETING_MESSAGES_ONBOARDING_STATUS);
        return value == null || value.isNull() || value.asText().isBlank() ? null : OnboardingStatus.of(value.asText());
    }

    /** {@code {"success":true}} or {@code {"id":"..."}}. */
    public UpdateResult updateResult(byte[] body) throws UnreadableBodyException {
        JsonNode tree = tree(body);
        JsonNode success = tree.get("success");
        JsonNode id = tree.get("id");
        return new UpdateResult(success == null || success.isNull() ? null : success.asBoolean(),
                id == null || id.isNull() ? null : id.asText());
    }

    /** The answer as a JSON object; no body at all reads as an empty object (every field absent). */
    private JsonNode tree(byte[] body) throws UnreadableBodyException {
        if (body == null || body.length == 0) {
            return mapper.createObjectNode();
        }
        return JsonBodies.readObject(mapper, body);
    }
}
