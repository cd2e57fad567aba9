package io.github.cwmarketing.whatsapp.examples.campaign;

import java.util.Locale;

/**
 * Where a campaign message stands. Statuses only move forward (Meta may deliver them late or out of order), and
 * FAILED is terminal.
 */
public enum MessageState {
    ACCEPTED, SENT, DELIVERED, READ, FAILED;

    static MessageState ofStatus(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sent" -> SENT;
            case "delivered", "played" -> DELIVERED;
            case "read" -> READ;
            case "failed" -> FAILED;
            default -> null;
        };
    }

    MessageState advanceTo(MessageState next) {
        if (this == FAILED || next == null) {
            return this;
        }
        return next == FAILED || next.ordinal() > ordinal() ? next : this;
    }
}
