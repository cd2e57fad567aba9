package io.github.cwmarketing.whatsapp;

import org.apache.camel.spi.Metadata;

/**
 * The headers of the whatsapp-marketing component.
 */
public final class WhatsAppMarketingConstants {

    // send: input headers, overriding the endpoint options for one message

    @Metadata(label = "producer", description = "The recipient's phone number: digits, optionally after a leading plus sign.",
              javaType = "String")
    public static final String TO = "CamelWhatsAppMarketingTo";
    @Metadata(label = "producer",
              description = "The recipient's business-scoped user id (BSUID), used when no phone number is given.",
              javaType = "String")
    public static final String RECIPIENT = "CamelWhatsAppMarketingRecipient";
    @Metadata(description = "The name of the approved marketing template; for webhook events, the template of the"
                            + " status's message, from the ledger.",
              javaType = "String")
    public static final String TEMPLATE_NAME = "CamelWhatsAppMarketingTemplateName";
    @Metadata(label = "producer", description = "The template language code, e.g. en or en_US.", javaType = "String")
    public static final String TEMPLATE_LANGUAGE = "CamelWhatsAppMarketingTemplateLanguage";
    @Metadata(label = "producer", description = "STRICT or CLOUD_API_FALLBACK for this message.",
              javaType = "io.github.cwmarketing.whatsapp.model.ProductPolicy", enums = "STRICT,CLOUD_API_FALLBACK")
    public static final String PRODUCT_POLICY = "CamelWhatsAppMarketingProductPolicy";
    @Metadata(label = "producer", description = "Whether Meta may use this message's activity to optimise delivery.",
              javaType = "Boolean")
    public static final String MESSAGE_ACTIVITY_SHARING = "CamelWhatsAppMarketingMessageActivitySharing";
    @Metadata(description = "The business phone number id: for send, the sender overriding the option; for webhook"
                            + " events, the number the status belongs to.",
              javaType = "String")
    public static final String PHONE_NUMBER_ID = "CamelWhatsAppMarketingPhoneNumberId";
    @Metadata(label = "producer",
              description = "The template's body parameters: a List (positional), a Map of parameter names to values"
                            + " (named), or the JSON text of an array or object. Added to a body that gives none (no"
                            + " body, or a full payload without a body component); when the body gives body parameters"
                            + " too, the message fails validation.",
              javaType = "Object")
    public static final String BODY_PARAMETERS = "CamelWhatsAppMarketingBodyParameters";
    @Metadata(label = "producer",
              description = "biz_opaque_callback_data of this message (at most 512 characters), echoed in its status"
                            + " webhooks; a payload's own value wins.",
              javaType = "String")
    public static final String BIZ_OPAQUE_CALLBACK_DATA = "CamelWhatsAppMarketingBizOpaqueCallbackData";
    @Metadata(label = "producer", secret = true,
              description = "The access token of this message (provider META), overriding the accessToken option: one"
                            + " endpoint sends for many WhatsApp Business Accounts. Taken off the message before the"
                            + " request is made: never logged, never in an exception, not on the exchange afterwards.",
              javaType = "String")
    public static final String ACCESS_TOKEN = "CamelWhatsAppMarketingAccessToken";

    @Metadata(description = "The idempotency key of one intended message (e.g. autumn-2026:4915112345678), at most 512"
                            + " characters. With a ledger, send claims it before any request: a key accepted earlier is"
                            + " not sent again. When the message has no biz_opaque_callback_data, the key is sent there,"
                            + " so that a status webhook can resolve an unknown outcome. For webhook events: the send key"
                            + " of the status's message, from the ledger.",
              javaType = "String")
    public static final String SEND_KEY = "CamelWhatsAppMarketingSendKey";
    @Metadata(description = "The campaign id recorded in the ledger (send, overriding the campaign option;"
                            + " getCampaignReport, the campaign to report); for webhook events, the campaign of the"
                            + " status's message, from the ledger.",
              javaType = "String")
    public static final String CAMPAIGN = "CamelWhatsAppMarketingCampaign";

    // send: output headers

    @Metadata(label = "producer",
              description = "true when the send was skipped, no request made, because the ledger knows its send key as"
                            + " accepted already (the message id header then holds the stored id) or in flight on a live"
                            + " instance.",
              javaType = "Boolean")
    public static final String DUPLICATE = "CamelWhatsAppMarketingDuplicate";

