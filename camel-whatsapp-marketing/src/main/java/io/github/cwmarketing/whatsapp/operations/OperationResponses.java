package io.github.cwmarketing.whatsapp.operations;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.OnboardingStatus;
import io.github.cwmarketing.whatsapp.model.UpdateResult;

/**
 * Reads the successful answers of the account and template operations into typed results. Tolerant: unknown fields
 * are ignored and absent ones give the documented default (or null); only a body that is not JSON fails.
 */
public final class OperationResponses {

    private final ObjectMapper mapper;
    private final CreativeFeaturesReader creativeFeaturesReader = new CreativeFeaturesReader();

    public OperationResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The creative features of the template or account, empty when Meta returned none. */
    public CreativeFeatures creativeFeatures(byte[] body) throws IOException {
        return creativeFeaturesReader.read(tree(body));
    }

    /**
     * {@code disable_marketing_messages_on_cloud_api}; false, Meta's documented default, when the field is absent
     * (the Graph API omits unset fields).
     */
    public boolean cloudApiMarketingDisabled(byte[] body) throws IOException {
        JsonNode value = tree(body).get(OperationRequests.DISABLE_MARKETING_MESSAGES_ON_CLOUD_API);
        if (value == null || value.isNull()) {
            return false;
        }
        return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText().trim());
    }

    /** {@code marketing_messages_onboarding_status}, or null when the answer does not carry it. */
    public OnboardingStatus onboardingStatus(byte[] body) throws IOException {
        JsonNode value = tree(body).get(OperationRequests.MARKETING_MESSAGES_ONBOARDING_STATUS);
        return value == null || value.isNull() || value.asText().isBlank() ? null : OnboardingStatus.of(value.asText());
    }

    /** {@code {"success":true}} or {@code {"id":"..."}}. */
    public UpdateResult updateResult(byte[] body) throws IOException {
        JsonNode tree = tree(body);
        JsonNode success = tree.get("success");
        JsonNode id = tree.get("id");
        return new UpdateResult(success == null || success.isNull() ? null : success.asBoolean(),
                id == null || id.isNull() ? null : id.asText());
    }

    private JsonNode tree(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode tree = mapper.readTree(body);
        if (tree == null || tree.isMissingNode()) {
            return mapper.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new IOException("expected a JSON object, got " + tree.getNodeType());
        }
        return tree;
    }
}
