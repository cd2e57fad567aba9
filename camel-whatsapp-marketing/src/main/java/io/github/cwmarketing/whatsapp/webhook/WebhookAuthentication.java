package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;
import org.apache.camel.Message;

/**
 * Who may POST to the webhook: the holder of a signing secret (Meta's app secret, or 360dialog's platform secret),
 * and/or whoever sends the secret header registered with the webhook URL. Each configured check must pass; with
 * neither, every POST is accepted (signature verification turned off for local testing).
 */
public final class WebhookAuthentication {

    private final WebhookSignature signature;
    private final WebhookSecretHeader secretHeader;

    /** Either may be null: that check is not made. */
    public WebhookAuthentication(WebhookSignature signature, WebhookSecretHeader secretHeader) {
        this.signature = signature;
        this.secretHeader = secretHeader;
    }

    void check(Message message, byte[] body) throws WebhookRejection {
        if (secretHeader != null && !secretHeader.matches(message.getHeader(secretHeader.name()))) {
            throw new WebhookRejection(WebhookResponse.UNAUTHORIZED, WebhookRejectionReason.SECRET_HEADER,
                    "Missing or wrong " + secretHeader.name() + " header");
        }
        if (signature == null) {
            return;
        }
        String header = message.getHeader(signature.header(), String.class);
        if (header == null) {
            throw new WebhookRejection(WebhookResponse.UNAUTHORIZED, "Missing " + signature.header());
        }
        if (!signature.verify(body, header)) {
            throw new WebhookRejection(WebhookResponse.UNAUTHORIZED, "Invalid " + signature.header());
        }
    }
}
