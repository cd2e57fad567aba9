package io.github.cwmarketing.whatsapp.model;

/**
 * Base of the failures of a Graph API call: an error response ({@link WhatsAppMarketingApiException}), a transport
 * failure ({@link WhatsAppMarketingTransportException}), a sent request without a usable answer
 * ({@link WhatsAppMarketingUnknownOutcomeException}) or a read answered with an invalid body
 * ({@link WhatsAppMarketingInvalidResponseException}).
 */
public abstract class WhatsAppMarketingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected WhatsAppMarketingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when retrying the same request later may succeed. */
    public abstract boolean isTransient();
}
