package io.github.cwmarketing.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex>} header: HMAC-SHA256 of the exact raw body bytes, keyed with
 * the app secret, compared in constant time. Several secrets are accepted (key rotation, several apps subscribed to
 * the same account).
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private final List<Key> keys;

    public WebhookSignature(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one app secret is required");
        }
        this.keys = secrets.stream().map(Key::new).toList();
    }

    /** The secrets of a comma-separated list, trimmed, blanks dropped; empty when the list is null. */
    public static List<String> splitSecrets(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the header is a valid signature of the body by one of the secrets. */
    public boolean verify(byte[] body, String header) {
        byte[] claimed = parseHeader(header);
        if (claimed == null) {
            return false;
        }
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.sign(body), claimed)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] parseHeader(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.length() != PREFIX.length() + HEX_LENGTH
                || !value.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value, PREFIX.length(), value.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    /** One secret: an initialised Mac cloned per call, which is cheaper than Mac.getInstance and thread safe. */
    private static final class Key {

        private final SecretKeySpec spec;
        private final Mac prototype;

        Key(String secret) {
            this.spec = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
            this.prototype = newMac(spec);
        }

        byte[] sign(byte[] body) {
            return mac().doFinal(body);
        }

        private Mac mac() {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException providerCannotClone) {
                return newMac(spec);
            }
        }

        private static Mac newMac(SecretKeySpec spec) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
            }
        }
    }
}
