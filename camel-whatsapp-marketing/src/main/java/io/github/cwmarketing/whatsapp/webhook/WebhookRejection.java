package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;

/**
 * A webhook request refused before anything is routed (wrong signature, too large, not JSON, malformed...). The reason
 * goes back to the caller as the response body, so it never holds secrets or payload content.
 */
public class WebhookRejection extends Exception {

    private final int status;
    private final WebhookRejectionReason reason;

    /** A refusal whose status stands for its reason (401 a signature, 413 the size, 400 a malformed body...). */
    public WebhookRejection(int status, String message) {
        this(status, reasonOf(status), message);
    }

    public WebhookRejection(int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.reason = reasonOf(status);
    }

    public WebhookRejection(int status, WebhookRejectionReason reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public int getStatus() {
        return status;
    }

    /** The reason, as listeners see it. */
    public WebhookRejectionReason reason() {
        return reason;
    }

    private static WebhookRejectionReason reasonOf(int status) {
        return switch (status) {
            case WebhookResponse.UNAUTHORIZED -> WebhookRejectionReason.SIGNATURE;
            case WebhookResponse.PAYLOAD_TOO_LARGE -> WebhookRejectionReason.SIZE;
            case WebhookResponse.REQUEST_TIMEOUT -> WebhookRejectionReason.TIMEOUT;
            case WebhookResponse.UNSUPPORTED_MEDIA_TYPE -> WebhookRejectionReason.CONTENT_TYPE;
            case WebhookResponse.METHOD_NOT_ALLOWED -> WebhookRejectionReason.METHOD;
            default -> WebhookRejectionReason.MALFORMED;
        };
    }

    public WebhookResponse toResponse() {
        return WebhookResponse.error(status, getMessage());
    }
}
