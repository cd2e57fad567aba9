package io.github.cwmarketing.whatsapp.spi;

/**
 * Why a webhook request was refused before anything was routed.
 */
public enum WebhookRejectionReason {
    /** A GET verification handshake with a wrong mode or verify token. */
    HANDSHAKE,
    /** An HTTP method other than GET and POST. */
    METHOD,
    /** A POST whose Content-Type is not application/json. */
    CONTENT_TYPE,
    /** A POST whose body is larger than maxBodySize. */
    SIZE,
    /** A POST without a valid signature. */
    SIGNATURE,
    /** A POST whose body cannot be read, is not JSON, or is not a WhatsApp Business Account webhook. */
    MALFORMED
}
