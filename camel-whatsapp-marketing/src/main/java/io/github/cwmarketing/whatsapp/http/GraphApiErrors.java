package io.github.cwmarketing.whatsapp.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.GraphApiError;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;

/**
 * Turns an unsuccessful Graph API response into a {@link WhatsAppMarketingApiException}.
 */
public final class GraphApiErrors {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final ObjectMapper mapper;

    public GraphApiErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public WhatsAppMarketingApiException toException(GraphApiResponse response) {
        GraphApiError error = parseError(response.body());
        if (error == null) {
            error = new GraphApiError();
            error.setMessage("HTTP " + response.status() + " without a Graph API error: " + excerpt(response.body()));
        }
        return new WhatsAppMarketingApiException(response.status(), error,
                BusinessUseCaseUsage.retryAfter(response.businessUseCaseUsage(), mapper));
    }

    private GraphApiError parseError(byte[] body) {
        try {
            JsonNode error = mapper.readTree(body).get("error");
            return error != null && error.isObject() ? mapper.treeToValue(error, GraphApiError.class) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
