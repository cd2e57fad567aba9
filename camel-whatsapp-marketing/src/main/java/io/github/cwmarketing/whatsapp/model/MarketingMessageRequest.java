package io.github.cwmarketing.whatsapp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /{version}/{phone-number-id}/marketing_messages}. Fields Meta adds later, which this model
 * does not know yet, are kept in {@link #getAdditionalFields()} (here and in every nested object) and sent as they
 * came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MarketingMessageRequest extends PassThroughObject {

    public static final String MESSAGING_PRODUCT = "whatsapp";
    public static final String RECIPIENT_TYPE_INDIVIDUAL = "individual";
    public static final String TYPE_TEMPLATE = "template";

    @JsonProperty("messaging_product")
    private String messagingProduct;
    @JsonProperty("recipient_type")
    private String recipientType;
    @JsonProperty("to")
    private String to;
    @JsonProperty("recipient")
    private String recipient;
    @JsonProperty("type")
    private String type;
    @JsonProperty("template")
    private Template template;
    @JsonProperty("product_policy")
    private ProductPolicy productPolicy;
    @JsonProperty("message_activity_sharing")
    private Boolean messageActivitySharing;
    @JsonProperty("biz_opaque_callback_data")
    private String bizOpaqueCallbackData;
    @JsonProperty("bid_spec")
    private BidSpec bidSpec;

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy that can be completed without changing this request: the envelope, the template and its language are
     * copied; components, parameters and the values of additional fields are shared.
     */
    public MarketingMessageRequest copy() {
        MarketingMessageRequest copy = new MarketingMessageRequest();
        copy.messagingProduct = messagingProduct;
        copy.recipientType = recipientType;
        copy.to = to;
        copy.recipient = recipient;
        copy.type = type;
        copy.template = template == null ? null : template.copy();
        copy.productPolicy = productPolicy;
        copy.messageActivitySharing = messageActivitySharing;
        copy.bizOpaqueCallbackData = bizOpaqueCallbackData;
        copy.bidSpec = bidSpec;
        copy.copyAdditionalFieldsFrom(this);
        return copy;
    }

    public String getMessagingProduct() {
        return messagingProduct;
    }

    public void setMessagingProduct(String messagingProduct) {
        this.messagingProduct = messagingProduct;
    }

    public String getRecipientType() {
        return recipientType;
    }

    public void setRecipientType(String recipientType) {
        this.recipientType = recipientType;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Template getTemplate() {
        return template;
    }

    public void setTemplate(Template template) {
        this.template = template;
    }

    public ProductPolicy getProductPolicy() {
        return productPolicy;
    }

    public void setProductPolicy(ProductPolicy productPolicy) {
        this.productPolicy = productPolicy;
    }

    public Boolean getMessageActivitySharing() {
        return messageActivitySharing;
    }

    public void setMessageActivitySharing(Boolean messageActivitySharing) {
        this.messageActivitySharing = messageActivitySharing;
    }

    public String getBizOpaqueCallbackData() {
        return bizOpaqueCallbackData;
    }

    public void setBizOpaqueCallbackData(String bizOpaqueCallbackData) {
        this.bizOpaqueCallbackData = bizOpaqueCallbackData;
    }

    public BidSpec getBidSpec() {
        return bidSpec;
    }

    public void setBidSpec(BidSpec bidSpec) {
        this.bidSpec = bidSpec;
    }

    /**
     * Fluent construction of a request. Envelope fields left unset are filled by the producer.
     */
    public static final class Builder {

        private final MarketingMessageRequest request = new MarketingMessageRequest();

        private Builder() {
        }

        public Builder to(String phoneNumber) {
            request.to = phoneNumber;
            return this;
        }

        /** A business-scoped user id (BSUID), e.g. {@code US.13491208655302741918}. */
        public Builder recipient(String bsuid) {
            request.recipient = bsuid;
            return this;
        }

        public Builder template(String name, String languageCode) {
            request.template = new Template(name, languageCode);
            return this;
        }

        public Builder template(Template template) {
            request.template = template;
            return this;
        }

        public Builder header(TemplateParameter... parameters) {
            return component(TemplateComponent.header(parameters));
        }

        public Builder body(TemplateParameter... parameters) {
            return component(TemplateComponent.body(parameters));
        }

        public Builder button(String subType, int index, TemplateParameter... parameters) {
            return component(TemplateComponent.button(subType, index, parameters));
        }

        public Builder carousel(CarouselCard... cards) {
            return component(TemplateComponent.carousel(cards));
        }

        public Builder limitedTimeOffer(long expirationTimeMs) {
            return component(TemplateComponent.limitedTimeOffer(expirationTimeMs));
        }

        public Builder component(TemplateComponent... components) {
            if (request.template == null) {
                request.template = new Template();
            }
            request.template.addComponents(components);
            return this;
        }

        public Builder productPolicy(ProductPolicy productPolicy) {
            request.productPolicy = productPolicy;
            return this;
        }

        public Builder messageActivitySharing(Boolean messageActivitySharing) {
            request.messageActivitySharing = messageActivitySharing;
            return this;
        }

        public Builder bizOpaqueCallbackData(String bizOpaqueCallbackData) {
            request.bizOpaqueCallbackData = bizOpaqueCallbackData;
            return this;
        }

        public Builder perMessageBidMultiplier(double multiplier) {
            request.bidSpec = new BidSpec(multiplier);
            return this;
        }

        public Builder field(String name, Object value) {
            request.setAdditionalField(name, value);
            return this;
        }

        public MarketingMessageRequest build() {
            return request;
        }
    }
}
