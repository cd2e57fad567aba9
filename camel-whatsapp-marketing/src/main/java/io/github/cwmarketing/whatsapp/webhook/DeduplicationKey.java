package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.model.MessageEvent;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.UserActionEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;

/**
 * The key under which an event is recorded as processed: (message id, status) for a status. Events without an
 * identity (value-level errors, which can legitimately repeat) have none and are never deduplicated.
 */
public final class DeduplicationKey {

    private static final char SEPARATOR = '|';

    private DeduplicationKey() {
    }

    /** The key of the event, or null when it cannot be deduplicated. */
    public static String of(WebhookEvent event) {
        if (event instanceof StatusEvent status) {
            return key(status.getId(), status.getStatus());
        }
        if (event instanceof MessageEvent message) {
            return key(message.getId(), "message");
        }
        if (event instanceof UserActionEvent action && action.getLinkClickData() != null) {
            return key(action.getLinkClickData().getClickId(), "user_action");
        }
        return null;
    }

    private static String key(String id, String kind) {
        return id == null || id.isEmpty() || kind == null ? null : id + SEPARATOR + kind;
    }
}
