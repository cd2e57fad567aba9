package io.github.cwmarketing.whatsapp.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.cwmarketing.whatsapp.model.ErrorEvent;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.WebhookError;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEventType;
import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.spi.PacingStatus;
import io.github.cwmarketing.whatsapp.spi.RetryEvent;
import io.github.cwmarketing.whatsapp.spi.RetryReason;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import io.github.cwmarketing.whatsapp.spi.WebhookEventOutcome;
import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import static io.github.cwmarketing.whatsapp.metrics.MetricNames.ERROR_CODE;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.HTTP_STATUS;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.OPERATION;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.OUTCOME;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.PRICING_CATEGORY;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.REASON;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.RETRY_CLASS;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.ROUTED_VIA;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.STATUS;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.TEMPLATE;
import static io.github.cwmarketing.whatsapp.metrics.MetricNames.TYPE;

/**
 * The component's Micrometer metrics: a listener that records every send result, retry, pacing wait, webhook event,
 * webhook rejection and message ledger write in a {@link MeterRegistry}, under the names of {@link MetricNames}. The component creates one
 * when Micrometer is present and it finds a registry (its {@code meterRegistry} option, else the one in Camel's
 * registry); it can also be made by hand and set as the {@code listener} option.
 * <p>
 * Tags are what an operator filters on (outcome, error code, retry class, phone number id, template, status, routing,
 * pricing category); never a recipient, a message id or a send key.
 */
public final class WhatsAppMarketingMetrics implements WhatsAppMarketingListener {

    private static final double[] PERCENTILES = { 0.5, 0.95, 0.99 };
    /**
     * The latency histogram's buckets: a dozen, from Graph API answers (tens to hundreds of milliseconds) to sends that
     * waited for pacing or retries; Micrometer's own percentile histogram would publish about 90 per series.
     */
    private static final Duration[] LATENCY_BUCKETS = Stream.of("PT0.025S", "PT0.05S", "PT0.1S", "PT0.25S",
            "PT0.5S", "PT1S", "PT2.5S", "PT5S", "PT10S", "PT30S", "PT1M", "PT2M", "PT5M")
            .map(Duration::parse).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final MeterCache meters;
    private final TagValues values = new TagValues();
    /** The live pacing status of each phone number id (its tag value), which the two pacing gauges read. */
    private final Map<String, AtomicReference<PacingStatus>> pacing = new ConcurrentHashMap<>();

    private record SendKey(SendOutcome outcome, Integer errorCode, RetryClass retryClass, String phoneNumberId,
                           String template) {
    }

    private record LatencyKey(SendOutcome outcome, String phoneNumberId) {
    }

    private record RetryKey(String operation, RetryReason reason, Integer errorCode, String phoneNumberId) {
    }

    private record PacingKey(String phoneNumberId) {
    }

    private record EventKey(WebhookEventType type, String status, String routedVia, String pricingCategory,
                            Integer errorCode, WebhookEventOutcome outcome, String phoneNumberId) {
    }

    private record DuplicateKey(WebhookEventType type, String status, String phoneNumberId) {
    }

    private record RejectionKey(WebhookRejectionReason reason, int httpStatus) {
    }

    private record LedgerKey(LedgerWrite write) {
    }

