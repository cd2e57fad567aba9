package io.github.cwmarketing.whatsapp.util;

import java.io.IOException;

/**
 * An answer's body is not what was expected. The message says why in words that never quote the body (which may
 * carry a phone number), e.g. {@code "truncated JSON"} or {@code "messages that is an object, not an array"}.
 */
public class UnreadableBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnreadableBodyException(String reason) {
        super(reason);
    }
}
