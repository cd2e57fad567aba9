package io.github.cwmarketing.whatsapp.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Meta's answer to an accepted marketing message: the contact it resolved and the message id (wamid) that status
 * webhooks will carry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MarketingMessageResponse {

    @JsonProperty("messaging_product")
    private String messagingProduct;
    @JsonProperty("contacts")
    private List<Contact> contacts;
    @JsonProperty("messages")
    private List<SentMessage> messages;

    /** The first contact, or null when Meta returned none. */
    public Contact firstContact() {
        return contacts == null || contacts.isEmpty() ? null : contacts.get(0);
    }

    /** The first message, or null when Meta returned none. */
    public SentMessage firstMessage() {
        return messages == null || messages.isEmpty() ? null : messages.get(0);
    }

    public String getMessagingProduct() {
        return messagingProduct;
    }

    public void setMessagingProduct(String messagingProduct) {
        this.messagingProduct = messagingProduct;
    }

    public List<Contact> getContacts() {
        return contacts;
    }

    public void setContacts(List<Contact> contacts) {
        this.contacts = contacts;
    }

    public List<SentMessage> getMessages() {
        return messages;
    }

    public void setMessages(List<SentMessage> messages) {
        this.messages = messages;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Contact {

        @JsonProperty("input")
        private String input;
        @JsonProperty("wa_id")
        private String waId;
        @JsonProperty("user_id")
        private String userId;

        public String getInput() {
            return input;
        }

        public void setInput(String input) {
            this.input = input;
        }

        public String getWaId() {
            return waId;
        }

        public void setWaId(String waId) {
            this.waId = waId;
        }

        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class SentMessage {

        @JsonProperty("id")
        private String id;
        @JsonProperty("message_status")
        private String messageStatus;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getMessageStatus() {
            return messageStatus;
        }

        public void setMessageStatus(String messageStatus) {
            this.messageStatus = messageStatus;
        }
    }
}
