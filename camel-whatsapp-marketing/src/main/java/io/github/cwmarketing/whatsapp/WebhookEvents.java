package io.github.cwmarketing.whatsapp;

/**
 * Which webhook values the consumer routes.
 */
public enum WebhookEvents {
    /** One exchange per status (sent, delivered, read, failed, played). */
    statuses,
    /** Statuses, and also inbound messages, value-level errors and user actions (click events). */
    all
}
