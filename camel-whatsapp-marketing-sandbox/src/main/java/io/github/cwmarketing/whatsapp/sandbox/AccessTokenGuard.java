package io.github.cwmarketing.whatsapp.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks {@code Authorization: Bearer <token>} like the Graph API: a 401 envelope with code 190 otherwise. */
final class AccessTokenGuard {

    private static final String BEARER = "Bearer ";
    private static final String WWW_AUTHENTICATE =
            "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token - Cannot parse access token\"";

    private final byte[] expectedHeader;

    AccessTokenGuard(String accessToken) {
        this.expectedHeader = (BEARER + accessToken).getBytes(StandardCharsets.UTF_8);
    }

    /** The 401 response to return, or empty when the request carries the sandbox's token. */
    Optional<GraphResponse> reject(GraphRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null
                && MessageDigest.isEqual(expectedHeader, authorization.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(ErrorEnvelope.response(WhatsAppError.ACCESS_TOKEN_INVALID)
                .withHeader("WWW-Authenticate", WWW_AUTHENTICATE));
    }
}
