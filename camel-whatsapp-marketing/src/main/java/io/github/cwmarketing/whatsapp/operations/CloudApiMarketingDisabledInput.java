package io.github.cwmarketing.whatsapp.operations;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;

/**
 * The body of {@code setCloudApiMarketingDisabled}: a {@code Boolean}, or the text {@code true}/{@code false} (any
 * case), checked before any request.
 */
public final class CloudApiMarketingDisabledInput {

    static final String FIELD = "disable_marketing_messages_on_cloud_api";

    private CloudApiMarketingDisabledInput() {
    }

    public static boolean read(Object body) {
        if (body instanceof Boolean flag) {
            return flag;
        }
        if (body instanceof CharSequence || body instanceof byte[]) {
            String text = (body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : body.toString()).trim();
            if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            }
        }
        throw new WhatsAppMarketingValidationException(FIELD,
                "the body must be true or false (a Boolean or its text), was "
                                                              + (body == null ? "null" : "'" + body + "'"));
    }
}
