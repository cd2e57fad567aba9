package io.github.cwmarketing.whatsapp.webhook;

import java.util.List;
import java.util.Map;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;

/**
 * A store of processed webhook events shared by instances (the message ledger), used instead of an idempotent
 * repository: before the events of a POST are routed it tells which were processed already and what the route should
 * know of each; after, it records those the route processed, each once. A failure of either throws, and the POST is
 * answered with an error so that Meta re-delivers it.
 */
public interface EventJournal {

    /** What the journal knows of one event before it is routed. */
    record Entry(boolean duplicate, Map<String, Object> headers) {
    }

    /** For the events of one POST, in order. */
    List<Entry> lookup(List<WebhookEvent> events);

    /** Records the events the route processed; for each, whether it was recorded now (false: by someone else first). */
    List<Boolean> record(List<WebhookEvent> events);
}
