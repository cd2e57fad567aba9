package io.github.cwmarketing.whatsapp.webhook;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEventType;
import io.github.cwmarketing.whatsapp.spi.WebhookEventOutcome;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the events of one webhook POST one by one, in order, each at most once. A failed event does not stop the
 * others: they are processed and recorded, so that Meta's re-delivery of the POST routes only what failed. Events of
 * a type this consumer does not route are acknowledged and dropped: the listener is told ({@code IGNORED}), and the
 * first inbound customer message dropped is logged at WARN, since Meta sends an app's messages and statuses to one
 * callback URL and a reply would otherwise vanish unnoticed.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Deduplicator deduplicator;
    private final EventRouter router;
    private final Set<WebhookEventType> routedTypes;
    private final WhatsAppMarketingListener listener;
    private final String webhookPath;
    private final AtomicBoolean droppedMessageLogged = new AtomicBoolean();

    /** {@code webhookPath} names the webhook in the log line about dropped inbound messages. */
    public EventDispatcher(Deduplicator deduplicator, EventRouter router, Set<WebhookEventType> routedTypes,
                           WhatsAppMarketingListener listener, String webhookPath) {
        this.deduplicator = deduplicator;
        this.router = router;
        this.routedTypes = EnumSet.copyOf(routedTypes);
        this.listener = listener;
        this.webhookPath = webhookPath;
    }

    /** Whether every event was processed now or before (or ignored), i.e. whether the POST may be acknowledged. */
    public boolean dispatchAll(List<WebhookEvent> events) {
        int processed = 0;
        int duplicates = 0;
        int failed = 0;
        int ignored = 0;
        for (WebhookEvent event : events) {
            WebhookEventOutcome outcome = dispatch(event);
            switch (outcome) {
                case ROUTED -> processed++;
                case DUPLICATE -> duplicates++;
                case FAILED -> failed++;
                case IGNORED -> ignored++;
            }
            listener.onWebhookEvent(event, outcome);
        }
        LOG.debug("Webhook POST with {} events: {} processed, {} duplicates, {} failed, {} ignored",
                events.size(), processed, duplicates, failed, ignored);
        return failed == 0;
    }

    private WebhookEventOutcome dispatch(WebhookEvent event) {
        if (!routedTypes.contains(event.eventType())) {
            logFirstDroppedMessage(event);
            return WebhookEventOutcome.IGNORED;
        }
        return switch (deduplicator.once(DeduplicationKey.of(event), () -> router.route(event))) {
            case PROCESSED -> WebhookEventOutcome.ROUTED;
            case DUPLICATE -> WebhookEventOutcome.DUPLICATE;
            case FAILED -> WebhookEventOutcome.FAILED;
        };
    }

    private void logFirstDroppedMessage(WebhookEvent event) {
        if (event.eventType() == WebhookEventType.message && droppedMessageLogged.compareAndSet(false, true)) {
            LOG.warn("The webhook on {} received an inbound customer message and dropped it: with events=statuses,"
                     + " inbound messages are acknowledged to Meta but not routed, and Meta does not send them again."
                     + " Meta sends an app's messages and statuses to the same callback URL: set events=all to route"
                     + " them. Logged once; WhatsAppMarketingListener is told of every dropped event (IGNORED).",
                    webhookPath);
        }
    }
}
