package io.github.cwmarketing.whatsapp.webhook;

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

    public WebhookResponse toResponse() {
        return WebhookResponse.error(status, getMessage());
    }
}