    public WhatsAppMarketingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.meters = new MeterCache(registry);
    }

    /** The registry the meters are recorded in. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void onSendCompleted(SendResult result) {
        meters.get(new SendKey(result.outcome(), result.errorCode(), result.retryClass(), result.phoneNumberId(),
                result.templateName()), this::sendCounter).increment();
        if (result.latency() != null) {
            meters.get(new LatencyKey(result.outcome(), result.phoneNumberId()), this::latencyTimer)
                    .record(result.latency());
        }
    }

    @Override
    public void onRetry(RetryEvent retry) {
        meters.get(new RetryKey(retry.operation(), retry.reason(), retry.errorCode(), retry.phoneNumberId()),
                this::retryCounter).increment();
    }

    @Override
    public void onPacingWait(String phoneNumberId, Duration wait) {
        meters.get(new PacingKey(phoneNumberId), this::pacingTimer).record(wait);
    }

    @Override
    public void onWebhookEvent(WebhookEvent event, WebhookEventOutcome outcome) {
        StatusEvent status = event instanceof StatusEvent statusEvent ? statusEvent : null;
        String statusName = status != null ? status.getStatus() : null;
        if (outcome == WebhookEventOutcome.DUPLICATE) {
            meters.get(new DuplicateKey(event.eventType(), statusName, event.getPhoneNumberId()),
                    this::duplicateCounter).increment();
            return;
        }
        String routedVia = status != null ? TagValues.of(status.routedVia()) : null;
        String pricingCategory = status != null && status.getPricing() != null ? status.getPricing().getCategory()
                : null;
        meters.get(new EventKey(event.eventType(), statusName, routedVia, pricingCategory, errorCode(event), outcome,
                event.getPhoneNumberId()), this::eventCounter).increment();
    }

    private static Integer errorCode(WebhookEvent event) {
        WebhookError error = event instanceof StatusEvent status ? status.firstError()
                : event instanceof ErrorEvent errorEvent ? errorEvent.getError() : null;
        return error != null ? error.getCode() : null;
    }

    @Override
    public void onWebhookRejected(WebhookRejectionReason reason, int httpStatus) {
        meters.get(new RejectionKey(reason, httpStatus), this::rejectionCounter).increment();
    }

    @Override
    public void onLedgerWrite(LedgerWrite write, Duration took) {
        meters.get(new LedgerKey(write), this::ledgerTimer).record(took);
    }

    /**
     * Two gauges per phone number id, read from its live status: {@link MetricNames#PENDING_SENDS} and
     * {@link MetricNames#PACING_RATE} (the adaptive tier's changes show there). A number paced again after a restart
     * of the component replaces the status the gauges read.
     */
    @Override
    public void onPacingStarted(PacingStatus status) {
        String number = values.of(PHONE_NUMBER_ID, status.phoneNumberId());
        AtomicReference<PacingStatus> live = pacing.computeIfAbsent(number, n -> new AtomicReference<>());
        live.set(status);
        Gauge.builder(MetricNames.PENDING_SENDS, live, ref -> ref.get().pendingSends())
                .description("Sends waiting for a pacing slot").tag(PHONE_NUMBER_ID, number).strongReference(true)
                .register(registry);
        Gauge.builder(MetricNames.PACING_RATE, live, ref -> ref.get().messagesPerSecond())
                .description("Pacing rate in force, in messages per second").tag(PHONE_NUMBER_ID, number)
                .strongReference(true).register(registry);
    }

    private Counter sendCounter(SendKey key) {
        return Counter.builder(MetricNames.SENDS)
                .description("Finished sends, by outcome")
                .tag(OUTCOME, TagValues.of(key.outcome()))
                .tag(ERROR_CODE, values.of(ERROR_CODE, key.errorCode()))
                .tag(RETRY_CLASS, TagValues.of(key.retryClass()))
                .tag(PHONE_NUMBER_ID, values.of(PHONE_NUMBER_ID, key.phoneNumberId()))
                .tag(TEMPLATE, values.of(TEMPLATE, key.template()))
                .register(registry);
    }

    private Timer latencyTimer(LatencyKey key) {
        return Timer.builder(MetricNames.SEND_LATENCY)
                .description("From the producer taking the exchange to the send's end, pacing and retries included")
                .tag(OUTCOME, TagValues.of(key.outcome()))
                .tag(PHONE_NUMBER_ID, values.of(PHONE_NUMBER_ID, key.phoneNumberId()))
                .publishPercentiles(PERCENTILES)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    private Counter retryCounter(RetryKey key) {
        return Counter.builder(MetricNames.RETRIES)
                .description("Retries scheduled, by reason")
                .tag(OPERATION, values.of(OPERATION, key.operation()))
                .tag(REASON, TagValues.of(key.reason()))
                .tag(ERROR_CODE, values.of(ERROR_CODE, key.errorCode()))
                .tag(PHONE_NUMBER_ID, values.of(PHONE_NUMBER_ID, key.phoneNumberId()))
                .register(registry);
    }

    private Timer pacingTimer(PacingKey key) {
        return Timer.builder(MetricNames.PACING_WAIT)
                .description("Waits for a pacing slot of the phone number id")
                .tag(PHONE_NUMBER_ID, values.of(PHONE_NUMBER_ID, key.phoneNumberId()))
                .register(registry);
    }

    private Counter eventCounter(EventKey key) {
        return Counter.builder(MetricNames.WEBHOOK_EVENTS)
                .description("Webhook events handed to the route")
                .tag(TYPE, TagValues.of(key.type()))
                .tag(STATUS, values.of(STATUS, key.status()))
                .tag(ROUTED_VIA, key.routedVia() == null ? TagValues.NONE : key.routedVia())
                .tag(PRICING_CATEGORY, values.of(PRICING_CATEGORY, key.pricingCategory()))
                .tag(ERROR_CODE, values.of(ERROR_CODE, key.errorCode()))
                .tag(OUTCOME, TagValues.of(key.outcome()))
                .tag(PHONE_NUMBER_ID, values.of(PHONE_NUMBER_ID, key.phoneNumberId()))
                .register(registry);
    }

    private Counter duplicateCounter(DuplicateKey key) {
        return Counter.builder(MetricNames.WEBHOOK_DUPLICATES)
                .description("Re-deliveries of webhook events already routed, not routed again")
                .tag(TYPE, TagValues.of(key.type()))
                .tag(STATUS, values.of(STATUS, key.status()))
                .tag(PHONE_NUMBER_ID, values.of(PHONE_NUMBER_ID, key.phoneNumberId()))
                .register(registry);
    }

    private Timer ledgerTimer(LedgerKey key) {
        return Timer.builder(MetricNames.LEDGER_WRITE)
                .description("Writes to the message ledger, from the call to its answer")
                .tag(OPERATION, TagValues.of(key.write()))
                .register(registry);
    }

    private Counter rejectionCounter(RejectionKey key) {
        return Counter.builder(MetricNames.WEBHOOK_REJECTIONS)
                .description("Webhook requests refused before anything was routed")
                .tag(REASON, TagValues.of(key.reason()))
                .tag(HTTP_STATUS, values.of(HTTP_STATUS, key.httpStatus()))
                .register(registry);
    }
}
