package io.github.cwmarketing.whatsapp.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of text: for constant-time comparisons of secrets of any length, and for fingerprints that stand for a
 * secret without revealing it.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Whether the candidate is the secret whose digest is given, in the same time whatever the lengths and however
     * early they differ; false for a null candidate.
     */
    public static boolean matches(byte[] secretDigest, String candidate) {
        return candidate != null && MessageDigest.isEqual(secretDigest, digest(candidate));
    }
}
