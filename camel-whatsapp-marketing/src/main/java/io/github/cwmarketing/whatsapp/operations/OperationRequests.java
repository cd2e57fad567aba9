package io.github.cwmarketing.whatsapp.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;

/**
 * Builds the Graph API call of each account or template operation from its validated inputs. Every input is checked
 * here, before any request: a {@code WhatsAppMarketingValidationException} names the field that is wrong.
 */
public final class OperationRequests {

    public static final String DEGREES_OF_FREEDOM_SPEC = "degrees_of_freedom_spec";
    public static final String CREATIVE_FEATURES_SPEC = "creative_features_spec";
    public static final String ENROLL_STATUS = "enroll_status";
    public static final String DISABLE_MARKETING_MESSAGES_ON_CLOUD_API = "disable_marketing_messages_on_cloud_api";
    public static final String MARKETING_MESSAGES_ONBOARDING_STATUS = "marketing_messages_onboarding_status";
    public static final String MESSAGE_SEND_TTL_SECONDS = "message_send_ttl_seconds";

    private final ObjectMapper mapper;
    private final CreativeFeaturesInput creativeFeaturesInput;

    public OperationRequests(ObjectMapper mapper) {
        this.mapper = mapper;
        this.creativeFeaturesInput = new CreativeFeaturesInput(mapper);
    }

    /** {@code GET /<TEMPLATE_ID>?fields=degrees_of_freedom_spec}, or the WABA's when no template id is given. */
    public GraphApiCall getCreativeFeatures(String templateId, String wabaId) {
        return GraphApiCall.get(GraphApiIds.templateOrWaba(templateId, wabaId), DEGREES_OF_FREEDOM_SPEC);
    }

    /**
     * {@code POST /<TEMPLATE_ID>} (or {@code /<WABA_ID>}) with
     * {@code {"degrees_of_freedom_spec":{"creative_features_spec":{"<feature>":{"enroll_status":"OPT_IN"}}}}}.
     */
    public GraphApiCall setCreativeFeatures(String templateId, String wabaId, Object body) {
        String nodeId = GraphApiIds.templateOrWaba(templateId, wabaId);
        CreativeFeatures features = creativeFeaturesInput.read(body);
        ObjectNode json = mapper.createObjectNode();
        ObjectNode spec = json.putObject(DEGREES_OF_FREEDOM_SPEC).putObject(CREATIVE_FEATURES_SPEC);
        features.asMap().forEach((feature, status) -> spec.putObject(feature).put(ENROLL_STATUS, status.value()));
        return GraphApiCall.post(nodeId, bytes(json));
    }

    /** {@code GET /<WABA_ID>?fields=disable_marketing_messages_on_cloud_api}. */
    public GraphApiCall getCloudApiMarketingDisabled(String wabaId) {
        return GraphApiCall.get(GraphApiIds.requireWabaId(wabaId), DISABLE_MARKETING_MESSAGES_ON_CLOUD_API);
    }

    /** {@code POST /<WABA_ID>} with {@code {"disable_marketing_messages_on_cloud_api": true|false}}. */
    public GraphApiCall setCloudApiMarketingDisabled(String wabaId, Object body) {
        String nodeId = GraphApiIds.requireWabaId(wabaId);
        boolean disabled = CloudApiMarketingDisabledInput.read(body);
        ObjectNode json = mapper.createObjectNode().put(DISABLE_MARKETING_MESSAGES_ON_CLOUD_API, disabled);
        return GraphApiCall.post(nodeId, bytes(json));
    }

    /** {@code GET /<WABA_ID>?fields=marketing_messages_onboarding_status}. */
    public GraphApiCall getOnboardingStatus(String wabaId) {
        return GraphApiCall.get(GraphApiIds.requireWabaId(wabaId), MARKETING_MESSAGES_ONBOARDING_STATUS);
    }

    /** {@code POST /<TEMPLATE_ID>} with {@code {"message_send_ttl_seconds": n}}. */
    public GraphApiCall setTemplateTtl(String templateId, Object body) {
        String nodeId = GraphApiIds.requireTemplateId(templateId);
        long seconds = TemplateTtlInput.readSeconds(body);
        ObjectNode json = mapper.createObjectNode().put(MESSAGE_SEND_TTL_SECONDS, seconds);
        return GraphApiCall.post(nodeId, bytes(json));
    }

    private byte[] bytes(ObjectNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the request body: " + e.getMessage(), e);
        }
    }
}
