package io.github.cwmarketing.whatsapp;

import java.io.IOException;

import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.model.GraphApiError;
import io.github.cwmarketing.whatsapp.model.OnboardingStatus;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.operations.GraphApiCall;
import io.github.cwmarketing.whatsapp.operations.OperationRequests;
import io.github.cwmarketing.whatsapp.operations.OperationResponses;
import io.github.cwmarketing.whatsapp.pipeline.OutgoingRequest;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account and template operations ({@code getCreativeFeatures}, {@code setCreativeFeatures},
 * {@code getCloudApiMarketingDisabled}, {@code setCloudApiMarketingDisabled}, {@code getOnboardingStatus},
 * {@code setTemplateTtl}): validates the ids and the body, then calls the Graph API without blocking the route thread,
 * through the endpoint's sender (same transport, retries and error mapping as {@code send}, no pacing). The typed
 * result replaces the body; the simple ones are also set as headers.
 */
public class WhatsAppMarketingOperationsProducer extends GraphApiProducer<OutgoingRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppMarketingOperationsProducer.class);

    private final WhatsAppMarketingOperation operation;
    private final WhatsAppMarketingConfiguration configuration;
    private final OperationRequests requests;
    private final OperationResponses responses;

    public WhatsAppMarketingOperationsProducer(WhatsAppMarketingEndpoint endpoint) {
        super(endpoint);
        if (!endpoint.getOperation().isAccountOrTemplateOperation()) {
            throw new IllegalArgumentException("Not an account or template operation: " + endpoint.getOperation());
        }
        this.operation = endpoint.getOperation();
        this.configuration = endpoint.getConfiguration();
        this.requests = new OperationRequests(endpoint.getComponent().objectMapper());
        this.responses = new OperationResponses(endpoint.getComponent().objectMapper());
    }

    @Override
    protected OutgoingRequest prepare(Message in, String accessToken) {
        GraphApiCall call = call(in);
        LOG.debug("{}: {}", operation, call);
        return new OutgoingRequest(operation.name(), null, getEndpoint().operationRequest(call, accessToken), null);
    }

    @Override
    protected OutgoingRequest outgoing(OutgoingRequest prepared) {
        return prepared;
    }

    /** The Graph API call of this operation; every input is validated here, before any request. */
    private GraphApiCall call(Message in) {
        String templateId = header(in, WhatsAppMarketingConstants.TEMPLATE_ID, configuration.getTemplateId());
        String wabaId = header(in, WhatsAppMarketingConstants.WABA_ID, configuration.getWabaId());
        return switch (operation) {
            case getCreativeFeatures -> requests.getCreativeFeatures(templateId, wabaId);
            case setCreativeFeatures -> requests.setCreativeFeatures(templateId, wabaId, in.getBody());
            case getCloudApiMarketingDisabled -> requests.getCloudApiMarketingDisabled(wabaId);
            case setCloudApiMarketingDisabled -> requests.setCloudApiMarketingDisabled(wabaId, in.getBody());
            case getOnboardingStatus -> requests.getOnboardingStatus(wabaId);
            case setTemplateTtl -> requests.setTemplateTtl(templateId, in.getBody());
            default -> throw new IllegalStateException("Not an account or template operation: " + operation);
        };
    }

    @Override
    protected void setResult(Message message, GraphApiResponse response) throws IOException {
        LOG.debug("{} answered HTTP {}", operation, response.status());
        switch (operation) {
            case getCreativeFeatures -> message.setBody(responses.creativeFeatures(response.body()));
            case getCloudApiMarketingDisabled -> {
                boolean disabled = responses.cloudApiMarketingDisabled(response.body());
                message.setBody(disabled);
                message.setHeader(WhatsAppMarketingConstants.CLOUD_API_MARKETING_DISABLED, disabled);
            }
            case getOnboardingStatus -> {
                OnboardingStatus status = responses.onboardingStatus(response.body());
                message.setBody(status);
                if (status != null) {
                    message.setHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS, status.value());
                } else {
                    message.removeHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS);
                }
            }
            default -> message.setBody(updateResult(response));
        }
    }

    /** A setter's answer; {@code {"success": false}} means Meta did not apply the change. */
    private UpdateResult updateResult(GraphApiResponse response) throws IOException {
        UpdateResult result = responses.updateResult(response.body());
        if (!result.isSuccessful()) {
            GraphApiError error = new GraphApiError();
            error.setMessage(operation + " was not applied: the Graph API answered success=false");
            throw new WhatsAppMarketingApiException(response.status(), error, null);
        }
        return result;
    }
}
