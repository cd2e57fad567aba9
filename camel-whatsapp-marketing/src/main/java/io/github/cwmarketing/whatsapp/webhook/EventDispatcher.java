package io.github.cwmarketing.whatsapp.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.spi.WebhookEventOutcome;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the events of one webhook POST one by one, in order, each at most once. A failed event does not stop the
 * others: they are processed and recorded, so that Meta's re-delivery of the POST routes only what failed. Events are
 * recorded either one by one in an idempotent repository ({@link Deduplicator}) or, with an {@link EventJournal} (the
 * message ledger), looked up for the whole POST before routing and recorded together after it: two round trips per
 * POST, shared by every instance.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Deduplicator deduplicator;
    private final EventJournal journal;
    private final EventRouter router;
    private final WhatsAppMarketingListener listener;

    public EventDispatcher(Deduplicator deduplicator, EventRouter router, WhatsAppMarketingListener listener) {
        this(deduplicator, null, router, listener);
    }

    /** Records in the journal instead of the deduplicator's repository. */
    public EventDispatcher(EventJournal journal, EventRouter router, WhatsAppMarketingListener listener) {
        this(null, journal, router, listener);
    }

    private EventDispatcher(Deduplicator deduplicator, EventJournal journal, EventRouter router,
                            WhatsAppMarketingListener listener) {
        this.deduplicator = deduplicator;
        this.journal = journal;
        this.router = router;
        this.listener = listener;
    }

    /** Whether every event was processed now or before, i.e. whether the POST may be acknowledged. */
    public boolean dispatchAll(List<WebhookEvent> events) {
        return journal != null ? dispatchJournaled(events) : dispatchDeduplicated(events);
    }

    private boolean dispatchJournaled(List<WebhookEvent> events) {
        List<EventJournal.Entry> entries;
        try {
            entries = journal.lookup(events);
        } catch (RuntimeException e) {
            LOG.warn("Webhook POST not processed, the message ledger is unavailable; Meta will re-deliver it: {}",
                    e.getMessage());
            events.forEach(event -> listener.onWebhookEvent(event, WebhookEventOutcome.FAILED));
            return false;
        }
        List<WebhookEvent> routed = new ArrayList<>(events.size());
        int failed = 0;
        for (int i = 0; i < events.size(); i++) {
            WebhookEvent event = events.get(i);
            EventJournal.Entry entry = entries.get(i);
            if (entry.duplicate()) {
                listener.onWebhookEvent(event, WebhookEventOutcome.DUPLICATE);
            } else if (router.route(event, entry.headers())) {
                routed.add(event);
            } else {
                failed++;
                listener.onWebhookEvent(event, WebhookEventOutcome.FAILED);
            }
        }
        try {
            journal.record(routed);
        } catch (RuntimeException e) {
            LOG.warn("Webhook events routed but not recorded in the message ledger; Meta's re-delivery will route them"
                     + " again: {}", e.getMessage());
            routed.forEach(event -> listener.onWebhookEvent(event, WebhookEventOutcome.FAILED));
            return false;
        }
        routed.forEach(event -> listener.onWebhookEvent(event, WebhookEventOutcome.ROUTED));
        LOG.debug("Webhook POST with {} events: {} processed, {} failed", events.size(), routed.size(), failed);
        return failed == 0;
    }

    private boolean dispatchDeduplicated(List<WebhookEvent> events) {
        int processed = 0;
        int duplicates = 0;
        int failed = 0;
        for (WebhookEvent event : events) {
            switch (deduplicator.once(DeduplicationKey.of(event), () -> router.route(event, Map.of()))) {
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
