package io.github.cwmarketing.whatsapp.ledger;

import java.time.Instant;

/**
 * The status of one message as its webhooks built it up, and the one rule for applying another: the status moves
 * forward only ({@link DeliveryStatus#advances}); routed-via, pricing category, error and each status's time keep the
 * first value they got. The JDBC ledger merges a batch's updates per message with this class and upserts them with the
 * same rule in SQL.
 */
final class StatusState {

    DeliveryStatus status;
    String recipient;
    String phoneNumberId;
    String routedVia;
    String pricingCategory;
    Integer errorCode;
    String errorTitle;
    Instant sentAt;
    Instant deliveredAt;
    Instant readAt;
    Instant failedAt;

    /** Applies one update; false when its status is not one the ledger tracks (nothing changes then). */
    boolean apply(StatusUpdate update) {
        DeliveryStatus next = update.deliveryStatus();
        if (next == null) {
            return false;
        }
        if (next.advances(status)) {
            status = next;
        }
        recipient = first(recipient, update.recipient());
        phoneNumberId = first(phoneNumberId, update.phoneNumberId());
        routedVia = first(routedVia, update.routedVia());
        pricingCategory = first(pricingCategory, update.pricingCategory());
        if (errorCode == null && update.errorCode() != null) {
            errorCode = update.errorCode();
            errorTitle = update.errorTitle();
        }
        Instant at = update.occurredAt();
        switch (next) {
            case SENT -> sentAt = first(sentAt, at);
            case DELIVERED -> deliveredAt = first(deliveredAt, at);
            case READ, PLAYED -> readAt = first(readAt, at);
            case FAILED -> failedAt = first(failedAt, at);
        }
        return true;
    }

    private static <T> T first(T current, T candidate) {
        return current != null ? current : candidate;
    }
}
