package io.github.cwmarketing.whatsapp.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * An inbound message ({@code value.messages[]}), routed with {@code events=all}. Only the envelope is mapped; the
 * content of each message type is in {@link #getRawJson()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MessageEvent extends WebhookEvent {

    @JsonProperty("id")
    private String id;
    @JsonProperty("from")
    private String from;
    @JsonProperty("timestamp")
    @JsonDeserialize(using = EpochSecondsDeserializer.class)
    @JsonSerialize(using = EpochSecondsSerializer.class)
    private Instant timestamp;
    @JsonProperty("type")
    private String type;

    @Override
    public WebhookEventType eventType() {
        return WebhookEventType.message;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
