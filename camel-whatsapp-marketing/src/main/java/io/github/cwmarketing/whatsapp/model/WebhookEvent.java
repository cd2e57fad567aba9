package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a webhook POST, with where it came from: the WhatsApp Business Account ({@code entry[].id}) and the
 * business phone number ({@code value.metadata}). It keeps the event's own JSON object as received.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class WebhookEvent {

    @JsonProperty("waba_id")
    private String wabaId;
    @JsonProperty("phone_number_id")
    private String phoneNumberId;
    @JsonProperty("display_phone_number")
    private String displayPhoneNumber;
    @JsonIgnore
    private volatile String rawJson;
    // the parsed JSON object, rendered into rawJson only when asked for: rendering every status up front took about a
    // sixth of the consumer's CPU with 100 statuses per POST, for a field few routes read
    @JsonIgnore
    private volatile JsonNode rawJsonNode;

    /** The kind of event; it decides the body type. */
    public abstract WebhookEventType eventType();

    public String getWabaId() {
        return wabaId;
    }

    public void setWabaId(String wabaId) {
        this.wabaId = wabaId;
    }

    public String getPhoneNumberId() {
        return phoneNumberId;
    }

    public void setPhoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    public String getDisplayPhoneNumber() {
        return displayPhoneNumber;
    }

    public void setDisplayPhoneNumber(String displayPhoneNumber) {
        this.displayPhoneNumber = displayPhoneNumber;
    }

    /** The event's JSON object (e.g. one element of {@code statuses[]}), including fields this type does not map. */
    public String getRawJson() {
        String json = rawJson;
        if (json == null) {
            JsonNode node = rawJsonNode;
            if (node != null) {
                json = node.toString();
                rawJson = json;
                rawJsonNode = null;
            }
        }
        return json;
    }

    public void setRawJson(String rawJson) {
        this.rawJson = rawJson;
        this.rawJsonNode = null;
    }

    /** Keeps the event's JSON object (never modified afterwards); {@link #getRawJson()} renders it on first call. */
    public void keepRawJson(JsonNode node) {
        this.rawJson = null;
        this.rawJsonNode = node;
    }
}
