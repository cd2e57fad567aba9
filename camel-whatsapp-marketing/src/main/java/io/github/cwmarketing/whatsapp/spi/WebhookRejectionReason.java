package io.github.cwmarketing.whatsapp.spi;

/**
 * Why a webhook request was refused before anything was routed.
 */
public enum WebhookRejectionReason {
    /** A GET verification handshake with a wrong mode or verify token. */
    HANDSHAKE,
    /** An HTTP method other than GET and POST. */
    METHOD,
    /** A POST whose Content-Type is not application/json, or whose body is compressed (Content-Encoding). */
    CONTENT_TYPE,
    /** A POST whose body is larger than maxBodySize (announced by Content-Length, or counted as it arrives). */
    SIZE,
    /** A POST whose body did not arrive within bodyReadTimeout. */
    TIMEOUT,
    /** A POST without a valid signature (X-Hub-Signature-256, or x-360dialog-signature with 360dialog). */
    SIGNATURE,
    /** A POST without the required secret header (webhookHeaderName), or with another value. */
    SECRET_HEADER,
    /** A POST whose body cannot be read, is not JSON, or is not a WhatsApp Business Account webhook. */
    MALFORMED
}
