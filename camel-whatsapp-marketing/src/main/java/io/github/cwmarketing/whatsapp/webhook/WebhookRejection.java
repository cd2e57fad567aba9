package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;

/**
 * A webhook request refused before anything is routed (wrong signature, too large, not JSON, malformed...). The reason
 * goes back to the caller as the response body, so it never holds secrets or payload content.
 */
public class WebhookRejection extends Exception {

    private final int status;

    public WebhookRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public WebhookRejection(int status, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }

    /** The reason, as listeners see it: each refusal status stands for one reason. */
    public WebhookRejectionReason reason() {
        return reasonOf(status);
    }

    static WebhookRejectionReason reasonOf(int status) {
        return switch (status) {
            case WebhookResponse.UNAUTHORIZED -> WebhookRejectionReason.SIGNATURE;
            case WebhookResponse.PAYLOAD_TOO_LARGE -> WebhookRejectionReason.SIZE;
            case WebhookResponse.UNSUPPORTED_MEDIA_TYPE -> WebhookRejectionReason.CONTENT_TYPE;
            case WebhookResponse.METHOD_NOT_ALLOWED -> WebhookRejectionReason.METHOD;
            default -> WebhookRejectionReason.MALFORMED;
        };
    }

    public WebhookResponse toResponse() {
        return WebhookResponse.error(status, getMessage());
    }
}
