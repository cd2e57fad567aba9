package io.github.cwmarketing.whatsapp.sandbox;

/**
 * The Graph API / WhatsApp errors the sandbox produces, with every code, HTTP status, title and details in one place.
 * <p>
 * Synchronous errors are rendered in Meta's error envelope ({@code error.message} is {@code "(#CODE) Title"});
 * asynchronous ones appear in {@code statuses[].errors[]} of a {@code failed} status webhook, where {@code title} and
 * {@code message} both carry the title.
 */
public enum WhatsAppError {

    /** An unexpected failure inside the sandbox (Meta's "API Unknown"). */
    UNKNOWN(1, 500, "OAuthException", "An unknown error occurred", "The sandbox failed to handle the request."),
    /** Missing or wrong {@code Authorization: Bearer} token. */
    ACCESS_TOKEN_INVALID(190, 401, "OAuthException", "Invalid OAuth access token - Cannot parse access token",
            "Invalid OAuth access token - Cannot parse access token",
            "The access token is missing or is not the sandbox's access token."),
    /** The request body does not match Meta's schema (or a plugged-in rule). */
    INVALID_PARAMETER(100, 400, "OAuthException", "Invalid parameter",
            "The request does not match the Marketing Messages API payload."),
    /**
     * The id in the path is not an object the sandbox serves (another phone number id or WABA id), or the object does
     * not support the request. The envelope's {@code error.message} names the method and the id, as Meta's does:
     * {@code Unsupported get request. Object with ID '...' does not exist, ...}.
     */
    UNKNOWN_OBJECT(100, 33, 400, "GraphMethodException",
            "Unsupported request. Object does not exist, cannot be loaded due to missing permissions, "
                    + "or does not support this operation.",
            "Unsupported request.", "Unknown object id."),
    /** A path no sandbox handler serves. */
    UNKNOWN_PATH(2500, 400, "OAuthException", "Unknown path components", "Unknown path components",
            "The sandbox does not serve this path."),
    /** Throughput (messages per second per phone number) exceeded. */
    THROUGHPUT_REACHED(130429, 429, "OAuthException", "Rate limit hit",
            "Cloud API message throughput has been reached."),
    /** Too many messages to the same recipient in a short time. */
    PAIR_RATE_LIMIT(131056, 400, "OAuthException", "(Business Account, Consumer Account) pair rate limit hit",
            "Message failed to send because there were too many messages sent from this phone number "
                    + "to the same phone number in a short period of time."),
    /** Business not onboarded to Marketing Messages and {@code product_policy} is {@code STRICT}. */
    MARKETING_TERMS_NOT_ACCEPTED(131055, 400, "OAuthException", "Method not allowed",
            "The business has not accepted the Marketing Messages API for WhatsApp terms of service; "
                    + "product_policy STRICT does not allow routing the message via Cloud API."),
    /**
     * Business not onboarded to Marketing Messages, {@code disable_marketing_messages_on_cloud_api} set on the WABA,
     * and the send may fall back to Cloud API ({@code product_policy} {@code CLOUD_API_FALLBACK} or absent).
     */
    MARKETING_DISABLED_ON_CLOUD_API(131063, 400, "OAuthException", "Marketing templates disabled for Cloud API",
            "The business has not accepted the Marketing Messages API for WhatsApp terms of service and the "
                    + "WhatsApp Business Account set disable_marketing_messages_on_cloud_api, so the message cannot "
                    + "be routed via Cloud API."),
    /** {@code bid_spec} together with a BSUID-only recipient. */
    BSUID_NOT_SUPPORTED(131062, 400, "OAuthException",
            "Business-scoped User ID (BSUID) recipients are not supported for this message.",
            "Messages with bid_spec cannot be sent to a business-scoped user ID."),
    /** Asynchronous: the recipient cannot receive the message. */
    UNDELIVERABLE(131026, 400, "OAuthException", "Message undeliverable", "Message Undeliverable."),
    /** Asynchronous: the template was paused for low quality; messages held for it are dropped. */
    TEMPLATE_PAUSED(132015, 400, "OAuthException", "Template is paused",
            "The template was paused because of its low quality; messages held for quality assessment are dropped."),
    /** Asynchronous: Meta's per-user marketing limit. */
    ECOSYSTEM_ENGAGEMENT(131049, 400, "OAuthException",
            "This message was not delivered to maintain healthy ecosystem engagement.",
            "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.");

    /** {@code href} of webhook errors, as in Meta's samples. */
    public static final String ERROR_CODES_HREF = "/documentation/business-messaging/whatsapp/support/error-codes";

    private final int code;
    private final int subcode;
    private final int httpStatus;
    private final String type;
    private final String message;
    private final String title;
    private final String details;

    WhatsAppError(int code, int httpStatus, String type, String title, String details) {
        this(code, 0, httpStatus, type, "(#" + code + ") " + title, title, details);
    }

    WhatsAppError(int code, int httpStatus, String type, String message, String title, String details) {
        this(code, 0, httpStatus, type, message, title, details);
    }

    WhatsAppError(int code, int subcode, int httpStatus, String type, String message, String title, String details) {
        this.code = code;
        this.subcode = subcode;
        this.httpStatus = httpStatus;
        this.type = type;
        this.message = message;
        this.title = title;
        this.details = details;
    }

    /** Meta's error code. */
    public int code() {
        return code;
    }

    /** Meta's {@code error_subcode}, or 0 when the error has none. */
    public int subcode() {
        return subcode;
    }

    /** HTTP status of the synchronous response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@code error.type} of the synchronous envelope. */
    public String type() {
        return type;
    }

    /** {@code error.message} of the synchronous envelope, usually {@code "(#CODE) Title"}. */
    public String message() {
        return message;
    }

    /** Title, used as {@code title} and {@code message} of webhook errors. */
    public String title() {
        return title;
    }

    /** Default {@code error_data.details}. */
    public String details() {
        return details;
    }
}
