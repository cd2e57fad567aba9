package io.github.cwmarketing.whatsapp.model;

/**
 * A read (an account or template {@code get...} operation) was answered 2xx with something that is not a valid
 * answer: not JSON, truncated, or not a JSON object. A read changes nothing at Meta, so it can safely be repeated.
 * The exception names the reason and the HTTP status, never the answer's content.
 */
public class WhatsAppMarketingInvalidResponseException extends WhatsAppMarketingException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String reason;

    public WhatsAppMarketingInvalidResponseException(String reason, int httpStatus, Throwable cause) {
        super("Invalid Graph API answer: HTTP " + httpStatus + " with " + reason, cause);
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** What is wrong with the answer, in words that never quote it. */
    public String getReason() {
        return reason;
    }

    /** True: the read can be repeated. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
