package io.github.cwmarketing.whatsapp.model;

/**
 * The request was not sent because no pacing slot could be had: the shared pacing store (the database of
 * {@code pacing=DATABASE}) is unreachable, or the phone number id already has {@code maxPendingSends} exchanges
 * waiting. Nothing reached Meta, so sending the same exchange again later is safe: throttle or redeliver on it.
 */
public class WhatsAppMarketingPacingException extends WhatsAppMarketingException {

    private static final long serialVersionUID = 1L;

    /** Why no slot was given. */
    public enum Reason {
        /** The shared pacing store cannot be reached. */
        STORE_UNAVAILABLE,
        /** The phone number id has {@code maxPendingSends} exchanges waiting already. */
        TOO_MANY_PENDING,
        /** The component stopped while the exchange waited. */
        STOPPED
    }

    private final Reason reason;
    private final String pacingKey;

    public WhatsAppMarketingPacingException(Reason reason, String pacingKey, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.pacingKey = pacingKey;
    }

    public Reason getReason() {
        return reason;
    }

    /** The phone number id (or 360dialog key fingerprint) whose pacing refused the request. */
    public String getPacingKey() {
        return pacingKey;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
