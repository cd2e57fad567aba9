package io.github.cwmarketing.whatsapp.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One suppressed recipient. The scope is the ledger: a suppression holds for every phone number id that sends through
 * the same ledger (one ledger per business; Meta's opt-out, 131050, is per business, and its per-user marketing limit,
 * 131049, is per user across businesses).
 *
 * @param recipient the recipient key: a phone number in E.164 form ({@link Recipients#key}) or a BSUID
 * @param reason    why
 * @param until     when it ends, or null for "until lifted"
 * @param errorCode Meta's error code that caused it, or null
 * @param note      free text (e.g. where an import came from), or null; at most 512 characters
 * @param createdAt when it was recorded
 */
public record Suppression(String recipient, SuppressionReason reason, Instant until, Integer errorCode, String note,
                          Instant createdAt) {

    public static final int NOTE_MAX = 512;

    public Suppression {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        recipient = Recipients.key(recipient);
        if (note != null && note.length() > NOTE_MAX) {
            throw new IllegalArgumentException("A suppression note is at most " + NOTE_MAX + " characters");
        }
    }

    /** An opt-out added through the API (or imported), lasting until lifted. */
    public static Suppression manual(String recipient, String note, Instant now) {
        return new Suppression(recipient, SuppressionReason.MANUAL, null, null, note, now);
    }

    /** Whether it is in force at {@code now}. */
    public boolean isActive(Instant now) {
        return until == null || until.isAfter(now);
    }

    /**
     * Whether this (stored) suppression stays when {@code incoming} arrives for the same recipient: a suppression until
     * lifted is never shortened by a park, and of two parks the later end wins. The JDBC ledger's upsert applies the
     * same rule in SQL ({@code whatsapp_suppression} upsert); the contract tests hold the two together.
     */
    public boolean keepsOver(Suppression incoming) {
        if (until == null) {
            return true;
        }
        return incoming.until != null && !until.isBefore(incoming.until);
    }
}
