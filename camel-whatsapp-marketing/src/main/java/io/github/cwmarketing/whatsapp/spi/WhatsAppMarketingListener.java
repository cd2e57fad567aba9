package io.github.cwmarketing.whatsapp.spi;

import java.time.Duration;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;

/**
 * Told of what the component does: every send outcome, every retry and pacing wait, every webhook event, every
 * rejected webhook request and every write to the message ledger. Metrics, audit logs and the like plug in here; every method has a no-op default, so an
 * implementation overrides only what it needs.
 * <p>
 * Register one as the component's {@code listener} option (autowired when the registry holds exactly one), with
 * {@code WhatsAppMarketingComponent#addListener}, or simply bind any number of beans of this type in the registry:
 * the component tells all of them. Calls come on route threads, HttpClient's I/O threads and webhook request threads:
 * an implementation must be thread-safe, quick and must not block. An exception it throws is logged and ignored; it
 * never changes a send or a webhook answer.
 */
public interface WhatsAppMarketingListener {

    /** A send finished: accepted, rejected, not sent, or with an unknown outcome. */
    default void onSendCompleted(SendResult result) {
    }

    /** A failed request will be sent again after a delay. */
    default void onRetry(RetryEvent retry) {
    }

    /** A request waits for a pacing slot of its phone number id before it is sent. */
    default void onPacingWait(String phoneNumberId, Duration wait) {
    }

    /**
     * The component started pacing a phone number id. The status stays live (current rate, pending sends) until the
     * component stops: a metrics binding registers gauges on it.
     */
    default void onPacingStarted(PacingStatus status) {
    }

    /** The pacing rate of a phone number id changed from {@code previousRate} to {@code status.messagesPerSecond()}. */
    default void onRateChanged(PacingStatus status, int previousRate, RateChangeReason reason) {
    }

    /**
     * A webhook event was routed, found to be a re-delivery, failed in the route (Meta will re-deliver it), or was
     * acknowledged without being routed because the consumer's {@code events} option does not route its type.
     */
    default void onWebhookEvent(WebhookEvent event, WebhookEventOutcome outcome) {
    }

    /** A webhook request was refused before anything was routed. */
    default void onWebhookRejected(WebhookRejectionReason reason, int httpStatus) {
    }

    /**
     * A write to the message ledger succeeded; {@code took} is how long its caller waited, from the request to the
     * ledger to its answer (queueing, batching and the database transaction). A failed write is told as the outcome of
     * the send or webhook event it belonged to, not here.
     */
    default void onLedgerWrite(LedgerWrite write, Duration took) {
    }
}
