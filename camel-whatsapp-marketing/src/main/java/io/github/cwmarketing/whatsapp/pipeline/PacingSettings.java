package io.github.cwmarketing.whatsapp.pipeline;

/**
 * How one phone number id is paced; every endpoint sending through the number must agree on it.
 *
 * @param messagesPerSecond    the rate (the starting rate when adaptive)
 * @param maxMessagesPerSecond the most the adaptive rate may reach; 0 = the rate is fixed
 * @param pairPacing           at most one message per 6 s to the same recipient
 * @param maxPendingSends      the most exchanges waiting for a slot of this number
 */
public record PacingSettings(int messagesPerSecond, int maxMessagesPerSecond, boolean pairPacing,
                             int maxPendingSends) {

    public boolean adaptive() {
        return maxMessagesPerSecond > 0;
    }

    /** Why these settings cannot pace a number, or null when they can. */
    public String problem() {
        if (messagesPerSecond <= 0) {
            return "messagesPerSecond must be positive to pace, was " + messagesPerSecond;
        }
        if (maxMessagesPerSecond != 0 && maxMessagesPerSecond < messagesPerSecond) {
            return "maxMessagesPerSecond (" + maxMessagesPerSecond + ") must be 0 (fixed rate) or at least"
                   + " messagesPerSecond (" + messagesPerSecond + ")";
        }
        if (maxPendingSends <= 0) {
            return "maxPendingSends must be positive, was " + maxPendingSends;
        }
        return null;
    }
}
