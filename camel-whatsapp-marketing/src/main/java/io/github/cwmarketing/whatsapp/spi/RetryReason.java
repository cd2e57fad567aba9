package io.github.cwmarketing.whatsapp.spi;

/**
 * Why a request is retried.
 */
public enum RetryReason {
    /** The API answered with a retryable error (rate limit, transient platform error). */
    API_ERROR,
    /** The connection failed before the request was sent. */
    NOT_SENT,
    /** The request was sent but not answered in time (reads, or writes with retryOnResponseTimeout). */
    NO_RESPONSE
}
