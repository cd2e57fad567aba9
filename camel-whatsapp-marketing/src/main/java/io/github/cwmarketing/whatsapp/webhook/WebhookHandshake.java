package io.github.cwmarketing.whatsapp.webhook;

import io.github.cwmarketing.whatsapp.util.Sha256;

/**
 * Meta's GET verification handshake: {@code hub.mode=subscribe} and the right {@code hub.verify_token} are answered
 * with {@code hub.challenge}; a wrong mode or token with 403, missing or empty parameters with 400.
 */
public final class WebhookHandshake {

    private static final String SUBSCRIBE = "subscribe";

    /** SHA-256 of the verify token, so that the comparison takes the same time whatever the lengths; null = none. */
    private final byte[] verifyTokenDigest;

    public WebhookHandshake(String verifyToken) {
        this.verifyTokenDigest = verifyToken == null || verifyToken.isEmpty() ? null : Sha256.digest(verifyToken);
    }

    public WebhookResponse answer(String mode, String verifyToken, String challenge) {
        if (isEmpty(mode) || isEmpty(verifyToken) || isEmpty(challenge)) {
            return WebhookResponse.error(WebhookResponse.BAD_REQUEST,
                    "hub.mode, hub.verify_token and hub.challenge are required");
        }
        if (!SUBSCRIBE.equals(mode) || !tokenMatches(verifyToken)) {
            return WebhookResponse.error(WebhookResponse.FORBIDDEN, "Verification failed");
        }
        return WebhookResponse.challenge(challenge);
    }

    private boolean tokenMatches(String verifyToken) {
        return verifyTokenDigest != null && Sha256.matches(verifyTokenDigest, verifyToken);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
