package io.github.cwmarketing.whatsapp.ledger;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A status Meta reports for a sent message, ranked so that progression never goes backwards: sent &lt; delivered &lt;
 * read (played, for voice messages, ranks with read); failed is final. An update with a rank not above the stored one
 * changes nothing, which is how out-of-order and duplicated webhooks are ignored.
 */
public enum DeliveryStatus {
    SENT(1),
    DELIVERED(2),
    READ(3),
    PLAYED(3),
    FAILED(9);

    private static final Map<String, DeliveryStatus> BY_WIRE_NAME = new HashMap<>();

    static {
        for (DeliveryStatus status : values()) {
            BY_WIRE_NAME.put(status.wireName, status);
        }
    }

    private final int rank;
    private final String wireName;

    DeliveryStatus(int rank) {
        this.rank = rank;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The rank stored in {@code whatsapp_message_status.status_rank}; failed has the highest. */
    public int rank() {
        return rank;
    }

    /** Whether moving from {@code current} (null = no status yet) to this status is progress. */
    public boolean advances(DeliveryStatus current) {
        return current == null || rank > current.rank;
    }

    /** The lower-case name Meta uses in webhooks. */
    public String wireName() {
        return wireName;
    }

    /** The status of a webhook's {@code status} field, or null for a value the ledger does not track. */
    public static DeliveryStatus of(String status) {
        if (status == null) {
            return null;
        }
        DeliveryStatus exact = BY_WIRE_NAME.get(status);
        if (exact != null) {
            return exact;
        }
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
