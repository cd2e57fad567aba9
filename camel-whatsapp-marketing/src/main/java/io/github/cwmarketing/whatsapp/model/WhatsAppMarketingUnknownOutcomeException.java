package io.github.cwmarketing.whatsapp.model;

/**
 * A request was sent and it is not known whether Meta acted on it: Meta answered 2xx with something that is not a
 * valid answer (no body, not JSON, truncated, no message id...), so the message may have been accepted, or not.
 * Never retried automatically: sending it again may deliver the message twice. Find out first (a status webhook
 * carrying the message, the business's inbox), then decide.
 * <p>
 * The exception names the reason and the HTTP status; it never holds the answer's content (which may carry the
 * recipient) nor any secret.
 */
public class WhatsAppMarketingUnknownOutcomeException extends WhatsAppMarketingException {

    private static final long serialVersionUID = 1L;

    private final Integer httpStatus;
    private final String reason;

    /**
     * @param reason     why the outcome is unknown, e.g. {@code "an answer without a message id"}
     * @param httpStatus the HTTP status of the answer, or null when the outcome is unknown for another reason
     * @param cause      the underlying failure, or null
     */
    public WhatsAppMarketingUnknownOutcomeException(String reason, Integer httpStatus, Throwable cause) {
        super("Request sent, outcome unknown: "
              + (httpStatus == null ? "" : "the Graph API answered HTTP " + httpStatus + " with ") + reason
              + ". The message may have been accepted; sending it again may deliver it twice.", cause);
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    /** Always true: a request was sent (this is what makes the outcome unknown rather than a failure). */
    public boolean isRequestSent() {
        return true;
    }

    /** The HTTP status of the answer, or null when there was none to judge by. */
    public Integer getHttpStatus() {
        return httpStatus;
    }

    /** Why the outcome is unknown, in words that never quote the answer. */
    public String getReason() {
        return reason;
    }

    /** False: repeating the request may deliver the message twice. */
    @Override
    public boolean isTransient() {
        return false;
    }
}
