package io.github.cwmarketing.whatsapp.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A {@code value.statuses[]} element of a change whose {@code field} is not {@code messages} (for example a call
 * status under {@code calls}). It is not the status of a sent message, so it is routed only with {@code events=all}.
 * Only the envelope is mapped; the rest of the object is in {@link #getRawJson()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class FieldStatusEvent extends WebhookEvent {

    @JsonProperty("field")
    private String field;
    @JsonProperty("id")
    private String id;
    @JsonProperty("status")
    private String status;
    @JsonProperty("timestamp")
    @JsonDeserialize(using = EpochSecondsDeserializer.class)
    @JsonSerialize(using = EpochSecondsSerializer.class)
    private Instant timestamp;
    @JsonProperty("recipient_id")
    private String recipientId;

    @Override
    public WebhookEventType eventType() {
        return WebhookEventType.field_status;
    }

    /** The webhook field of the change the status came in, e.g. {@code calls}. */
    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    /** The id of what the status is about (e.g. a call id): not a message id. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }
}
