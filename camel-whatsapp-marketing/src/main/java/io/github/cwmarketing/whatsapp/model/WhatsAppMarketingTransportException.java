package io.github.cwmarketing.whatsapp.model;

/**
 * The request did not get an HTTP answer: connection refused or reset, DNS, TLS, or a timeout.
 * {@link #isRequestSent()} tells whether the request may have reached Meta: a marketing message whose request was
 * sent but not answered may have been delivered, so it is not retried automatically unless the user opts in.
 */
public class WhatsAppMarketingTransportException extends WhatsAppMarketingException {

    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    public WhatsAppMarketingTransportException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    public boolean isRequestSent() {
        return requestSent;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
