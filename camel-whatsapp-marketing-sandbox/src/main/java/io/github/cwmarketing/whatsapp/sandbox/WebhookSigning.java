package io.github.cwmarketing.whatsapp.sandbox;

/**
 * How the sandbox signs its status webhooks, keyed with the app secret: as Meta does, or as 360dialog does when it
 * forwards webhooks (keyed with the partner's platform secret). Both carry the HMAC-SHA256 of the exact body bytes.
 */
public enum WebhookSigning {

    /** {@code X-Hub-Signature-256: sha256=<lowercase hex>}. */
    META(WebhookSigner.HEADER),
    /** {@code x-360dialog-signature: <lowercase hex>}. */
    DIALOG360("x-360dialog-signature");

    private final String header;

    WebhookSigning(String header) {
        this.header = header;
    }

    /** The name of the signature header. */
    public String header() {
        return header;
    }

    /** The signature header's value for {@code body} signed with {@code secret}. */
    public String headerValue(String secret, byte[] body) {
        String meta = WebhookSigner.headerValue(secret, body);
        // 360dialog's header carries the same MAC as Meta's, without the "sha256=" prefix
        return this == META ? meta : meta.substring(meta.indexOf('=') + 1);
    }
}
