package io.github.cwmarketing.whatsapp.model;

/**
 * How Meta really routed a marketing message, as told by its status webhook: a message sent to
 * {@code /marketing_messages} may silently fall back to Cloud API.
 */
public enum RoutedVia {
    /** Delivered through the Marketing Messages API: {@code pricing.category} or origin {@code marketing_lite}. */
    MARKETING_MESSAGES_API,
    /** Delivered through Cloud API: {@code pricing.category} or origin {@code marketing}. */
    CLOUD_API;

    private static final String MARKETING_LITE = "marketing_lite";
    private static final String MARKETING = "marketing";

    /** The routing told by a status's pricing category and conversation origin, or null when neither tells. */
    public static RoutedVia of(String pricingCategory, String originType) {
        if (MARKETING_LITE.equals(pricingCategory) || MARKETING_LITE.equals(originType)) {
            return MARKETING_MESSAGES_API;
        }
        if (MARKETING.equals(pricingCategory) || MARKETING.equals(originType)) {
            return CLOUD_API;
        }
        return null;
    }
}
