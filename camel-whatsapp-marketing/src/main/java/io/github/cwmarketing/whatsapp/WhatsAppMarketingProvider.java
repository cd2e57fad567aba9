package io.github.cwmarketing.whatsapp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whose Marketing Messages API the component calls. Endpoint configuration (like {@link WebhookEvents}), so it lives
 * beside the options rather than among the Graph API payload types of the {@code model} package.
 */
public enum WhatsAppMarketingProvider {

    /** Meta's Graph API: {@code https://graph.facebook.com/<version>/...} with {@code Authorization: Bearer <token>}. */
    META(WhatsAppMarketingProvider.META_BASE_URI, EnumSet.allOf(WhatsAppMarketingOperation.class)),
    /**
     * 360dialog, a WhatsApp Business Solution Provider: {@code https://waba-v2.360dialog.io/marketing_messages} (no
     * version, no phone number id) with {@code D360-API-KEY: <api key>}. Its API offers sending; the account and
     * template operations are not available through it.
     */
    DIALOG360(WhatsAppMarketingProvider.DIALOG360_BASE_URI,
              EnumSet.of(WhatsAppMarketingOperation.send, WhatsAppMarketingOperation.webhook,
                         WhatsAppMarketingOperation.getCampaignReport, WhatsAppMarketingOperation.suppress,
                         WhatsAppMarketingOperation.unsuppress));

    /** Meta's Graph API, the default base URI. */
    public static final String META_BASE_URI = "https://graph.facebook.com";
    /** 360dialog's API, the base URI with provider DIALOG360 unless another is set. */
    public static final String DIALOG360_BASE_URI = "https://waba-v2.360dialog.io";

    private final String defaultBaseUri;
    private final Set<WhatsAppMarketingOperation> operations;

    WhatsAppMarketingProvider(String defaultBaseUri, Set<WhatsAppMarketingOperation> operations) {
        this.defaultBaseUri = defaultBaseUri;
        this.operations = operations;
    }

    /** The base URI used when the {@code baseUri} option is not set. */
    public String defaultBaseUri() {
        return defaultBaseUri;
    }

    /**
     * The base URI in effect for a configured one: the configured URI, except that a blank one or Meta's default
     * stands for this provider's default (so {@code provider=DIALOG360} alone reaches 360dialog).
     */
    public String effectiveBaseUri(String configured) {
        String uri = configured == null ? "" : configured.strip();
        boolean unset = uri.isEmpty() || uri.replaceAll("/+$", "").equals(META_BASE_URI);
        return unset ? defaultBaseUri : uri;
    }

    /** Whether {@code whatsapp-marketing:<operation>} works with this provider. */
    public boolean supports(WhatsAppMarketingOperation operation) {
        return operations.contains(operation);
    }
}
