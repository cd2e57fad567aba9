package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A currency parameter: an ISO 4217 code, the amount multiplied by 1000, and the text shown when it cannot be localised.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Currency extends PassThroughObject {

    @JsonProperty("fallback_value")
    private String fallbackValue;
    @JsonProperty("code")
    private String code;
    @JsonProperty("amount_1000")
    private Long amount1000;

    public Currency() {
    }

    public Currency(String fallbackValue, String code, long amount1000) {
        this.fallbackValue = fallbackValue;
        this.code = code;
        this.amount1000 = amount1000;
    }

    public String getFallbackValue() {
        return fallbackValue;
    }

    public void setFallbackValue(String fallbackValue) {
        this.fallbackValue = fallbackValue;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Long getAmount1000() {
        return amount1000;
    }

    public void setAmount1000(Long amount1000) {
        this.amount1000 = amount1000;
    }
}
