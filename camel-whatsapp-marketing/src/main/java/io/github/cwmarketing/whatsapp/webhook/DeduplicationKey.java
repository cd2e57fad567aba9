package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.model.FieldStatusEvent;
import io.github.cwmarketing.whatsapp.model.MessageEvent;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.UserActionEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;

/**
 * The key under which an event is recorded as processed. A status is (message id, status, recipient): a message sent
 * to a group has one status per participant under the same message id, and each is its own event. Events without an
 * identity (value-level errors, which can legitimately repeat) have none and are never deduplicated.
 */
public final class DeduplicationKey {

    private static final char SEPARATOR = '|';

    private DeduplicationKey() {
    }

    /** The key of the event, or null when it cannot be deduplicated. */
    public static String of(WebhookEvent event) {
        if (event instanceof StatusEvent status) {
            return key(status.getId(), status.getStatus(), recipient(status));
        }
        if (event instanceof MessageEvent message) {
            return key(message.getId(), "message");
        }
        if (event instanceof UserActionEvent action && action.getLinkClickData() != null) {
            return key(action.getLinkClickData().getClickId(), "user_action");
        }
        if (event instanceof FieldStatusEvent status) {
            return key(status.getId(), status.getField() + ":" + status.getStatus(), status.getRecipientId());
        }
        return null;
    }

    /**
     * Who a status is about: the recipient (phone number or group id, else BSUID) and, in a group, the participant;
     * empty when the status names none. A re-delivery carries the same fields, so it gets the same key.
     */
    private static String recipient(StatusEvent status) {
        String participant = status.getRecipientParticipantId();
        String recipient = status.recipient();
        if (participant != null) {
            return (recipient == null ? "" : recipient) + SEPARATOR + participant;
        }
        return recipient == null ? "" : recipient;
    }

    private static String key(String id, String kind) {
        return id == null || id.isEmpty() || kind == null ? null : id + SEPARATOR + kind;
    }

    private static String key(String id, String kind, String recipient) {
        String key = key(id, kind);
        return key == null ? null : key + SEPARATOR + (recipient == null ? "" : recipient);
    }
}
