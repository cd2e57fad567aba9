package io.github.cwmarketing.whatsapp.model;

import java.util.Map;

/**
 * What a route can do about a Graph API error, by error code (see the component documentation for the table).
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

    private static final Map<Integer, RetryClass> BY_CODE = Map.ofEntries(
            Map.entry(0, CONFIGURATION), Map.entry(1, TRANSIENT), Map.entry(2, TRANSIENT),
            Map.entry(3, CONFIGURATION), Map.entry(4, RATE_LIMITED), Map.entry(10, CONFIGURATION),
            Map.entry(33, CONFIGURATION), Map.entry(100, VALIDATION), Map.entry(190, CONFIGURATION),
            Map.entry(200, CONFIGURATION), Map.entry(368, CONFIGURATION),
            Map.entry(80007, RATE_LIMITED), Map.entry(80008, RATE_LIMITED),
            Map.entry(130403, PER_RECIPIENT), Map.entry(130429, RATE_LIMITED), Map.entry(130472, PER_RECIPIENT),
            Map.entry(130497, CONFIGURATION), Map.entry(131000, TRANSIENT), Map.entry(131005, CONFIGURATION),
            Map.entry(131008, VALIDATION), Map.entry(131009, VALIDATION), Map.entry(131016, TRANSIENT),
            Map.entry(131021, VALIDATION), Map.entry(131026, PER_RECIPIENT), Map.entry(131031, CONFIGURATION),
            Map.entry(131037, CONFIGURATION), Map.entry(131042, CONFIGURATION), Map.entry(131045, CONFIGURATION),
            Map.entry(131047, VALIDATION), Map.entry(131048, RATE_LIMITED), Map.entry(131049, PER_RECIPIENT),
            Map.entry(131050, PER_RECIPIENT), Map.entry(131051, VALIDATION), Map.entry(131053, VALIDATION),
            Map.entry(131055, VALIDATION), Map.entry(131056, PER_RECIPIENT), Map.entry(131057, TRANSIENT),
            Map.entry(131061, VALIDATION), Map.entry(131062, VALIDATION), Map.entry(131063, CONFIGURATION),
            Map.entry(131064, CONFIGURATION), Map.entry(132000, VALIDATION), Map.entry(132001, CONFIGURATION),
            Map.entry(132005, VALIDATION), Map.entry(132007, CONFIGURATION), Map.entry(132012, VALIDATION),
            Map.entry(132015, CONFIGURATION), Map.entry(132016, CONFIGURATION), Map.entry(132018, VALIDATION),
            Map.entry(132068, CONFIGURATION), Map.entry(132069, RATE_LIMITED), Map.entry(133004, TRANSIENT),
            Map.entry(133010, CONFIGURATION), Map.entry(134011, CONFIGURATION), Map.entry(134100, VALIDATION),
            Map.entry(134101, TRANSIENT), Map.entry(134102, CONFIGURATION), Map.entry(135000, VALIDATION),
            Map.entry(2494100, TRANSIENT));

    /**
     * The class of an error: by Meta's code first; for no code or one not in the table, by Meta's {@code is_transient} flag,
     * then by HTTP status (429 rate limited, 5xx transient, 401/403 configuration, other 4xx validation).
     */
    public static RetryClass of(Integer code, int httpStatus, Boolean isTransient) {
        if (code != null) {
            RetryClass known = BY_CODE.get(code);
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
