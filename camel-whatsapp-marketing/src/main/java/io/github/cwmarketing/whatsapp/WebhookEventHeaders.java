package io.github.cwmarketing.whatsapp;

import io.github.cwmarketing.whatsapp.model.ErrorEvent;
import io.github.cwmarketing.whatsapp.model.FieldStatusEvent;
import io.github.cwmarketing.whatsapp.model.MessageEvent;
import io.github.cwmarketing.whatsapp.model.RoutedVia;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.UserActionEvent;
import io.github.cwmarketing.whatsapp.model.WebhookError;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import org.apache.camel.Message;

/**
 * The headers of a routed webhook event; a header is absent when the event does not carry its value.
 */
final class WebhookEventHeaders {

    private WebhookEventHeaders() {
    }

    static void populate(Message message, WebhookEvent event) {
        message.setHeader(WhatsAppMarketingConstants.EVENT_TYPE, event.eventType().name());
        setIfPresent(message, WhatsAppMarketingConstants.WABA_ID, event.getWabaId());
        setIfPresent(message, WhatsAppMarketingConstants.PHONE_NUMBER_ID, event.getPhoneNumberId());
        if (event instanceof StatusEvent status) {
            populateStatus(message, status);
        } else if (event instanceof MessageEvent inbound) {
            setIfPresent(message, WhatsAppMarketingConstants.MESSAGE_ID, inbound.getId());
            setIfPresent(message, WhatsAppMarketingConstants.TIMESTAMP, inbound.getTimestamp());
        } else if (event instanceof ErrorEvent error) {
            populateError(message, error.getError());
        } else if (event instanceof UserActionEvent action) {
            setIfPresent(message, WhatsAppMarketingConstants.TIMESTAMP, action.getTimestamp());
        } else if (event instanceof FieldStatusEvent fieldStatus) {
            setIfPresent(message, WhatsAppMarketingConstants.FIELD, fieldStatus.getField());
            setIfPresent(message, WhatsAppMarketingConstants.STATUS, fieldStatus.getStatus());
            setIfPresent(message, WhatsAppMarketingConstants.TIMESTAMP, fieldStatus.getTimestamp());
        }
    }

    private static void populateStatus(Message message, StatusEvent status) {
        setIfPresent(message, WhatsAppMarketingConstants.MESSAGE_ID, status.getId());
        setIfPresent(message, WhatsAppMarketingConstants.STATUS, status.getStatus());
        setIfPresent(message, WhatsAppMarketingConstants.RECIPIENT_ID, status.recipient());
        setIfPresent(message, WhatsAppMarketingConstants.RECIPIENT_PARTICIPANT_ID, status.getRecipientParticipantId());
        setIfPresent(message, WhatsAppMarketingConstants.TIMESTAMP, status.getTimestamp());
        if (status.getPricing() != null) {
            setIfPresent(message, WhatsAppMarketingConstants.PRICING_CATEGORY, status.getPricing().getCategory());
        }
        RoutedVia routedVia = status.routedVia();
        if (routedVia != null) {
            message.setHeader(WhatsAppMarketingConstants.ROUTED_VIA, routedVia.name());
        }
        populateError(message, status.firstError());
    }

    private static void populateError(Message message, WebhookError error) {
        if (error != null) {
            setIfPresent(message, WhatsAppMarketingConstants.ERROR_CODE, error.getCode());
            setIfPresent(message, WhatsAppMarketingConstants.ERROR_TITLE, error.getTitle());
        }
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
