package io.github.cwmarketing.whatsapp;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics of a real run ({@link MetricsScenario}: sends to a Graph API stub, webhook POSTs over HTTP), as a
 * Prometheus scrape renders them: every outcome counted with its tags, the latency histogram, retries, pacing waits,
 * webhook events, re-deliveries and rejections; and no recipient, message id or send key anywhere in it.
 */
class MetricsTest {

    private static final String NUMBER = GraphApiStub.PHONE_NUMBER_ID;
    /** Every label the component's series carry (Prometheus spelling), and the histogram's. */
    private static final Set<String> LABELS = Set.of("outcome", "error_code", "retry_class", "phone_number_id",
            "template", "operation", "reason", "type", "status", "routed_via", "pricing_category", "http_status", "le");

    private static String scrape;

    @BeforeAll
    static void run() throws Exception {
        scrape = MetricsScenario.result().scrape();
    }

    private static double value(String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(line.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static String sends(String outcome, String errorCode, String retryClass) {
        return "whatsapp_marketing_sends_total{error_code=\"" + errorCode + "\",outcome=\"" + outcome
               + "\",phone_number_id=\"" + NUMBER + "\",retry_class=\"" + retryClass + "\",template=\""
               + MetricsScenario.TEMPLATE + "\"}";
    }

    private static String event(String status, String routedVia, String pricing, String errorCode, String outcome) {
        return "whatsapp_marketing_webhook_events_total{error_code=\"" + errorCode + "\",outcome=\"" + outcome
               + "\",phone_number_id=\"" + WebhookPayloads.PHONE_NUMBER_ID + "\",pricing_category=\"" + pricing
               + "\",routed_via=\"" + routedVia + "\",status=\"" + status + "\",type=\"status\"}";
    }

    @Test
    void sendsByOutcomeWithErrorCodeRetryClassNumberAndTemplate() {
        assertThat(value(sends("accepted", "none", "none"))).as("three at once, one after a retry, one with the ledger")
                .isEqualTo(5);
        assertThat(value(sends("rejected", "132001", "configuration"))).isEqualTo(1);
        assertThat(value(sends("not_sent", "none", "none"))).isEqualTo(1);
        assertThat(value(sends("unknown", "none", "none"))).isEqualTo(1);
    }

    @Test
    void sendsTheLedgerSkippedOrRefusedAreCountedByOutcome() {
        assertThat(value(sends("duplicate", "none", "none"))).as("the send key sent already").isEqualTo(1);
        assertThat(value(sends("suppressed", "none", "none"))).as("the suppressed recipient").isEqualTo(1);
    }

    @Test
    void ledgerWritesAreTimedByOperation() {
        assertThat(value("whatsapp_marketing_ledger_write_seconds_count{operation=\"claim\"}"))
                .as("three sends with the ledger").isEqualTo(3);
        assertThat(value("whatsapp_marketing_ledger_write_seconds_count{operation=\"hand_over\"}")).isEqualTo(1);
        assertThat(value("whatsapp_marketing_ledger_write_seconds_count{operation=\"outcome\"}")).isEqualTo(1);
    }

    @Test
    void sendLatencyIsAHistogramPerOutcome() {
        String accepted = "{outcome=\"accepted\",phone_number_id=\"" + NUMBER + "\"";
        assertThat(value("whatsapp_marketing_send_latency_seconds_count" + accepted + "}")).isEqualTo(5);
        assertThat(value("whatsapp_marketing_send_latency_seconds_bucket" + accepted + ",le=\"+Inf\"}")).isEqualTo(5);
        assertThat(value("whatsapp_marketing_send_latency_seconds_bucket{outcome=\"unknown\",phone_number_id=\""
                         + NUMBER + "\",le=\"0.1\"}")).as("the unknown outcome waited its 200 ms timeout")
                .isZero();
        assertThat(value("whatsapp_marketing_send_latency_seconds_sum{outcome=\"unknown\",phone_number_id=\"" + NUMBER
                         + "\"}")).isGreaterThanOrEqualTo(0.2);
    }

    @Test
    void retriesByReasonAndPacingWaits() {
        assertThat(value("whatsapp_marketing_retries_total{error_code=\"130429\",operation=\"send\",phone_number_id=\""
                         + NUMBER + "\",reason=\"api_error\"}")).isEqualTo(1);
        assertThat(value("whatsapp_marketing_pacing_wait_seconds_count{phone_number_id=\"" + NUMBER + "\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(value("whatsapp_marketing_pacing_wait_seconds_sum{phone_number_id=\"" + NUMBER + "\"}"))
                .isGreaterThan(0.01);
    }

    @Test
    void webhookEventsByStatusRoutingPricingAndErrorCode() {
        assertThat(value(event("sent", "marketing_messages_api", "marketing_lite", "none", "routed"))).isEqualTo(1);
        assertThat(value(event("sent", "cloud_api", "marketing", "none", "routed"))).isEqualTo(1);
        assertThat(value(event("delivered", "marketing_messages_api", "marketing_lite", "none", "routed")))
                .isEqualTo(1);
        assertThat(value(event("read", "none", "none", "none", "routed"))).isEqualTo(1);
        assertThat(value(event("failed", "none", "none", "131049", "routed"))).isEqualTo(1);
        assertThat(value(event("delivered", "none", "none", "none", "failed"))).as("the route failed").isEqualTo(1);
    }

    @Test
    void reDeliveriesAreCountedApartAndRejectionsByReason() {
        assertThat(value("whatsapp_marketing_webhook_duplicates_total{phone_number_id=\""
                         + WebhookPayloads.PHONE_NUMBER_ID + "\",status=\"sent\",type=\"status\"}")).isEqualTo(1);
        assertThat(value("whatsapp_marketing_webhook_rejections_total{http_status=\"401\",reason=\"signature\"}"))
                .isEqualTo(1);
        assertThat(value("whatsapp_marketing_webhook_rejections_total{http_status=\"400\",reason=\"malformed\"}"))
                .isEqualTo(1);
    }

    @Test
    void noRecipientMessageIdOrSendKeyAppearsAnywhere() {
        assertThat(scrape).contains("whatsapp_marketing_");
        for (String value : MetricsScenario.PRIVATE_VALUES) {
            assertThat(scrape).as("the scrape mentions %s", value).doesNotContain(value);
        }
        Matcher label = Pattern.compile("[{,]([a-z_]+)=\"").matcher(scrape);
        Set<String> labels = new TreeSet<>();
        while (label.find()) {
            labels.add(label.group(1));
        }
        assertThat(labels).as("only the documented labels").isSubsetOf(LABELS);
    }
}
