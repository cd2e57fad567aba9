package io.github.cwmarketing.whatsapp.ledger;

import java.time.Instant;

/**
 * One status webhook event, as the ledger applies it.
 *
 * @param eventKey        the deduplication key of the event (re-deliveries carry the same), or null when it cannot
 *                        be deduplicated; at most {@value #EVENT_KEY_MAX} characters
 * @param messageId       the message id (wamid) the status is about
 * @param status          sent, delivered, read, failed or played
 * @param occurredAt      Meta's timestamp of the status, or null
 * @param recipient       the recipient (phone number digits or BSUID), or null
 * @param phoneNumberId   the business phone number id, or null
 * @param routedVia       MARKETING_MESSAGES_API or CLOUD_API, or null
 * @param pricingCategory pricing.category, or null
 * @param errorCode       the first error's code of a failed status, or null
 * @param errorTitle      the first error's title, or null
 * @param callbackData    {@code biz_opaque_callback_data}: the send key when the component put it there, or null
 */
public record StatusUpdate(String eventKey, String messageId, String status, Instant occurredAt, String recipient,
                           String phoneNumberId, String routedVia, String pricingCategory, Integer errorCode,
                           String errorTitle, String callbackData) {

    public static final int EVENT_KEY_MAX = 1024;

    public StatusUpdate {
        if (eventKey != null && eventKey.length() > EVENT_KEY_MAX) {
            throw new IllegalArgumentException("An event key is at most " + EVENT_KEY_MAX + " characters");
        }
        recipient = Recipients.key(recipient);
        if (errorTitle != null && errorTitle.length() > AttemptOutcome.ERROR_TITLE_MAX) {
            errorTitle = errorTitle.substring(0, AttemptOutcome.ERROR_TITLE_MAX);
        }
    }

    /** The tracked status, or null for a value the ledger ignores. */
    public DeliveryStatus deliveryStatus() {
        return DeliveryStatus.of(status);
    }
}
