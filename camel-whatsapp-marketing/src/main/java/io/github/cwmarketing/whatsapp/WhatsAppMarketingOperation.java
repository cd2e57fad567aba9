package io.github.cwmarketing.whatsapp;

/**
 * The operations of {@code whatsapp-marketing:operation}.
 */
public enum WhatsAppMarketingOperation {
    /** Send a marketing template message (producer). */
    send,
    /** Receive Meta's status webhooks (consumer). */
    webhook,
    /**
     * Read the automatic creative optimizations of a template ({@code templateId}) or, without one, of the WhatsApp
     * Business Account ({@code wabaId}) (producer).
     */
    getCreativeFeatures,
    /** Opt features of a template ({@code templateId}) or account ({@code wabaId}) in or out (producer). */
    setCreativeFeatures,
    /** Read whether the account blocks marketing templates on Cloud API's /messages (producer). */
    getCloudApiMarketingDisabled,
    /** Block (true) or allow (false) marketing templates on Cloud API's /messages for the account (producer). */
    setCloudApiMarketingDisabled,
    /** Read the account's Marketing Messages API onboarding status (producer). */
    getOnboardingStatus,
    /** Set the time-to-live of a marketing template ({@code templateId}) (producer). */
    setTemplateTtl,
    /** The message ledger's report of a campaign ({@code campaign} option or header) (producer). */
    getCampaignReport,
    /** Suppress recipients in the message ledger: add or import opt-outs (producer). */
    suppress,
    /** Lift the suppression of a recipient in the message ledger (producer). */
    unsuppress;

    /** True for the operations that read or change an account or template on the Graph API. */
    public boolean isAccountOrTemplateOperation() {
        return this != send && this != webhook && !isLedgerOperation();
    }

    /** True for the operations answered by the message ledger alone, without any Graph API call. */
    public boolean isLedgerOperation() {
        return this == getCampaignReport || this == suppress || this == unsuppress;
    }
}
