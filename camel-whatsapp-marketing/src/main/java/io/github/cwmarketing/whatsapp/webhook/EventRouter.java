package io.github.cwmarketing.whatsapp.webhook;

import java.util.Map;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;

/**
 * Routes one webhook event through the Camel route, synchronously.
 */
@FunctionalInterface
public interface EventRouter {

    /**
     * Whether the route processed the event successfully (not failed, not rolled back).
     *
     * @param headers headers to add to the exchange besides the event's own (the message ledger's context), maybe empty
     */
    boolean route(WebhookEvent event, Map<String, Object> headers);
}
