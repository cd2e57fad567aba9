package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A date_time parameter. Cloud API always shows the fallback value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DateTimeValue extends PassThroughObject {

    @JsonProperty("fallback_value")
    private String fallbackValue;

    public DateTimeValue() {
    }

    public DateTimeValue(String fallbackValue) {
        this.fallbackValue = fallbackValue;
    }

    public String getFallbackValue() {
        return fallbackValue;
    }

    public void setFallbackValue(String fallbackValue) {
        this.fallbackValue = fallbackValue;
    }
}
