package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.ledger.StatusContext;
import io.github.cwmarketing.whatsapp.ledger.StatusUpdate;
import io.github.cwmarketing.whatsapp.model.RoutedVia;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.WebhookError;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException;
import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.webhook.DeduplicationKey;
import io.github.cwmarketing.whatsapp.webhook.EventJournal;

/**
 * The webhook consumer's journal on the message ledger: each event under its deduplication key, statuses applied to
 * their message's row, and the row's context (send key, campaign, template, sent-at, previous status) as headers. The
 * request thread (a worker thread of the HTTP server, never an event loop: the route runs there too) waits for each
 * of the two calls of a POST at most the consumer's {@code webhookLedgerTimeout}, so that a database that hangs gets
 * Meta a quick error answer (and a re-delivery) instead of holding its request.
 */
final class LedgerEventJournal implements EventJournal {

    private final MessageLedger ledger;
    private final Duration timeout;
    private final WhatsAppMarketingListener listener;

    LedgerEventJournal(MessageLedger ledger, Duration timeout, WhatsAppMarketingListener listener) {
        this.ledger = ledger;
        this.timeout = timeout;
        this.listener = listener;
    }

    @Override
    public List<Entry> lookup(List<WebhookEvent> events) {
        List<StatusContext> contexts = await(ledger.lookupStatuses(updates(events)));
        List<Entry> entries = new ArrayList<>(contexts.size());
        for (StatusContext context : contexts) {
            entries.add(new Entry(context.duplicate(), headers(context)));
        }
        return entries;
    }

    @Override
    public List<Boolean> record(List<WebhookEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<StatusUpdate> updates = updates(events);
        return await(LedgerWrites.timed(LedgerWrite.STATUSES, listener, () -> ledger.recordStatuses(updates)));
    }

    private static Map<String, Object> headers(StatusContext context) {
        Map<String, Object> headers = new HashMap<>();
        put(headers, WhatsAppMarketingConstants.SEND_KEY, context.sendKey());
        put(headers, WhatsAppMarketingConstants.CAMPAIGN, context.campaign());
        put(headers, WhatsAppMarketingConstants.TEMPLATE_NAME, context.templateName());
        put(headers, WhatsAppMarketingConstants.SENT_AT, context.sentAt());
        put(headers, WhatsAppMarketingConstants.PREVIOUS_STATUS,
                context.previousStatus() == null ? null : context.previousStatus().wireName());
        return headers;
    }

    private static void put(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static List<StatusUpdate> updates(List<WebhookEvent> events) {
        List<StatusUpdate> updates = new ArrayList<>(events.size());
        for (WebhookEvent event : events) {
            updates.add(update(event));
        }
        return updates;
    }

    /** A status as the ledger applies it; any other event only under its key, for deduplication. */
    static StatusUpdate update(WebhookEvent event) {
        String key = DeduplicationKey.of(event);
        if (key != null && key.length() > StatusUpdate.EVENT_KEY_MAX) {
            key = null;
        }
        if (!(event instanceof StatusEvent status)) {
            return new StatusUpdate(key, null, null, null, null, event.getPhoneNumberId(), null, null, null, null, null);
        }
        RoutedVia routedVia = status.routedVia();
        WebhookError error = status.firstError();
        return new StatusUpdate(key, status.getId(), status.getStatus(), status.getTimestamp(), status.recipient(),
                event.getPhoneNumberId(), routedVia == null ? null : routedVia.name(),
                status.getPricing() == null ? null : status.getPricing().getCategory(),
                error == null ? null : error.getCode(), error == null ? null : error.getTitle(),
                status.getBizOpaqueCallbackData());
    }

    private <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WhatsAppMarketingLedgerException("Interrupted while waiting for the message ledger", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new WhatsAppMarketingLedgerException("Message ledger failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new WhatsAppMarketingLedgerException("The message ledger did not answer within "
                                                       + timeout.toMillis() + " ms (webhookLedgerTimeout)", e);
        }
    }
}
