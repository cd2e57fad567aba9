package io.github.cwmarketing.whatsapp.ledger;

import java.time.Instant;

/**
 * The ledger's answer to a {@link SendIntent}: whether to send, and what the ledger knows of the key otherwise.
 *
 * @param intent        what was claimed
 * @param status        whether to send
 * @param claimToken    the fencing token of a PROCEED claim with a key (hand-over and outcome only apply while the
 *                      row still holds it), else null
 * @param messageId     the stored message id of a DUPLICATE, else null
 * @param messageStatus the stored acceptance state of a DUPLICATE (accepted, held_for_quality_assessment...), or null
 * @param sentAt        when an UNKNOWN_OUTCOME or DUPLICATE message was handed over, or null
 * @param suppression   the suppression of a SUPPRESSED claim, else null
 */
public record SendClaim(SendIntent intent, ClaimStatus status, String claimToken, String messageId,
                        String messageStatus, Instant sentAt, Suppression suppression) {

    static SendClaim proceed(SendIntent intent, String claimToken) {
        return new SendClaim(intent, ClaimStatus.PROCEED, claimToken, null, null, null, null);
    }

    static SendClaim of(SendIntent intent, ClaimStatus status, String messageId, String messageStatus,
                        Instant sentAt) {
        return new SendClaim(intent, status, null, messageId, messageStatus, sentAt, null);
    }

    static SendClaim suppressed(SendIntent intent, Suppression suppression) {
        return new SendClaim(intent, ClaimStatus.SUPPRESSED, null, null, null, null, suppression);
    }

    /** Whether the ledger holds a row claimed for this send (a PROCEED claim with a key). */
    public boolean holdsRow() {
        return claimToken != null;
    }
}
