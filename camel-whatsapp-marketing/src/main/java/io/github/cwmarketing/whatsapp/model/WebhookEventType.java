package io.github.cwmarketing.whatsapp.model;

/**
 * The kinds of webhook events the consumer routes; the names are the values of the event type header. Inbound
 * messages, errors and user actions come, like statuses, from {@code messages} changes.
 */
public enum WebhookEventType {
    /** A status of a sent message: {@code value.statuses[]} of a {@code messages} change. */
    status,
    /** An inbound message: {@code value.messages[]}. */
    message,
    /** A system, app or account level error: {@code value.errors[]}. */
    error,
    /** A user action such as a Marketing Messages link click: {@code value.user_actions[]}. */
    user_action,
    /**
     * A status under another webhook field than {@code messages} (e.g. a call status under {@code calls}): not the
     * status of a sent message.
     */
    field_status
}
