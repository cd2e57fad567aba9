package io.github.cwmarketing.whatsapp.springboot;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared values and helpers of the starter tests. */
final class StarterTestSupport {

    static final String TOKEN = "EAAstarterTOKEN0123456789secret";
    static final String API_KEY = "starter-360dialog-api-key-0123";
    static final String APP_SECRET = "starter-app-secret-0123456789";
    static final String VERIFY_TOKEN = "starter-verify-token-0123";
    static final String PHONE_NUMBER_ID = "106540352242922";

    private StarterTestSupport() {
    }

    /** {@code sha256=<hex HMAC-SHA256 of the raw body>}, as Meta signs webhooks. */
    static String signature(byte[] body, String appSecret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
