package io.github.cwmarketing.whatsapp.model;

/**
 * What a route can do about a Graph API error, by error code ({@link MetaErrorCodes} holds the table).
 */
public enum RetryClass {
    /** Temporary platform trouble: retrying after a backoff is safe. */
    TRANSIENT,
    /** A throughput or call-rate limit was hit: back off, then retry. */
    RATE_LIMITED,
    /** Only this recipient is affected (pair rate limit, opt-out, per-user limit): park or drop the recipient. */
    PER_RECIPIENT,
    /** Token, permission, account or template state: fix the configuration; retrying does not help. */
    CONFIGURATION,
    /** The request itself is wrong: fix the payload. */
    VALIDATION;

    /**
     * The class of an error: by Meta's code first; for no code or one not in the table, by Meta's {@code is_transient} flag,
     * then by HTTP status (429 rate limited, 5xx transient, 401/403 configuration, other 4xx validation).
     */
    public static RetryClass of(Integer code, int httpStatus, Boolean isTransient) {
        if (code != null) {
            RetryClass known = MetaErrorCodes.retryClass(code);
            if (known != null) {
                return known;
            }
            if (code >= 200 && code <= 299 || code >= 133000 && code <= 133016) {
                return CONFIGURATION;
            }
        }
        if (Boolean.TRUE.equals(isTransient)) {
            return TRANSIENT;
        }
        if (httpStatus == 429) {
            return RATE_LIMITED;
        }
        if (httpStatus >= 500) {
            return TRANSIENT;
        }
        return httpStatus == 401 || httpStatus == 403 ? CONFIGURATION : VALIDATION;
    }
}
