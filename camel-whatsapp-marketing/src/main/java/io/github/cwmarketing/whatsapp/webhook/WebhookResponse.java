package io.github.cwmarketing.whatsapp.webhook;

/**
 * What the webhook answers Meta: an HTTP status and, for the handshake or a rejection, a short text body.
 */
public record WebhookResponse(int status, String body) {

    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;
    public static final int METHOD_NOT_ALLOWED = 405;
    public static final int REQUEST_TIMEOUT = 408;
    public static final int PAYLOAD_TOO_LARGE = 413;
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;
    public static final int INTERNAL_SERVER_ERROR = 500;

    /** Every event of the POST was processed: Meta must get exactly 200, not 204. */
    public static WebhookResponse acknowledged() {
        return new WebhookResponse(OK, null);
    }

    /** The handshake answer: the challenge, unchanged. */
    public static WebhookResponse challenge(String challenge) {
        return new WebhookResponse(OK, challenge);
    }

    public static WebhookResponse error(int status, String reason) {
        return new WebhookResponse(status, reason);
    }
}
