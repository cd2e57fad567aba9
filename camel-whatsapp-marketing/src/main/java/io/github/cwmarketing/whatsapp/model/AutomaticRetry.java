package io.github.cwmarketing.whatsapp.model;

/**
 * Whether the component sends a request again by itself after an error answer, and why that cannot deliver a
 * message twice ({@link MetaErrorCodes} holds the rule of each code).
 */
public enum AutomaticRetry {
    /** Never: retrying would not help, or the request may have been accepted. */
    NEVER,
    /**
     * Yes: Meta refused the request before accepting anything (a throughput, rate or pair limit, or the account's
     * maintenance mode), so the message cannot have been sent.
     */
    REFUSED,
    /**
     * Only reads, and sends or changes with {@code retryOnServerError=true}: a failure inside Meta that it documents as
     * temporary. Meta asks to try again, but the answer does not prove that the message was not accepted.
     */
    SERVER_ERROR
}
