package io.github.cwmarketing.whatsapp.model;

/**
 * What Meta does when the business is not onboarded to the Marketing Messages API.
 */
public enum ProductPolicy {
    /** Reject the message instead of routing it through Cloud API. */
    STRICT,
    /** Route the message through Cloud API (Meta's default when the field is omitted). */
    CLOUD_API_FALLBACK
}
