package io.github.cwmarketing.whatsapp.send;

import io.github.cwmarketing.whatsapp.model.ProductPolicy;

/**
 * The values that fill what a message's payload leaves unset: from the exchange's headers, else the endpoint options.
 *
 * @param bodyParameters        the template's body parameters when the body gives none: a {@code List}, a
 *                              {@code Map} or JSON text (see {@link RequestAssembler}), or null
 * @param bizOpaqueCallbackData {@code biz_opaque_callback_data} when the payload has none (with a message
 *                              ledger and no header of its own: the send key), or null
 */
public record MessageDefaults(
        String to,
        String recipient,
        String templateName,
        String templateLanguage,
        ProductPolicy productPolicy,
        Boolean messageActivitySharing,
        Object bodyParameters,
        String bizOpaqueCallbackData) {
}