    @Metadata(description = "The WhatsApp message id (wamid): of the sent message for send, of the status for webhook.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelWhatsAppMarketingMessageId";
    @Metadata(label = "producer",
              description = "Meta's acceptance state: accepted, held_for_quality_assessment or paused (when present).",
              javaType = "String")
    public static final String MESSAGE_STATUS = "CamelWhatsAppMarketingMessageStatus";
    @Metadata(label = "producer", description = "The recipient as sent (contacts[0].input).", javaType = "String")
    public static final String INPUT = "CamelWhatsAppMarketingInput";
    @Metadata(label = "producer", description = "The recipient's WhatsApp id (contacts[0].wa_id).", javaType = "String")
    public static final String WA_ID = "CamelWhatsAppMarketingWaId";
    @Metadata(label = "producer", description = "The recipient's BSUID (contacts[0].user_id), when sent by BSUID.",
              javaType = "String")
    public static final String USER_ID = "CamelWhatsAppMarketingUserId";

    // account and template operations: input headers, overriding the endpoint options for one exchange

    @Metadata(label = "producer",
              description = "The message template id of the template operations (setTemplateTtl, and"
                            + " get/setCreativeFeatures at template level), overriding the templateId option.",
              javaType = "String")
    public static final String TEMPLATE_ID = "CamelWhatsAppMarketingTemplateId";

    // account operations: output headers (the body holds the typed result)

    @Metadata(label = "producer",
              description = "The result of getOnboardingStatus: the account's marketing_messages_onboarding_status,"
                            + " e.g. ONBOARDED or ELIGIBLE (absent when Meta returned none).",
              javaType = "String")
    public static final String ONBOARDING_STATUS = "CamelWhatsAppMarketingOnboardingStatus";
    @Metadata(label = "producer",
              description = "The result of getCloudApiMarketingDisabled: whether the account blocks marketing templates"
                            + " on Cloud API's /messages (disable_marketing_messages_on_cloud_api).",
              javaType = "Boolean")
    public static final String CLOUD_API_MARKETING_DISABLED = "CamelWhatsAppMarketingCloudApiMarketingDisabled";

    // webhook: headers of each routed event

    @Metadata(label = "consumer", description = "The delivery status: sent, delivered, read, failed or played (of a"
                                                + " field_status event: its own status).",
              javaType = "String")
    public static final String STATUS = "CamelWhatsAppMarketingStatus";
    @Metadata(label = "consumer", description = "The recipient: phone number, or BSUID when the phone is not disclosed.",
              javaType = "String")
    public static final String RECIPIENT_ID = "CamelWhatsAppMarketingRecipientId";
    @Metadata(label = "consumer",
              description = "The group participant a status is about, for a message sent to a group (whose"
                            + " CamelWhatsAppMarketingRecipientId is the group): recipient_participant_id.",
              javaType = "String")
    public static final String RECIPIENT_PARTICIPANT_ID = "CamelWhatsAppMarketingRecipientParticipantId";
    @Metadata(label = "consumer", description = "When the status happened.", javaType = "java.time.Instant")
    public static final String TIMESTAMP = "CamelWhatsAppMarketingTimestamp";
    @Metadata(description = "The WhatsApp Business Account id: for the account operations (getOnboardingStatus,"
                            + " get/setCloudApiMarketingDisabled, get/setCreativeFeatures without a template id), the"
                            + " account to act on, overriding the wabaId option; for webhook events, the id of the"
                            + " webhook entry.",
              javaType = "String")
    public static final String WABA_ID = "CamelWhatsAppMarketingWabaId";
    @Metadata(label = "consumer", description = "pricing.category of the status, e.g. marketing_lite or marketing.",
              javaType = "String")
    public static final String PRICING_CATEGORY = "CamelWhatsAppMarketingPricingCategory";
    @Metadata(label = "consumer",
              description = "MARKETING_MESSAGES_API or CLOUD_API: how Meta really routed the message; absent when the"
                            + " status does not tell.",
              javaType = "String", enums = "MARKETING_MESSAGES_API,CLOUD_API")
    public static final String ROUTED_VIA = "CamelWhatsAppMarketingRoutedVia";
    @Metadata(label = "consumer", description = "The code of the first error of a failed status.",
              javaType = "Integer")
    public static final String ERROR_CODE = "CamelWhatsAppMarketingErrorCode";
    @Metadata(label = "consumer", description = "The title of the first error of a failed status.",
              javaType = "String")
    public static final String ERROR_TITLE = "CamelWhatsAppMarketingErrorTitle";
    @Metadata(label = "consumer",
              description = "The kind of event: status, or with events=all also message, error, user_action and"
                            + " field_status (a status under another webhook field than messages, e.g. calls).",
              javaType = "String", enums = "status,message,error,user_action,field_status")
    public static final String EVENT_TYPE = "CamelWhatsAppMarketingEventType";
    @Metadata(label = "consumer",
              description = "The webhook field of a field_status event (the change's field, e.g. calls).",
              javaType = "String")
    public static final String FIELD = "CamelWhatsAppMarketingField";

    @Metadata(label = "consumer",
              description = "With a ledger: when the status's message was handed to the HTTP client.",
              javaType = "java.time.Instant")
    public static final String SENT_AT = "CamelWhatsAppMarketingSentAt";
    @Metadata(label = "consumer",
              description = "With a ledger: the message's status before this event (sent, delivered, read, failed,"
                            + " played), absent when none was recorded.",
              javaType = "String")
    public static final String PREVIOUS_STATUS = "CamelWhatsAppMarketingPreviousStatus";

    private WhatsAppMarketingConstants() {
    }
}
