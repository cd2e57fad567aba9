package io.github.cwmarketing.whatsapp.ledger;

/**
 * What the ledger answered to a claim.
 */
public enum ClaimStatus {
    /** Send it: the key is claimed by this instance (or the send has no key). */
    PROCEED,
    /** Accepted earlier: do not send; the claim carries the stored message id. */
    DUPLICATE,
    /** Being sent right now by a live instance (maybe this one): do not send. */
    IN_FLIGHT,
    /** Sent earlier without a usable answer: do not send (unless resendUnknownOutcomeAfter allows it). */
    UNKNOWN_OUTCOME,
    /** The recipient is suppressed or parked: do not send; the claim carries the suppression. */
    SUPPRESSED
}
