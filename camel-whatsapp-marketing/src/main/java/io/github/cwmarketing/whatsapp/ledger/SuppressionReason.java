package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a recipient is suppressed. Meta's two recipient-level refusals of marketing messages map here: 131050 (the user
 * stopped marketing messages from the business: suppressed until lifted) and 131049 (per-user marketing limit: parked
 * for {@code parkDuration}, since retrying within 24 hours blocks the user for longer).
 */
public enum SuppressionReason {
    /** Meta error 131050: the user stopped marketing messages. Lasts until lifted. */
    OPTED_OUT,
    /** Meta error 131049: the per-user marketing limit. Lasts for the park duration. */
    PARKED,
    /** Added or imported through the ledger's API or the {@code suppress} operation. */
    MANUAL;

    public static final int OPTED_OUT_ERROR_CODE = 131050;
    public static final int PARKED_ERROR_CODE = 131049;

    /** The reason a Meta error code suppresses its recipient for, or null when it does not. */
    public static SuppressionReason forErrorCode(Integer errorCode) {
        if (errorCode == null) {
            return null;
        }
        return switch (errorCode) {
            case OPTED_OUT_ERROR_CODE -> OPTED_OUT;
            case PARKED_ERROR_CODE -> PARKED;
            default -> null;
        };
    }

    /** The suppression a Meta error code causes for a recipient at {@code now}, or null when it causes none. */
    public static Suppression forError(String recipient, Integer errorCode, Instant now, Duration parkDuration) {
        SuppressionReason reason = forErrorCode(errorCode);
        if (reason == null || recipient == null) {
            return null;
        }
        Instant until = reason == PARKED ? now.plus(parkDuration) : null;
        return new Suppression(recipient, reason, until, errorCode, null, now);
    }
}
