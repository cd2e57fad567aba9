package io.github.cwmarketing.whatsapp.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The phone number's throughput tier, as Meta raises it without telling the sender: {@code messagesPerSecond} (80 by
 * default, level {@code STANDARD}) until the configured moment, then the upgraded rate (1,000 by default, level
 * {@code HIGH}). Sends above the rate in force are refused with 130429; {@code GET /{phone-number-id}?fields=throughput}
 * answers the level.
 */
final class ThroughputTier {

    static final String STANDARD = "STANDARD";
    static final String HIGH = "HIGH";
    private static final int HIGH_RATE = 1000;

    private final int messagesPerSecond;
    private final int upgradedMessagesPerSecond;
    private volatile Instant upgradeAt;
    private final Clock clock;

    /**
     * @param upgradeAfter how long after this moment the upgrade comes; null = never
     */
    ThroughputTier(int messagesPerSecond, int upgradedMessagesPerSecond, Duration upgradeAfter, Clock clock) {
        this.messagesPerSecond = messagesPerSecond;
        this.upgradedMessagesPerSecond = upgradedMessagesPerSecond;
        this.upgradeAt = upgradeAfter == null ? null : clock.instant().plus(upgradeAfter);
        this.clock = clock;
    }

    /** The limit in force now, per sliding second; 0 = none. */
    int messagesPerSecond() {
        return upgraded() ? upgradedMessagesPerSecond : messagesPerSecond;
    }

    /** {@code HIGH} from 1,000 messages per second on (or without a limit), else {@code STANDARD}. */
    String level() {
        int rate = messagesPerSecond();
        return rate == 0 || rate >= HIGH_RATE ? HIGH : STANDARD;
    }

    /** Upgrades the number now (if it was not yet). */
    void upgradeNow() {
        Instant now = clock.instant();
        if (upgradeAt == null || upgradeAt.isAfter(now)) {
            upgradeAt = now;
        }
    }

    private boolean upgraded() {
        return upgradeAt != null && !clock.instant().isBefore(upgradeAt);
    }
}
