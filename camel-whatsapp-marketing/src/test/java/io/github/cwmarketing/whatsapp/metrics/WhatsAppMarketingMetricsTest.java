package io.github.cwmarketing.whatsapp.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.cwmarketing.whatsapp.model.ErrorEvent;
import io.github.cwmarketing.whatsapp.model.MessageEvent;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.WebhookError;
import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.spi.RetryEvent;
import io.github.cwmarketing.whatsapp.spi.RetryReason;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import io.github.cwmarketing.whatsapp.spi.WebhookEventOutcome;
import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each listener call records, with which tags, and the bounds on tag values.
 */
class WhatsAppMarketingMetricsTest {

    private static final String NUMBER = "106540352242922";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WhatsAppMarketingMetrics metrics = new WhatsAppMarketingMetrics(registry);

    private static SendResult accepted(String template) {
        return new SendResult(SendOutcome.ACCEPTED, NUMBER, template, "wamid.SECRET", "accepted", null, null, null,
                Duration.ofMillis(120));
    }

    private static SendResult rejected(int code, RetryClass retryClass) {
        return new SendResult(SendOutcome.REJECTED, NUMBER, "autumn_offer", null, null, code, retryClass,
                new IllegalStateException("rejected"), Duration.ofMillis(80));
    }

    private double sends(String... tags) {
        return registry.get(MetricNames.SENDS).tags(tags).counter().count();
    }

    @Test
    void sendsAreCountedByOutcomeErrorCodeRetryClassNumberAndTemplate() {
        metrics.onSendCompleted(accepted("autumn_offer"));
        metrics.onSendCompleted(accepted("autumn_offer"));
        metrics.onSendCompleted(rejected(131049, RetryClass.PER_RECIPIENT));
        metrics.onSendCompleted(new SendResult(SendOutcome.UNKNOWN, null, "autumn_offer", null, null, null, null,
                new IllegalStateException("timeout"), Duration.ofSeconds(30)));

        assertThat(sends("outcome", "accepted", "error.code", "none", "retry.class", "none",
                "phone.number.id", NUMBER, "template", "autumn_offer")).isEqualTo(2);
        assertThat(sends("outcome", "rejected", "error.code", "131049", "retry.class", "per_recipient")).isEqualTo(1);
        assertThat(sends("outcome", "unknown", "phone.number.id", "none")).as("360dialog without a number")
                .isEqualTo(1);
        assertThat(registry.get(MetricNames.SENDS).counters()).hasSize(3);
    }

    @Test
    void latencyIsATimerWithPercentilesAndAHistogram() {
        metrics.onSendCompleted(accepted("autumn_offer"));

        Timer latency = registry.get(MetricNames.SEND_LATENCY).tags("outcome", "accepted", "phone.number.id", NUMBER)
                .timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(120);
        assertThat(latency.takeSnapshot().percentileValues()).extracting(value -> value.percentile())
                .containsExactly(0.5, 0.95, 0.99);
        assertThat(latency.takeSnapshot().histogramCounts()).hasSize(13);
        assertThat(latency.getId().getTags()).extracting(Tag::getKey).containsExactlyInAnyOrder("outcome",
                "phone.number.id");
    }

