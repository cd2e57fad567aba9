package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per-message bid (max-price beta): a positive multiplier of the template's bid, 1 by default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BidSpec extends PassThroughObject {

    @JsonProperty("per_message_bid_multiplier")
    private Double perMessageBidMultiplier;

    public BidSpec() {
    }

    public BidSpec(double perMessageBidMultiplier) {
        this.perMessageBidMultiplier = perMessageBidMultiplier;
    }

    public Double getPerMessageBidMultiplier() {
        return perMessageBidMultiplier;
    }

    public void setPerMessageBidMultiplier(Double perMessageBidMultiplier) {
        this.perMessageBidMultiplier = perMessageBidMultiplier;
    }
}
