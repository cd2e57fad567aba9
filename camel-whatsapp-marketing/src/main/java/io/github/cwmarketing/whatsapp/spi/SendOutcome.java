package io.github.cwmarketing.whatsapp.spi;

/**
 * How a send ended.
 */
public enum SendOutcome {
    /** The API accepted the message and gave it a message id. */
    ACCEPTED,
    /** The API answered with an error: the message was not accepted. */
    REJECTED,
    /** The request never reached the API (connection failure before sending, component stopping): not accepted. */
    NOT_SENT,
    /** The request was sent but no usable answer came back: the message may or may not have been accepted. */
    UNKNOWN
}
