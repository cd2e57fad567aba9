package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;

/**
 * Routes one webhook event through the Camel route, synchronously.
 */
@FunctionalInterface
public interface EventRouter {

    /** Whether the route processed the event successfully (not failed, not rolled back). */
    boolean route(WebhookEvent event);
}
