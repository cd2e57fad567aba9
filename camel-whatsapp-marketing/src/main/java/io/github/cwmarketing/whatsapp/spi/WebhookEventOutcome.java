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
    FAILED
}
