package io.github.cwmarketing.whatsapp.webhook;

import java.util.List;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.spi.WebhookEventOutcome;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the events of one webhook POST one by one, in order, each at most once. A failed event does not stop the
 * others: they are processed and recorded, so that Meta's re-delivery of the POST routes only what failed.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Deduplicator deduplicator;
    private final EventRouter router;
    private final WhatsAppMarketingListener listener;

    public EventDispatcher(Deduplicator deduplicator, EventRouter router, WhatsAppMarketingListener listener) {
        this.deduplicator = deduplicator;
        this.router = router;
        this.listener = listener;
    }

    /** Whether every event was processed now or before, i.e. whether the POST may be acknowledged. */
    public boolean dispatchAll(List<WebhookEvent> events) {
        int processed = 0;
        int duplicates = 0;
        int failed = 0;
        for (WebhookEvent event : events) {
            switch (deduplicator.once(DeduplicationKey.of(event), () -> router.route(event))) {
                case PROCESSED -> {
                    processed++;
                    listener.onWebhookEvent(event, WebhookEventOutcome.ROUTED);
                }
                case DUPLICATE -> {
                    duplicates++;
                    listener.onWebhookEvent(event, WebhookEventOutcome.DUPLICATE);
                }
                case FAILED -> {
                    failed++;
                    listener.onWebhookEvent(event, WebhookEventOutcome.FAILED);
                }
            }
        }
        LOG.debug("Webhook POST with {} events: {} processed, {} duplicates, {} failed",
                events.size(), processed, duplicates, failed);
        return failed == 0;
    }
}
