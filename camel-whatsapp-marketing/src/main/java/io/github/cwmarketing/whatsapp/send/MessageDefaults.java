package io.github.cwmarketing.whatsapp.send;

import io.github.cwmarketing.whatsapp.model.ProductPolicy;

/**
 * The values that fill what a message's payload leaves unset: from the exchange's headers, else the endpoint options.
 */
public record MessageDefaults(
        String to,
        String recipient,
        String templateName,
        String templateLanguage,
        ProductPolicy productPolicy,
        Boolean messageActivitySharing) {
}
