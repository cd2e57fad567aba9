package io.github.cwmarketing.whatsapp.sandbox;

/**
 * A status the sandbox POSTed to the callback URL and that the receiver acknowledged with HTTP 200.
 *
 * @param wamid                 {@code statuses[].id}
 * @param status                {@code sent}, {@code delivered}, {@code read} or {@code failed}
 * @param timestamp             {@code statuses[].timestamp}, Unix seconds as a string
 * @param recipient             the recipient phone number, or the BSUID for BSUID-only sends
 * @param pricingCategory       {@code pricing.category}, or {@code null} when the status carries no pricing
 * @param errorCode             {@code errors[0].code} of a failed status, else {@code null}
 * @param bizOpaqueCallbackData the echoed {@code biz_opaque_callback_data}, or {@code null}
 * @param statusJson            the status object as it was sent
 */
public record DeliveredStatus(
        String wamid,
        String status,
        String timestamp,
        String recipient,
        String pricingCategory,
        Integer errorCode,
        String bizOpaqueCallbackData,
        String statusJson) {
}
