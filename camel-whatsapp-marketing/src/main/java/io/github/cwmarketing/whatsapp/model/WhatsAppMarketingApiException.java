package io.github.cwmarketing.whatsapp.model;

import java.time.Duration;

/**
 * The Graph API answered with an error. Route on {@link #getCode()} or {@link #getRetryClass()}: Meta advises building
 * error handling around codes, not HTTP statuses or titles.
 */
public class WhatsAppMarketingApiException extends WhatsAppMarketingException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int code;
    private final Integer subcode;
    private final String type;
    private final String errorMessage;
    private final String details;
    private final String fbtraceId;
    private final boolean transientError;
    private final RetryClass retryClass;
    private final AutomaticRetry automaticRetry;
    private final Duration retryAfter;

    public WhatsAppMarketingApiException(int httpStatus, GraphApiError error, Duration retryAfter) {
        super(describe(httpStatus, error), null);
        this.httpStatus = httpStatus;
        this.code = error.getCode() == null ? 0 : error.getCode();
        this.subcode = error.getErrorSubcode();
        this.type = error.getType();
        this.errorMessage = error.getMessage();
        this.details = error.getErrorData() == null ? null : error.getErrorData().getDetails();
        this.fbtraceId = error.getFbtraceId();
        this.retryClass = RetryClass.of(error.getCode(), httpStatus, error.getIsTransient());
        this.automaticRetry = MetaErrorCodes.automaticRetry(error.getCode(), httpStatus);
        this.transientError = error.getIsTransient() != null
                ? error.getIsTransient()
                : retryClass == RetryClass.TRANSIENT || retryClass == RetryClass.RATE_LIMITED;
        this.retryAfter = retryAfter;
    }

    private static String describe(int httpStatus, GraphApiError error) {
        StringBuilder text = new StringBuilder("Graph API error");
        if (error.getCode() != null) {
            text.append(' ').append(error.getCode());
        }
        text.append(" (HTTP ").append(httpStatus).append("): ").append(error.getMessage());
        if (error.getErrorData() != null && error.getErrorData().getDetails() != null) {
            text.append(" - ").append(error.getErrorData().getDetails());
        }
        if (error.getFbtraceId() != null) {
            text.append(" [fbtrace_id ").append(error.getFbtraceId()).append(']');
        }
        return text.toString();
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** Meta's error code, e.g. 130429; 0 when the response carried none. */
    public int getCode() {
        return code;
    }

    /** Meta's error subcode; deprecated by Meta and often absent. */
    public Integer getSubcode() {
        return subcode;
    }

    public String getType() {
        return type;
    }

    /** Meta's message, e.g. {@code (#130429) Rate limit hit}. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** {@code error_data.details}: Meta's explanation of this occurrence. */
    public String getDetails() {
        return details;
    }

    public String getFbtraceId() {
        return fbtraceId;
    }

    @Override
    public boolean isTransient() {
        return transientError;
    }

    public RetryClass getRetryClass() {
        return retryClass;
    }

    /** Whether the component retries such an error by itself, and why that is safe. */
    public AutomaticRetry getAutomaticRetry() {
        return automaticRetry;
    }

    /**
     * How long Meta asked to wait: the longest of {@code x-business-use-case-usage}'s
     * {@code estimated_time_to_regain_access} and, on HTTP 429 and 503, {@code Retry-After}; null when neither asked.
     * A retry never comes sooner; when the wait is longer than {@code retryMaxDelay} there is no automatic retry.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
