package io.github.cwmarketing.whatsapp.ledger;

/**
 * How far a message got on the sending side, as the ledger records it. The codes are what the JDBC ledger stores in
 * {@code whatsapp_message.stage}; they never change meaning.
 */
public enum MessageStage {
    /** Claimed for sending, not yet handed to the HTTP client: if its instance dies, it is sent again. */
    CLAIMED(0),
    /** Handed to the HTTP client: the request may have reached Meta. If its instance dies, the outcome is unknown. */
    SENDING(1),
    /** Accepted by the API, with a message id. */
    ACCEPTED(2),
    /** Answered with an error: provably not accepted, so sending it again is safe. */
    REJECTED(3),
    /** Never reached the API (connection failure before sending, component stopping): sending it again is safe. */
    NOT_SENT(4),
    /** Sent, but no usable answer came back: Meta may or may not have accepted it. Not sent again automatically. */
    UNKNOWN(5),
    /** Refused because the recipient is suppressed or parked: nothing was sent. */
    SUPPRESSED(6);

    private final int code;

    MessageStage(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether a message in this stage may be claimed and sent again: it provably did not reach Meta. */
    public boolean isResendable() {
        return this == REJECTED || this == NOT_SENT || this == SUPPRESSED;
    }

    public static MessageStage ofCode(int code) {
        for (MessageStage stage : values()) {
            if (stage.code == code) {
                return stage;
            }
        }
        throw new IllegalArgumentException("Unknown message stage code " + code);
    }
}
