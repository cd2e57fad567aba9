package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;
import java.time.Instant;

/**
 * The one rule of what a claim finds when its key is known already, shared by every ledger implementation: accepted
 * earlier means a duplicate; provably not accepted means send again; handed over without an answer means unknown
 * outcome (resent only after {@code resendUnknownOutcomeAfter}); in flight on a live instance means a duplicate; a
 * claim whose instance died counts by how far it got.
 */
final class ClaimRules {

    /**
     * @param answer      what the claim answers, or null to claim the row again and send
     * @param markUnknown whether the row, handed over by an instance that died, is to be recorded as unknown outcome
     */
    record Decision(ClaimStatus answer, boolean markUnknown) {

        boolean reclaim() {
            return answer == null;
        }
    }

    private static final Decision RECLAIM = new Decision(null, false);

    private ClaimRules() {
    }

    /**
     * @param stage       the row's stage
     * @param ownerAlive  whether the instance holding a CLAIMED or SENDING row is alive
     * @param hasStatus   whether a status webhook was recorded for the row's message (it was accepted)
     * @param sentAt      when the row was handed over (or claimed, if never handed over)
     * @param now         the ledger's clock
     * @param resendAfter the intent's resendUnknownOutcomeAfter, or null for never
     */
    static Decision decide(MessageStage stage, boolean ownerAlive, boolean hasStatus, Instant sentAt, Instant now,
                           Duration resendAfter) {
        if (stage == MessageStage.ACCEPTED || hasStatus) {
            return new Decision(ClaimStatus.DUPLICATE, false);
        }
        return switch (stage) {
            case CLAIMED -> ownerAlive ? new Decision(ClaimStatus.IN_FLIGHT, false) : RECLAIM;
            case SENDING -> ownerAlive ? new Decision(ClaimStatus.IN_FLIGHT, false) : unknown(sentAt, now, resendAfter, true);
            case UNKNOWN -> unknown(sentAt, now, resendAfter, false);
            default -> RECLAIM;
        };
    }

    private static Decision unknown(Instant sentAt, Instant now, Duration resendAfter, boolean markUnknown) {
        if (resendAfter != null && sentAt != null && !sentAt.plus(resendAfter).isAfter(now)) {
            return RECLAIM;
        }
        return new Decision(ClaimStatus.UNKNOWN_OUTCOME, markUnknown);
    }
}
