package io.github.cwmarketing.whatsapp.model;

import java.time.Instant;

/**
 * The recipient is suppressed in the message ledger, so nothing was sent: they stopped marketing messages from the
 * business (Meta error 131050, or an opt-out added or imported through the ledger), or they are parked after Meta's
 * per-user marketing limit (131049) until {@link #getUntil()}. The recipient itself is not in the message, which may be
 * logged; read it with {@link #getRecipient()}.
 */
public class WhatsAppMarketingSuppressedException extends WhatsAppMarketingException {

    private static final long serialVersionUID = 1L;

    private final String recipient;
    private final String reason;
    private final Instant until;

    public WhatsAppMarketingSuppressedException(String recipient, String reason, Instant until) {
        super("Recipient suppressed (" + reason + (until == null ? ", indefinitely" : ", until " + until)
              + "): not sent", null);
        this.recipient = recipient;
        this.reason = reason;
        this.until = until;
    }

    /** The suppressed recipient: a phone number in E.164 form or a BSUID. */
    public String getRecipient() {
        return recipient;
    }

    /** Why: OPTED_OUT (131050), PARKED (131049) or MANUAL (added through the ledger's API or an import). */
    public String getReason() {
        return reason;
    }

    /** Until when the suppression lasts, or null when it lasts until it is lifted. */
    public Instant getUntil() {
        return until;
    }

    /** Sending again before the suppression ends gives the same answer. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
