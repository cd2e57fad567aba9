package io.github.cwmarketing.whatsapp.spi;

/**
 * How a send ended.
 */
public enum SendOutcome {
    /**
     * The API accepted the message and gave it a message id. Its {@code message_status} may say that Meta holds it
     * for a quality assessment or paused its delivery: accepted, not delivered yet; status webhooks tell the rest.
     */
    ACCEPTED,
    /** The API answered with an error: the message was not accepted. */
    REJECTED,
    /** The request never reached the API (connection failure before sending, component stopping): not accepted. */
    NOT_SENT,
    /**
     * The request was sent but no usable answer came back (no response in time, or a 2xx answer without a message
     * id: {@code WhatsAppMarketingUnknownOutcomeException}): the message may or may not have been accepted. Also a
     * send the message ledger refused because an earlier send of its key ended so.
     */
    UNKNOWN,
    /** Not sent: the message ledger knows its send key as accepted already or in flight (header Duplicate=true). */
    DUPLICATE,
    /** Not sent: the message ledger has the recipient suppressed (opted out, 131050) or parked (131049). */
    SUPPRESSED
}
