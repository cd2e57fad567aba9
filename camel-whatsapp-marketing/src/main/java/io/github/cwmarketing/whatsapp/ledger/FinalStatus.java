package io.github.cwmarketing.whatsapp.ledger;

/**
 * Where a message of a campaign stands in a {@link CampaignReport}: the latest status webhook of an accepted message,
 * or how far a message that was not accepted got.
 */
public enum FinalStatus {
    /** Claimed or handed over by a live instance right now. */
    IN_FLIGHT,
    /** Accepted by the API; no status webhook yet. */
    ACCEPTED,
    SENT,
    DELIVERED,
    READ,
    PLAYED,
    /** Accepted, then failed (a status webhook with an error). */
    FAILED,
    /** Refused by the API with an error at send time. */
    REJECTED,
    /** Never reached the API (or claimed by an instance that died before handing it over). */
    NOT_SENT,
    /** Sent without a usable answer and no status webhook since: Meta may or may not have it. */
    UNKNOWN,
    /** Not sent: the recipient was suppressed or parked. */
    SUPPRESSED;

    /** Whether a message with this status was accepted by the API. */
    public boolean isAccepted() {
        return switch (this) {
            case ACCEPTED, SENT, DELIVERED, READ, PLAYED, FAILED -> true;
            default -> false;
        };
    }

    /**
     * The one classification of a message row, shared by every ledger implementation.
     *
     * @param stage      the row's sending stage
     * @param ownerAlive whether the instance holding a CLAIMED or SENDING row is alive
     * @param status     the message's latest status webhook, or null
     */
    public static FinalStatus of(MessageStage stage, boolean ownerAlive, DeliveryStatus status) {
        if (status != null) {
            return switch (status) {
                case SENT -> SENT;
                case DELIVERED -> DELIVERED;
                case READ -> READ;
                case PLAYED -> PLAYED;
                case FAILED -> FAILED;
            };
        }
        return switch (stage) {
            case CLAIMED -> ownerAlive ? IN_FLIGHT : NOT_SENT;
            case SENDING -> ownerAlive ? IN_FLIGHT : UNKNOWN;
            case ACCEPTED -> ACCEPTED;
            case REJECTED -> REJECTED;
            case NOT_SENT -> NOT_SENT;
            case UNKNOWN -> UNKNOWN;
            case SUPPRESSED -> SUPPRESSED;
        };
    }
}
