package io.github.cwmarketing.whatsapp.spi;

/**
 * What happened to one event of a webhook POST.
 */
public enum WebhookEventOutcome {
    /** Routed, and the route succeeded. */
    ROUTED,
    /** A re-delivery of an event already routed: not routed again. */
    DUPLICATE,
    /** The route failed: the POST is answered with an error, so Meta re-delivers it. */
    FAILED,
    /**
     * Acknowledged but not routed: an event of a type the consumer's {@code events} option does not route (with the
     * default {@code events=statuses}: inbound customer messages, value-level errors, user actions and statuses of
     * other webhook fields). Meta does not send it again.
     */
    IGNORED
}
