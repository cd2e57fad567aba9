package io.github.cwmarketing.whatsapp.send;

import io.github.cwmarketing.whatsapp.model.ProductPolicy;

/**
 * The values that fill what a message's payload leaves unset: from the exchange's headers, else the endpoint options.
 *
 * @param bizOpaqueCallbackData the callback data of a message that has none (with a message ledger: the send key),
 *                              or null
 */
public record MessageDefaults(
        String to,
        String recipient,
        String templateName,
        String templateLanguage,
        ProductPolicy productPolicy,
        Boolean messageActivitySharing,
        String bizOpaqueCallbackData) {
}
