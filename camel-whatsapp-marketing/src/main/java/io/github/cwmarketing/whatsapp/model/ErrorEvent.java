package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A system, app or account level error ({@code value.errors[]}, no statuses), routed with {@code events=all}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ErrorEvent extends WebhookEvent {

    @JsonProperty("error")
    private WebhookError error;

    public ErrorEvent() {
    }

    public ErrorEvent(WebhookError error) {
        this.error = error;
    }

    @Override
    public WebhookEventType eventType() {
        return WebhookEventType.error;
    }

    public WebhookError getError() {
        return error;
    }

    public void setError(WebhookError error) {
        this.error = error;
    }
}
