package io.github.cwmarketing.whatsapp;

/**
 * The operations of {@code whatsapp-marketing:operation}.
 */
public enum WhatsAppMarketingOperation {
    /** Send a marketing template message (producer). */
    send,
    /** Receive Meta's status webhooks (consumer). */
    webhook
}
