package io.github.cwmarketing.whatsapp.metrics;

/**
 * The names of the component's meters and of their tags, in Micrometer's dotted style (a Prometheus registry renders
 * {@code whatsapp.marketing.sends} as {@code whatsapp_marketing_sends_total}). docs/metrics.md describes each one.
 * <p>
 * Tag values are bounded: enum values in lower case, {@code none} where a value is absent, {@code other} for a value
 * of an unexpected shape or past {@value TagValues#MAX_DISTINCT} distinct values of one tag. No tag ever holds a
 * recipient, a message id or a send key.
 */
public final class MetricNames {

    /** Prefix of every meter of the component. */
    public static final String PREFIX = "whatsapp.marketing.";

    /** Counter: finished sends, tagged outcome, error.code, retry.class, phone.number.id, template. */
    public static final String SENDS = PREFIX + "sends";
    /** Timer: time from the producer taking the exchange to the send's end (pacing and retries included). */
    public static final String SEND_LATENCY = PREFIX + "send.latency";
    /** Counter: retries scheduled, tagged operation, reason, error.code, phone.number.id. */
    public static final String RETRIES = PREFIX + "retries";
    /** Timer: waits for a pacing slot, tagged phone.number.id. */
    public static final String PACING_WAIT = PREFIX + "pacing.wait";
    /**
     * Counter: webhook events handed to the route, tagged type, status, routed.via, pricing.category, error.code,
     * outcome (routed, or failed when the route failed), phone.number.id.
     */
    public static final String WEBHOOK_EVENTS = PREFIX + "webhook.events";
    /** Counter: re-deliveries of events already routed, not routed again; tagged type, status, phone.number.id. */
    public static final String WEBHOOK_DUPLICATES = PREFIX + "webhook.duplicates";
    /** Counter: webhook requests refused before anything was routed, tagged reason, http.status. */
    public static final String WEBHOOK_REJECTIONS = PREFIX + "webhook.rejections";
    /**
     * Timer: the component's writes to the message ledger, from the call to the answer, tagged operation (claim,
     * hand_over, outcome, statuses, suppress, unsuppress).
     */
    public static final String LEDGER_WRITE = PREFIX + "ledger.write";

    /** Gauge: the sends waiting for a pacing slot (maxPendingSends bounds them), tagged phone.number.id. */
    public static final String PENDING_SENDS = PREFIX + "sends.pending";
    /**
     * Gauge: the pacing rate in force (messages per second, shared by the instances with pacing=DATABASE, moved by
     * the adaptive tier), tagged phone.number.id.
     */
    public static final String PACING_RATE = PREFIX + "pacing.rate";

    /**
     * How a send ended: accepted, rejected, not_sent, unknown, duplicate, suppressed; of a webhook event: routed,
     * failed, ignored.
     */
    public static final String OUTCOME = "outcome";
    /** Meta's error code, or none. */
    public static final String ERROR_CODE = "error.code";
    /** The retry class of a rejection (transient, rate_limited, per_recipient, configuration, validation), or none. */
    public static final String RETRY_CLASS = "retry.class";
    /** The business phone number id that sends or receives, or none. */
    public static final String PHONE_NUMBER_ID = "phone.number.id";
    /** The template's name. */
    public static final String TEMPLATE = "template";
    /** The component operation that made the request (send, getOnboardingStatus...), or the ledger write. */
    public static final String OPERATION = "operation";
    /** Why a request is retried (api_error, not_sent, no_response) or a webhook request refused (signature...). */
    public static final String REASON = "reason";
    /** The webhook event's type: status, message, error, user_action. */
    public static final String TYPE = "type";
    /** A status event's status (sent, delivered, read, failed...), or none. */
    public static final String STATUS = "status";
    /** How Meta routed the message: marketing_messages_api, cloud_api, or none when the status does not tell. */
    public static final String ROUTED_VIA = "routed.via";
    /** A status event's pricing category (marketing_lite, marketing...), or none. */
    public static final String PRICING_CATEGORY = "pricing.category";
    /** The HTTP status a refused webhook request was answered with. */
    public static final String HTTP_STATUS = "http.status";

    private MetricNames() {
    }
}
