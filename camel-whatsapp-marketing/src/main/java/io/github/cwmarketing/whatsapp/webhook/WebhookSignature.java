package io.github.cwmarketing.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signature header of a webhook POST: the HMAC-SHA256 of the exact raw body bytes, keyed with a secret,
 * compared in constant time. Several secrets are accepted (key rotation, several apps subscribed to the same
 * account). Two encodings of the header exist:
 * <ul>
 * <li>Meta's {@code X-Hub-Signature-256: sha256=<hex>};</li>
 * <li>360dialog's {@code x-360dialog-signature}, keyed with the partner's platform secret. 360dialog does not document
 * its text encoding, so the MAC is accepted as 64 hex digits or as standard, padded base64 (44 characters), nothing
 * else.</li>
 * </ul>
 */
public final class WebhookSignature {

    /** Meta's signature header. */
    public static final String META_HEADER = "X-Hub-Signature-256";
    /** 360dialog's signature header. */
    public static final String DIALOG360_HEADER = "x-360dialog-signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String META_PREFIX = "sha256=";
    private static final int MAC_LENGTH = 32;
    private static final int HEX_LENGTH = 2 * MAC_LENGTH;
    private static final int BASE64_LENGTH = 44;

    private final String header;
    private final Function<String, byte[]> headerParser;
    private final List<Key> keys;

    /** Meta's signature ({@code X-Hub-Signature-256}) with these app secrets. */
    public WebhookSignature(List<String> secrets) {
        this(META_HEADER, WebhookSignature::parseMetaHeader, secrets);
    }

    private WebhookSignature(String header, Function<String, byte[]> headerParser, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one secret is required");
        }
        this.header = header;
        this.headerParser = headerParser;
        this.keys = secrets.stream().map(Key::new).toList();
    }

    /** 360dialog's signature ({@code x-360dialog-signature}) with these platform secrets. */
    public static WebhookSignature dialog360(List<String> secrets) {
        return new WebhookSignature(DIALOG360_HEADER, WebhookSignature::parseDialog360Header, secrets);
    }

    /** The secrets of a comma-separated list, trimmed, blanks dropped; empty when the list is null. */
    public static List<String> splitSecrets(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The name of the header that carries the signature. */
    public String header() {
        return header;
    }

    /** Whether the header value is a valid signature of the body by one of the secrets. */
    public boolean verify(byte[] body, String headerValue) {
        byte[] claimed = headerValue == null ? null : headerParser.apply(headerValue.trim());
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

    private static byte[] parseMetaHeader(String value) {
        if (value.length() != META_PREFIX.length() + HEX_LENGTH
                || !value.substring(0, META_PREFIX.length()).toLowerCase(Locale.ROOT).equals(META_PREFIX)) {
            return null;
        }
        return hex(value.substring(META_PREFIX.length()));
    }

    private static byte[] parseDialog360Header(String value) {
        if (value.length() == HEX_LENGTH) {
            return hex(value);
        }
        if (value.length() == BASE64_LENGTH) {
            return base64(value);
        }
        return null;
    }

    private static byte[] hex(String digits) {
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    /** The MAC of a canonical, padded base64 text (the one encoding of 32 bytes in 44 characters), else null. */
    private static byte[] base64(String text) {
        try {
            byte[] mac = Base64.getDecoder().decode(text);
            return mac.length == MAC_LENGTH && Base64.getEncoder().encodeToString(mac).equals(text) ? mac : null;
        } catch (IllegalArgumentException notBase64) {
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
