package io.github.cwmarketing.whatsapp.sandbox;

import java.time.Instant;

/**
 * A message the sandbox accepted (answered 200 with a wamid).
 *
 * @param wamid                 the message id returned to the caller
 * @param apiVersion            the Graph API version of the request path, e.g. {@code v23.0}
 * @param phoneNumberId         the business phone number id of the request path
 * @param recipient             {@code to} when present, else the BSUID of {@code recipient}
 * @param bsuidRecipient        whether the message was addressed by BSUID only
 * @param templateName          {@code template.name}
 * @param productPolicy         the effective {@code product_policy} ({@code CLOUD_API_FALLBACK} when absent)
 * @param pricingCategory       {@code marketing_lite}, or {@code marketing} when routed via Cloud API
 * @param bizOpaqueCallbackData {@code biz_opaque_callback_data}, or {@code null}
 * @param requestJson           the raw request body
 * @param acceptedAt            when the sandbox accepted it
 */
public record SentMessage(
        String wamid,
        String apiVersion,
        String phoneNumberId,
        String recipient,
        boolean bsuidRecipient,
        String templateName,
        String productPolicy,
        String pricingCategory,
        String bizOpaqueCallbackData,
        String requestJson,
        Instant acceptedAt) {
}