    @Test
    void retriesAndPacingWaits() {
        metrics.onRetry(new RetryEvent("send", NUMBER, 1, Duration.ofMillis(500), RetryReason.API_ERROR, 130429));
        metrics.onRetry(new RetryEvent("getOnboardingStatus", null, 1, Duration.ofMillis(500), RetryReason.NO_RESPONSE,
                null));
        metrics.onPacingWait(NUMBER, Duration.ofMillis(12));
        metrics.onPacingWait(NUMBER, Duration.ofMillis(8));

        assertThat(registry.get(MetricNames.RETRIES).tags("operation", "send", "reason", "api_error", "error.code",
                "130429", "phone.number.id", NUMBER).counter().count()).isEqualTo(1);
        assertThat(registry.get(MetricNames.RETRIES).tags("operation", "getOnboardingStatus", "reason", "no_response",
                "error.code", "none", "phone.number.id", "none").counter().count()).isEqualTo(1);
        Timer waits = registry.get(MetricNames.PACING_WAIT).tags("phone.number.id", NUMBER).timer();
        assertThat(waits.count()).isEqualTo(2);
        assertThat(waits.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(20);
    }

    @Test
    void webhookEventsByTypeStatusRoutingPricingAndErrorCode() {
        metrics.onWebhookEvent(status("sent", "marketing_lite", null), WebhookEventOutcome.ROUTED);
        metrics.onWebhookEvent(status("sent", "marketing", null), WebhookEventOutcome.ROUTED);
        metrics.onWebhookEvent(status("failed", null, 131026), WebhookEventOutcome.FAILED);
        metrics.onWebhookEvent(status("sent", "marketing_lite", null), WebhookEventOutcome.DUPLICATE);
        ErrorEvent accountError = new ErrorEvent(error(131000));
        accountError.setPhoneNumberId(NUMBER);
        metrics.onWebhookEvent(accountError, WebhookEventOutcome.ROUTED);
        MessageEvent inbound = new MessageEvent();
        inbound.setFrom("4915112345678");
        metrics.onWebhookEvent(inbound, WebhookEventOutcome.ROUTED);

        assertThat(events("type", "status", "status", "sent", "routed.via", "marketing_messages_api",
                "pricing.category", "marketing_lite", "error.code", "none", "outcome", "routed")).isEqualTo(1);
        assertThat(events("status", "sent", "routed.via", "cloud_api", "pricing.category", "marketing")).isEqualTo(1);
        assertThat(events("status", "failed", "routed.via", "none", "error.code", "131026", "outcome", "failed"))
                .isEqualTo(1);
        assertThat(events("type", "error", "status", "none", "error.code", "131000")).isEqualTo(1);
        assertThat(events("type", "message", "phone.number.id", "none")).isEqualTo(1);
        assertThat(registry.get(MetricNames.WEBHOOK_DUPLICATES).tags("type", "status", "status", "sent",
                "phone.number.id", NUMBER).counter().count()).as("a re-delivery is not an event").isEqualTo(1);
        assertThat(registry.get(MetricNames.WEBHOOK_EVENTS).counters()).hasSize(5);
    }

    @Test
    void rejectionsByReasonAndHttpStatus() {
        metrics.onWebhookRejected(WebhookRejectionReason.SIGNATURE, 401);
        metrics.onWebhookRejected(WebhookRejectionReason.SIGNATURE, 401);
        metrics.onWebhookRejected(WebhookRejectionReason.SIZE, 413);

        assertThat(registry.get(MetricNames.WEBHOOK_REJECTIONS).tags("reason", "signature", "http.status", "401")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(MetricNames.WEBHOOK_REJECTIONS).tags("reason", "size", "http.status", "413")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void noTagHoldsARecipientAMessageIdOrCallbackData() {
        metrics.onSendCompleted(accepted("autumn_offer"));
        StatusEvent status = status("delivered", "marketing_lite", null);
        metrics.onWebhookEvent(status, WebhookEventOutcome.ROUTED);
        metrics.onWebhookEvent(status, WebhookEventOutcome.DUPLICATE);

        List<String> tagValues = registry.getMeters().stream().flatMap(meter -> meter.getId().getTags().stream())
                .map(Tag::getValue).toList();
        assertThat(tagValues).isNotEmpty().doesNotContain("wamid.SECRET", "16505551234", "autumn-2026:16505551234");
    }

    @Test
    void outsideValuesOfAnUnsafeShapeOrPastTheBoundBecomeOther() {
        metrics.onSendCompleted(accepted("autumn offer; drop table"));
        metrics.onSendCompleted(accepted("x".repeat(TagValues.MAX_LENGTH + 1)));
        for (int i = 0; i < TagValues.MAX_DISTINCT + 5; i++) {
            metrics.onWebhookEvent(status("sent", "category_" + i, null), WebhookEventOutcome.ROUTED);
        }

        assertThat(sends("template", "other")).isEqualTo(2);
        assertThat(registry.get(MetricNames.WEBHOOK_EVENTS).counters()).hasSize(TagValues.MAX_DISTINCT + 1);
        assertThat(events("pricing.category", "other")).isEqualTo(5);
    }

    @Test
    void aMeterRemovedFromTheRegistryIsRegisteredAgainOnItsNextUse() {
        metrics.onSendCompleted(accepted("autumn_offer"));
        registry.clear();

        metrics.onSendCompleted(accepted("autumn_offer"));

        assertThat(sends("outcome", "accepted")).isEqualTo(1);
    }

    @Test
    void ledgerWritesAreTimedByOperation() {
        metrics.onLedgerWrite(LedgerWrite.CLAIM, Duration.ofMillis(3));
        metrics.onLedgerWrite(LedgerWrite.CLAIM, Duration.ofMillis(5));
        metrics.onLedgerWrite(LedgerWrite.HAND_OVER, Duration.ofMillis(2));

        Timer claims = registry.get(MetricNames.LEDGER_WRITE).tags("operation", "claim").timer();
        assertThat(claims.count()).isEqualTo(2);
        assertThat(claims.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(8);
        assertThat(registry.get(MetricNames.LEDGER_WRITE).tags("operation", "hand_over").timer().count()).isEqualTo(1);
    }

    @Test
    void pendingSendsAndTheRateInForceAreGaugesReadFromThePacingStatus() {
        LivePacing status = new LivePacing();
        metrics.onPacingStarted(status);
        status.rate = 1_000;
        status.pending = 40;

        assertThat(registry.get(MetricNames.PENDING_SENDS).tags("phone.number.id", NUMBER).gauge().value())
                .isEqualTo(40);
        assertThat(registry.get(MetricNames.PACING_RATE).tags("phone.number.id", NUMBER).gauge().value())
                .isEqualTo(1_000);

        LivePacing afterRestart = new LivePacing();
        metrics.onPacingStarted(afterRestart);
        assertThat(registry.get(MetricNames.PACING_RATE).tags("phone.number.id", NUMBER).gauge().value())
                .as("the number paced again: the new status is read").isEqualTo(80);
    }

    /** A pacing status whose values the test moves. */
    private static final class LivePacing implements io.github.cwmarketing.whatsapp.spi.PacingStatus {
        volatile int rate = 80;
        volatile int pending;

        @Override
        public String phoneNumberId() {
            return NUMBER;
        }

        @Override
        public int messagesPerSecond() {
            return rate;
        }

        @Override
        public int maxMessagesPerSecond() {
            return 1_000;
        }

        @Override
        public int pendingSends() {
            return pending;
        }
    }

    @Test
    void everyMeterIsNamedUnderThePrefixAndDescribed() {
        metrics.onSendCompleted(accepted("autumn_offer"));
        metrics.onRetry(new RetryEvent("send", NUMBER, 1, Duration.ofMillis(500), RetryReason.NOT_SENT, null));
        metrics.onPacingWait(NUMBER, Duration.ofMillis(1));
        metrics.onWebhookEvent(status("read", null, null), WebhookEventOutcome.ROUTED);
        metrics.onWebhookEvent(status("read", null, null), WebhookEventOutcome.DUPLICATE);
        metrics.onWebhookRejected(WebhookRejectionReason.MALFORMED, 400);

        Map<String, String> descriptions = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().syntheticAssociation() != null) {
                continue; // a timer's percentile and histogram gauges, in registries without native histograms
            }
            descriptions.put(meter.getId().getName(), meter.getId().getDescription());
        }
        assertThat(descriptions.keySet()).containsExactly(MetricNames.PACING_WAIT, MetricNames.RETRIES,
                MetricNames.SEND_LATENCY, MetricNames.SENDS, MetricNames.WEBHOOK_DUPLICATES,
                MetricNames.WEBHOOK_EVENTS, MetricNames.WEBHOOK_REJECTIONS);
        assertThat(descriptions.values()).allSatisfy(description -> assertThat(description).isNotBlank());
    }

    private double events(String... tags) {
        return registry.get(MetricNames.WEBHOOK_EVENTS).tags(tags).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static StatusEvent status(String status, String pricingCategory, Integer errorCode) {
        StatusEvent event = new StatusEvent();
        event.setId("wamid.SECRET");
        event.setStatus(status);
        event.setRecipientId("16505551234");
        event.setBizOpaqueCallbackData("autumn-2026:16505551234");
        event.setPhoneNumberId(NUMBER);
        if (pricingCategory != null) {
            StatusEvent.Pricing pricing = new StatusEvent.Pricing();
            pricing.setCategory(pricingCategory);
            event.setPricing(pricing);
        }
        if (errorCode != null) {
            event.setErrors(List.of(error(errorCode)));
        }
        return event;
    }

    private static WebhookError error(int code) {
        WebhookError error = new WebhookError();
        error.setCode(code);
        error.setTitle("an error");
        return error;
    }
}
