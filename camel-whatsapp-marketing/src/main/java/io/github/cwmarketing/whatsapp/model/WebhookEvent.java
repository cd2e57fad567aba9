package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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
    private String rawJson;

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
        return rawJson;
    }

    public void setRawJson(String rawJson) {
        this.rawJson = rawJson;
    }
}
