package io.github.cwmarketing.whatsapp.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A user action ({@code value.user_actions[]}), such as a click on a link of a message sent through the Marketing
 * Messages API; routed with {@code events=all}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class UserActionEvent extends WebhookEvent {

    @JsonProperty("action_type")
    private String actionType;
    @JsonProperty("timestamp")
    @JsonDeserialize(using = EpochSecondsDeserializer.class)
    @JsonSerialize(using = EpochSecondsSerializer.class)
    private Instant timestamp;
    @JsonProperty("marketing_messages_link_click_data")
    private LinkClickData linkClickData;

    @Override
    public WebhookEventType eventType() {
        return WebhookEventType.user_action;
    }

    public String getActionType() {
        return actionType;
    }

    public void setActionType(String actionType) {
        this.actionType = actionType;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    public LinkClickData getLinkClickData() {
        return linkClickData;
    }

    public void setLinkClickData(LinkClickData linkClickData) {
        this.linkClickData = linkClickData;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class LinkClickData {

        @JsonProperty("click_component")
        private String clickComponent;
        @JsonProperty("product_id")
        private String productId;
        @JsonProperty("click_id")
        private String clickId;
        @JsonProperty("tracking_token")
        private String trackingToken;

        public String getClickComponent() {
            return clickComponent;
        }

        public void setClickComponent(String clickComponent) {
            this.clickComponent = clickComponent;
        }

        public String getProductId() {
            return productId;
        }

        public void setProductId(String productId) {
            this.productId = productId;
        }

        public String getClickId() {
            return clickId;
        }

        public void setClickId(String clickId) {
            this.clickId = clickId;
        }

        public String getTrackingToken() {
            return trackingToken;
        }

        public void setTrackingToken(String trackingToken) {
            this.trackingToken = trackingToken;
        }
    }
}
