package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The expiry of a limited-time offer, in Unix epoch milliseconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LimitedTimeOffer extends PassThroughObject {

    @JsonProperty("expiration_time_ms")
    private Long expirationTimeMs;

    public LimitedTimeOffer() {
    }

    public LimitedTimeOffer(long expirationTimeMs) {
        this.expirationTimeMs = expirationTimeMs;
    }

    public Long getExpirationTimeMs() {
        return expirationTimeMs;
    }

    public void setExpirationTimeMs(Long expirationTimeMs) {
        this.expirationTimeMs = expirationTimeMs;
    }
}
