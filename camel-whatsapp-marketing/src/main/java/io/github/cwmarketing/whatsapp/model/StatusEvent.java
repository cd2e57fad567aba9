package io.github.cwmarketing.whatsapp.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A status of a sent message ({@code value.statuses[]} of a {@code messages} change): sent, delivered, read, failed or
 * played. {@code recipient_id}, {@code conversation} and {@code pricing} may be absent (BSUID sends; API v24.0 and
 * later). A message sent to a group has one status per participant under the same message id:
 * {@code recipient_id} is then the group and {@code recipient_participant_id} the participant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class StatusEvent extends WebhookEvent {

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
    @JsonProperty("recipient_user_id")
    private String recipientUserId;
    @JsonProperty("recipient_parent_user_id")
    private String recipientParentUserId;
    @JsonProperty("recipient_type")
    private String recipientType;
    @JsonProperty("recipient_participant_id")
    private String recipientParticipantId;
    @JsonProperty("biz_opaque_callback_data")
    private String bizOpaqueCallbackData;
    @JsonProperty("conversation")
    private Conversation conversation;
    @JsonProperty("pricing")
    private Pricing pricing;
    @JsonProperty("errors")
    private List<WebhookError> errors;

    @Override
    public WebhookEventType eventType() {
        return WebhookEventType.status;
    }

    /** The recipient's phone number, or its BSUID when the phone number is not disclosed. */
    public String recipient() {
        return recipientId != null ? recipientId : recipientUserId;
    }

    /** The first error of a failed status, or null. */
    public WebhookError firstError() {
        return errors == null || errors.isEmpty() ? null : errors.get(0);
    }

    /** How Meta routed the message, or null when the status carries neither pricing category nor origin. */
    public RoutedVia routedVia() {
        String category = pricing != null ? pricing.getCategory() : null;
        String originType = conversation != null && conversation.getOrigin() != null
                ? conversation.getOrigin().getType() : null;
        return RoutedVia.of(category, originType);
    }

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

    public String getRecipientUserId() {
        return recipientUserId;
    }

    public void setRecipientUserId(String recipientUserId) {
        this.recipientUserId = recipientUserId;
    }

    public String getRecipientParentUserId() {
        return recipientParentUserId;
    }

    public void setRecipientParentUserId(String recipientParentUserId) {
        this.recipientParentUserId = recipientParentUserId;
    }

    /** {@code group} for a message sent to a group, else usually absent. */
    public String getRecipientType() {
        return recipientType;
    }

    public void setRecipientType(String recipientType) {
        this.recipientType = recipientType;
    }

    /** The group participant this status is about, for a message sent to a group; else null. */
    public String getRecipientParticipantId() {
        return recipientParticipantId;
    }

    public void setRecipientParticipantId(String recipientParticipantId) {
        this.recipientParticipantId = recipientParticipantId;
    }

    public String getBizOpaqueCallbackData() {
        return bizOpaqueCallbackData;
    }

    public void setBizOpaqueCallbackData(String bizOpaqueCallbackData) {
        this.bizOpaqueCallbackData = bizOpaqueCallbackData;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public void setConversation(Conversation conversation) {
        this.conversation = conversation;
    }

    public Pricing getPricing() {
        return pricing;
    }

    public void setPricing(Pricing pricing) {
        this.pricing = pricing;
    }

    public List<WebhookError> getErrors() {
        return errors;
    }

    public void setErrors(List<WebhookError> errors) {
        this.errors = errors;
    }

    /** Only on sent and one of delivered/read, and omitted from API v24.0 on (except free entry points). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Conversation {

        @JsonProperty("id")
        private String id;
        @JsonProperty("expiration_timestamp")
        @JsonDeserialize(using = EpochSecondsDeserializer.class)
        @JsonSerialize(using = EpochSecondsSerializer.class)
        private Instant expirationTimestamp;
        @JsonProperty("origin")
        private Origin origin;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public Instant getExpirationTimestamp() {
            return expirationTimestamp;
        }

        public void setExpirationTimestamp(Instant expirationTimestamp) {
            this.expirationTimestamp = expirationTimestamp;
        }

        public Origin getOrigin() {
            return origin;
        }

        public void setOrigin(Origin origin) {
            this.origin = origin;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Origin {

        @JsonProperty("type")
        private String type;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }
    }

    /** Only on sent and one of delivered/read. {@code billable} is deprecated by Meta: use type and category. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Pricing {

        @JsonProperty("billable")
        private Boolean billable;
        @JsonProperty("pricing_model")
        private String pricingModel;
        @JsonProperty("type")
        private String type;
        @JsonProperty("category")
        private String category;

        public Boolean getBillable() {
            return billable;
        }

        public void setBillable(Boolean billable) {
            this.billable = billable;
        }

        public String getPricingModel() {
            return pricingModel;
        }

        public void setPricingModel(String pricingModel) {
            this.pricingModel = pricingModel;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }
    }
}
