package io.github.cwmarketing.whatsapp.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.GraphApiError;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;

/**
 * Turns an unsuccessful Graph API response into a {@link WhatsAppMarketingApiException}, whichever provider sent it:
 * <ul>
 * <li>Meta: {@code {"error": {"message": ..., "code": ..., ...}}};</li>
 * <li>360dialog, which wraps Meta's error: {@code {"detail": {"error": {...}}}};</li>
 * <li>360dialog's own errors, where {@code error} (or {@code detail}) is a string, e.g.
 * {@code {"error": "Invalid api token."}}: the string becomes the message, without a code;</li>
 * <li>anything else (HTML from a proxy, an empty body): the HTTP status and an excerpt of the body.</li>
 * </ul>
 * How long to wait before trying again is the longest of what {@code x-business-use-case-usage} asks and, on HTTP
 * 429 and 503, what {@code Retry-After} asks.
 */
public final class GraphApiErrors {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final ObjectMapper mapper;
    private final Clock clock;

    public GraphApiErrors(ObjectMapper mapper) {
        this(mapper, Clock.systemUTC());
    }

    /** With the clock that an HTTP-date {@code Retry-After} is measured from. */
    public GraphApiErrors(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public WhatsAppMarketingApiException toException(GraphApiResponse response) {
        GraphApiError error = parseError(response.body());
        if (error == null) {
            error = new GraphApiError();
            error.setMessage("HTTP " + response.status() + " without a Graph API error: " + excerpt(response.body()));
        }
        return new WhatsAppMarketingApiException(response.status(), error, retryAfter(response));
    }

    private Duration retryAfter(GraphApiResponse response) {
        Duration usage = BusinessUseCaseUsage.retryAfter(response.businessUseCaseUsage(), mapper);
        boolean refusedForLoad = response.status() == 429 || response.status() == 503;
        Duration header = refusedForLoad ? RetryAfterHeader.parse(response.retryAfter(), clock) : null;
        if (usage == null || header == null) {
            return usage != null ? usage : header;
        }
        return usage.compareTo(header) >= 0 ? usage : header;
    }

    private GraphApiError parseError(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                return null;
            }
            JsonNode error = root.get("error");
            if (error == null || error.isNull()) {
                JsonNode detail = root.get("detail");
                error = detail != null && detail.isObject() ? detail.get("error") : detail;
            }
            if (error == null || error.isNull()) {
                return null;
            }
            if (error.isObject()) {
                return mapper.treeToValue(error, GraphApiError.class);
            }
            if (error.isTextual() && !error.asText().isBlank()) {
                GraphApiError text = new GraphApiError();
                text.setMessage(error.asText());
                return text;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
