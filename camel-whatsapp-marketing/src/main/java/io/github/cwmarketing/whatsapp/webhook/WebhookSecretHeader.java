package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.util.Sha256;

/**
 * A header every webhook POST must carry with a secret value: how 360dialog authenticates the webhooks it forwards
 * when the partner registers the webhook URL with custom headers (e.g. {@code Authorization: <secret>}). The value is
 * compared in constant time, exactly (a repeated header is refused).
 */
public final class WebhookSecretHeader {

    private final String name;
    /** SHA-256 of the value, so that the comparison takes the same time whatever the lengths. */
    private final byte[] valueDigest;

    public WebhookSecretHeader(String name, String value) {
        if (name == null || name.isBlank() || value == null || value.isEmpty()) {
            throw new IllegalArgumentException("A secret header needs a name and a value");
        }
        this.name = name.trim();
        this.valueDigest = Sha256.digest(value);
    }

    public String name() {
        return name;
    }

    /** Whether the received value (a String; a repeated header arrives as a list and never matches) is the secret. */
    public boolean matches(Object received) {
        return received instanceof String value && Sha256.matches(valueDigest, value);
    }
}
