package io.github.cwmarketing.whatsapp.webhook;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * others: they are processed and recorded, so that Meta's re-delivery of the POST routes only what failed. Events are
 * recorded either one by one in an idempotent repository ({@link Deduplicator}) or, with an {@link EventJournal} (the
 * message ledger), looked up for the whole POST before routing and recorded together after it: two round trips per
 * POST, shared by every instance. Events of a type this consumer does not route are acknowledged and dropped: the
 * listener is told ({@code IGNORED}), and the first inbound customer message dropped is logged at WARN, since Meta
 * sends an app's messages and statuses to one callback URL and a reply would otherwise vanish unnoticed.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Deduplicator deduplicator;
    private final EventJournal journal;
    private final EventRouter router;
    private final Set<WebhookEventType> routedTypes;
    private final WhatsAppMarketingListener listener;
    private final String webhookPath;
    private final AtomicBoolean droppedMessageLogged = new AtomicBoolean();

    /** {@code webhookPath} names the webhook in the log line about dropped inbound messages. */
    public EventDispatcher(Deduplicator deduplicator, EventRouter router, Set<WebhookEventType> routedTypes,
                           WhatsAppMarketingListener listener, String webhookPath) {
        this(deduplicator, null, router, routedTypes, listener, webhookPath);
    }

    /** Records in the journal (the message ledger) instead of an idempotent repository. */
    public EventDispatcher(EventJournal journal, EventRouter router, Set<WebhookEventType> routedTypes,
                           WhatsAppMarketingListener listener, String webhookPath) {
        this(null, journal, router, routedTypes, listener, webhookPath);
    }

    private EventDispatcher(Deduplicator deduplicator, EventJournal journal, EventRouter router,
                            Set<WebhookEventType> routedTypes, WhatsAppMarketingListener listener, String webhookPath) {
        this.deduplicator = deduplicator;
        this.journal = journal;
        this.router = router;
        this.routedTypes = EnumSet.copyOf(routedTypes);
        this.listener = listener;
        this.webhookPath = webhookPath;
    }

    /** Whether every event was processed now or before (or ignored), i.e. whether the POST may be acknowledged. */
    public boolean dispatchAll(List<WebhookEvent> events) {
        return journal != null ? dispatchJournaled(events) : dispatchDeduplicated(events);
    }

    private boolean dispatchDeduplicated(List<WebhookEvent> events) {
        int processed = 0;
        int duplicates = 0;
        int failed = 0;
        int ignored = 0;
        for (WebhookEvent event : events) {
            WebhookEventOutcome outcome = routed(event) ? deduplicated(event) : WebhookEventOutcome.IGNORED;
            switch (outcome) {
                case ROUTED -> processed++;
                case DUPLICATE -> duplicates++;
                case FAILED -> failed++;
                case IGNORED -> ignored++;
            }
            listener.onWebhookEvent(event, outcome);
        }
        logPost(events.size(), processed, duplicates, failed, ignored);
        return failed == 0;
    }

    private WebhookEventOutcome deduplicated(WebhookEvent event) {
        return switch (deduplicator.once(DeduplicationKey.of(event), () -> router.route(event, Map.of()))) {
            case PROCESSED -> WebhookEventOutcome.ROUTED;
            case DUPLICATE -> WebhookEventOutcome.DUPLICATE;
            case FAILED -> WebhookEventOutcome.FAILED;
        };
    }

    private boolean dispatchJournaled(List<WebhookEvent> events) {
        List<WebhookEvent> routable = new ArrayList<>(events.size());
        for (WebhookEvent event : events) {
            if (routed(event)) {
                routable.add(event);
            } else {
                listener.onWebhookEvent(event, WebhookEventOutcome.IGNORED);
            }
        }
        if (routable.isEmpty()) {
            return true;
        }
        List<EventJournal.Entry> entries;
        try {
            entries = journal.lookup(routable);
        } catch (RuntimeException e) {
            LOG.warn("Webhook POST not processed, the message ledger did not answer; Meta will re-deliver it: {}",
                    e.getMessage());
            routable.forEach(event -> listener.onWebhookEvent(event, WebhookEventOutcome.FAILED));
            return false;
        }
        List<WebhookEvent> processed = new ArrayList<>(routable.size());
        int duplicates = 0;
        int failed = 0;
        for (int i = 0; i < routable.size(); i++) {
            WebhookEvent event = routable.get(i);
            EventJournal.Entry entry = entries.get(i);
            if (entry.duplicate()) {
                duplicates++;
                listener.onWebhookEvent(event, WebhookEventOutcome.DUPLICATE);
            } else if (router.route(event, entry.headers())) {
                processed.add(event);
            } else {
                failed++;
                listener.onWebhookEvent(event, WebhookEventOutcome.FAILED);
            }
        }
        try {
            journal.record(processed);
        } catch (RuntimeException e) {
            LOG.warn("Webhook events routed but not recorded in the message ledger in time; Meta's re-delivery routes"
                     + " them again unless the record still lands: {}", e.getMessage());
            processed.forEach(event -> listener.onWebhookEvent(event, WebhookEventOutcome.FAILED));
            return false;
        }
        processed.forEach(event -> listener.onWebhookEvent(event, WebhookEventOutcome.ROUTED));
        logPost(events.size(), processed.size(), duplicates, failed, events.size() - routable.size());
        return failed == 0;
    }

    /** Whether this consumer routes events of the event's type; the others are acknowledged and dropped. */
    private boolean routed(WebhookEvent event) {
        if (routedTypes.contains(event.eventType())) {
            return true;
        }
        logFirstDroppedMessage(event);
        return false;
    }

    private static void logPost(int events, int processed, int duplicates, int failed, int ignored) {
        LOG.debug("Webhook POST with {} events: {} processed, {} duplicates, {} failed, {} ignored",
                events, processed, duplicates, failed, ignored);
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
