package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.github.cwmarketing.whatsapp.support.MutableClock;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * What every {@link MessageLedger} must do, run against each implementation: claims, their outcomes and what a
 * re-claim finds, status progression (out of order, duplicated), unknown outcomes resolved by a status webhook that
 * carries the send key, suppression and parking with an injected clock, the campaign report (with Meta's error titles
 * and the sends over time), and the purge.
 */
abstract class MessageLedgerContractTest {

    static final Instant START = Instant.parse("2026-10-01T08:00:00Z");
    static final Duration PARK = Duration.ofHours(24);

    protected final MutableClock clock = new MutableClock(START);
    protected MessageLedger ledger;

    /** A started-or-startable ledger on an empty store, using the clock and the park duration. */
    protected abstract MessageLedger createLedger(MutableClock clock, Duration parkDuration);

    @BeforeEach
    void startLedger() {
        ledger = createLedger(clock, PARK);
        ServiceHelper.startService(ledger);
    }

    @AfterEach
    void stopLedger() {
        ServiceHelper.stopService(ledger);
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    static SendIntent intent(String key, String recipient) {
        return new SendIntent(key, "autumn", "106540352242922", recipient, "autumn_offer", "en", "STRICT", true, null);
    }

    static SendIntent intent(String key, String recipient, Duration resendAfter) {
        return new SendIntent(key, "autumn", "106540352242922", recipient, "autumn_offer", "en", "STRICT", true,
                resendAfter);
    }

    static StatusUpdate status(String messageId, String status, String recipientDigits) {
        return new StatusUpdate(messageId + "|" + status, messageId, status, START, recipientDigits,
                "106540352242922", status.equals("failed") ? null : "MARKETING_MESSAGES_API",
                status.equals("failed") ? null : "marketing_lite", null, null, null);
    }

    static StatusUpdate failed(String messageId, String recipientDigits, int code) {
        return new StatusUpdate(messageId + "|failed", messageId, "failed", START, recipientDigits, "106540352242922",
                null, null, code, "error " + code, null);
    }

    /** Claims, hands over and records an accepted outcome; the claim. */
    SendClaim sendAccepted(SendIntent intent, String messageId) throws Exception {
        SendClaim claim = await(ledger.claim(intent));
        assertThat(claim.status()).isEqualTo(ClaimStatus.PROCEED);
        assertThat(await(ledger.handOver(claim))).isTrue();
        await(ledger.recordOutcome(claim, AttemptOutcome.accepted(messageId, "accepted", clock.instant())));
        return claim;
    }

    @Test
    void aNewKeyIsClaimedOnceAndAnAcceptedOneIsADuplicateWithItsMessageId() throws Exception {
        SendClaim first = await(ledger.claim(intent("k1", "+4915112340001")));
        SendClaim whileInFlight = await(ledger.claim(intent("k1", "+4915112340001")));
        assertThat(first.status()).isEqualTo(ClaimStatus.PROCEED);
        assertThat(first.holdsRow()).isTrue();
        assertThat(whileInFlight.status()).isEqualTo(ClaimStatus.IN_FLIGHT);

        assertThat(await(ledger.handOver(first))).isTrue();
        await(ledger.recordOutcome(first, AttemptOutcome.accepted("wamid.1", "held_for_quality_assessment",
                clock.instant())));

        SendClaim again = await(ledger.claim(intent("k1", "+4915112340001")));
        assertThat(again.status()).isEqualTo(ClaimStatus.DUPLICATE);
        assertThat(again.messageId()).isEqualTo("wamid.1");
        assertThat(again.messageStatus()).isEqualTo("held_for_quality_assessment");
        CampaignReport report = await(ledger.campaignReport("autumn"));
        assertThat(report.messages()).isEqualTo(1);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.duplicatesSkipped()).isEqualTo(2);
    }

    @Test
    void keysInOneBatchOfClaimsAreClaimedOnce() throws Exception {
        List<CompletionStage<SendClaim>> claims = List.of(ledger.claim(intent("same", "+4915112340002")),
                ledger.claim(intent("same", "+4915112340002")), ledger.claim(intent("same", "+4915112340002")));
        long proceeding = 0;
        for (CompletionStage<SendClaim> claim : claims) {
            proceeding += await(claim).status() == ClaimStatus.PROCEED ? 1 : 0;
        }
        assertThat(proceeding).isEqualTo(1);
    }

    @Test
    void aProvablyNotAcceptedMessageIsSentAgain() throws Exception {
        SendClaim rejected = await(ledger.claim(intent("k2", "+4915112340003")));
        await(ledger.handOver(rejected));
        await(ledger.recordOutcome(rejected, AttemptOutcome.rejected(131026, "Message undeliverable", clock.instant())));
        SendClaim notSent = await(ledger.claim(intent("k2", "+4915112340003")));
        assertThat(notSent.status()).isEqualTo(ClaimStatus.PROCEED);
        await(ledger.recordOutcome(notSent, AttemptOutcome.notSent()));

        SendClaim third = await(ledger.claim(intent("k2", "+4915112340003")));
        assertThat(third.status()).isEqualTo(ClaimStatus.PROCEED);
        assertThat(third.claimToken()).isNotEqualTo(rejected.claimToken());
        assertThat(await(ledger.handOver(rejected))).as("the first claim's token no longer holds the row").isFalse();
    }

    @Test
    void aHandedBackSendIsHandedOverAgainByItsClaimAndIsStillInFlightForOthers() throws Exception {
        SendClaim claim = await(ledger.claim(intent("k5", "+4915112340005")));
        assertThat(await(ledger.handOver(claim))).isTrue();
        await(ledger.handBack(claim));

        assertThat(await(ledger.claim(intent("k5", "+4915112340005"))).status()).as("its instance is alive")
                .isEqualTo(ClaimStatus.IN_FLIGHT);
        assertThat(await(ledger.handOver(claim))).as("the retry's hand-over").isTrue();
        await(ledger.recordOutcome(claim, AttemptOutcome.accepted("wamid.5", "accepted", clock.instant())));
        assertThat(await(ledger.claim(intent("k5", "+4915112340005"))).status()).isEqualTo(ClaimStatus.DUPLICATE);
    }

    @Test
    void anUnknownOutcomeIsNotSentAgainUntilResendUnknownOutcomeAfterHasPassed() throws Exception {
        SendClaim claim = await(ledger.claim(intent("k3", "+4915112340004")));
        await(ledger.handOver(claim));
        Instant sentAt = clock.instant();
        await(ledger.recordOutcome(claim, AttemptOutcome.unknown(sentAt)));

        SendClaim never = await(ledger.claim(intent("k3", "+4915112340004")));
        assertThat(never.status()).isEqualTo(ClaimStatus.UNKNOWN_OUTCOME);
        assertThat(never.sentAt()).isEqualTo(sentAt);
        clock.advance(Duration.ofMinutes(30));
        assertThat(await(ledger.claim(intent("k3", "+4915112340004", Duration.ofHours(1)))).status())
                .isEqualTo(ClaimStatus.UNKNOWN_OUTCOME);
        clock.advance(Duration.ofMinutes(31));
        assertThat(await(ledger.claim(intent("k3", "+4915112340004", Duration.ofHours(1)))).status())
                .isEqualTo(ClaimStatus.PROCEED);
        assertThat(await(ledger.campaignReport("autumn")).count(FinalStatus.IN_FLIGHT)).isEqualTo(1);
    }

    @Test
    void aStatusCarryingTheSendKeyResolvesAnUnknownOutcome() throws Exception {
        SendClaim claim = await(ledger.claim(intent("autumn-2026:4915112340005", "+4915112340005")));
        await(ledger.handOver(claim));
        await(ledger.recordOutcome(claim, AttemptOutcome.unknown(clock.instant())));
        assertThat(await(ledger.campaignReport("autumn")).unknownOutcomes()).isEqualTo(1);

        StatusUpdate sent = new StatusUpdate("wamid.5|sent", "wamid.5", "sent", START, "4915112340005", null,
                "MARKETING_MESSAGES_API", "marketing_lite", null, null, "autumn-2026:4915112340005");
        StatusContext context = await(ledger.lookupStatuses(List.of(sent))).get(0);
        assertThat(context.known()).isTrue();
        assertThat(context.sendKey()).isEqualTo("autumn-2026:4915112340005");
        assertThat(await(ledger.recordStatuses(List.of(sent)))).containsExactly(true);

        SendClaim again = await(ledger.claim(intent("autumn-2026:4915112340005", "+4915112340005")));
        assertThat(again.status()).isEqualTo(ClaimStatus.DUPLICATE);
        assertThat(again.messageId()).isEqualTo("wamid.5");
        CampaignReport report = await(ledger.campaignReport("autumn"));
        assertThat(report.unknownOutcomes()).isZero();
        assertThat(report.count(FinalStatus.SENT)).isEqualTo(1);
    }

    @Test
    void statusesMoveForwardOnlyWhateverTheirOrderAndDuplicatesAreRecordedOnce() throws Exception {
        sendAccepted(intent("k6", "+4915112340006"), "wamid.6");
        sendAccepted(intent("k7", "+4915112340007"), "wamid.7");
        assertThat(await(ledger.recordStatuses(List.of(status("wamid.6", "read", "4915112340006"),
                status("wamid.6", "delivered", "4915112340006"))))).containsExactly(true, true);
        assertThat(await(ledger.recordStatuses(List.of(status("wamid.6", "sent", "4915112340006"),
                status("wamid.6", "read", "4915112340006"))))).containsExactly(true, false);
        assertThat(await(ledger.recordStatuses(List.of(failed("wamid.7", "4915112340007", 131026),
                status("wamid.7", "read", "4915112340007"))))).containsExactly(true, true);

        CampaignReport report = await(ledger.campaignReport("autumn"));
        assertThat(report.count(FinalStatus.READ)).isEqualTo(1);
        assertThat(report.count(FinalStatus.FAILED)).as("failed is final").isEqualTo(1);
        assertThat(report.byErrorCode()).containsEntry(131026, 1L);
        assertThat(report.byRoutedVia()).containsEntry("MARKETING_MESSAGES_API", 2L);
        assertThat(report.byPricingCategory()).containsEntry("marketing_lite", 2L);
    }

    @Test
    void aLookupGivesTheRowsContextTheRunningPreviousStatusAndTheDuplicates() throws Exception {
        sendAccepted(intent("k8", "+4915112340008"), "wamid.8");
        await(ledger.recordStatuses(List.of(status("wamid.8", "sent", "4915112340008"))));

        List<StatusContext> contexts = await(ledger.lookupStatuses(List.of(status("wamid.8", "sent", "4915112340008"),
                status("wamid.8", "delivered", "4915112340008"), status("wamid.8", "read", "4915112340008"),
                status("wamid.8", "read", "4915112340008"), status("wamid.unknown", "sent", "4915112340009"))));

        assertThat(contexts).extracting(StatusContext::duplicate).containsExactly(true, false, false, true, false);
        assertThat(contexts).extracting(StatusContext::previousStatus).containsExactly(DeliveryStatus.SENT,
                DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ, null);
        StatusContext delivered = contexts.get(1);
        assertThat(delivered.known()).isTrue();
        assertThat(delivered.sendKey()).isEqualTo("k8");
        assertThat(delivered.campaign()).isEqualTo("autumn");
        assertThat(delivered.templateName()).isEqualTo("autumn_offer");
        assertThat(delivered.sentAt()).isEqualTo(START);
        assertThat(contexts.get(4).known()).isFalse();
    }

    @Test
    void aStatusThatArrivesBeforeTheSendsAnswerStillCounts() throws Exception {
        SendClaim claim = await(ledger.claim(intent("k10", "+4915112340010")));
        await(ledger.handOver(claim));
        await(ledger.recordStatuses(List.of(status("wamid.10", "delivered", "4915112340010"))));
        await(ledger.recordOutcome(claim, AttemptOutcome.accepted("wamid.10", "accepted", clock.instant())));

        assertThat(await(ledger.campaignReport("autumn")).count(FinalStatus.DELIVERED)).isEqualTo(1);
    }

    @Test
    void anOptOutSuppressesTheRecipientUntilLifted() throws Exception {
        sendAccepted(intent("k11", "+4915112340011"), "wamid.11");
        await(ledger.recordStatuses(List.of(failed("wamid.11", "4915112340011", 131050))));

        SendClaim refused = await(ledger.claim(intent("k12", "+49 151 1234-0011")));
        assertThat(refused.status()).isEqualTo(ClaimStatus.SUPPRESSED);
        assertThat(refused.suppression().reason()).isEqualTo(SuppressionReason.OPTED_OUT);
        assertThat(refused.suppression().until()).isNull();
        SendClaim keyless = await(ledger.claim(intent(null, "+4915112340011")));
        assertThat(keyless.status()).isEqualTo(ClaimStatus.SUPPRESSED);
        clock.advance(Duration.ofDays(400));
        assertThat(await(ledger.claim(intent("k12", "+4915112340011"))).status()).isEqualTo(ClaimStatus.SUPPRESSED);
        assertThat(await(ledger.campaignReport("autumn")).suppressed()).isEqualTo(2);

        assertThat(await(ledger.unsuppress("+49 (151) 1234 0011"))).isTrue();
        assertThat(await(ledger.claim(intent("k12", "+4915112340011"))).status()).isEqualTo(ClaimStatus.PROCEED);
    }

    @Test
    void a131049ParksTheRecipientForTheParkDurationAndNeverShortensAnOptOut() throws Exception {
        SendClaim claim = await(ledger.claim(intent("k13", "+4915112340013")));
        await(ledger.handOver(claim));
        await(ledger.recordOutcome(claim, AttemptOutcome.rejected(131049, "Ecosystem engagement", clock.instant())));

        SendClaim parked = await(ledger.claim(intent("k13", "+4915112340013")));
        assertThat(parked.status()).isEqualTo(ClaimStatus.SUPPRESSED);
        assertThat(parked.suppression().reason()).isEqualTo(SuppressionReason.PARKED);
        assertThat(parked.suppression().until()).isEqualTo(START.plus(PARK));
        clock.advance(PARK.minusSeconds(1));
        assertThat(await(ledger.claim(intent("k13", "+4915112340013"))).status()).isEqualTo(ClaimStatus.SUPPRESSED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(await(ledger.claim(intent("k13", "+4915112340013"))).status()).isEqualTo(ClaimStatus.PROCEED);

        await(ledger.suppress(List.of(Suppression.manual("+4915112340014", "imported from CRM", clock.instant()))));
        await(ledger.suppress(List.of(new Suppression("+4915112340014", SuppressionReason.PARKED,
                clock.instant().plus(PARK), 131049, null, clock.instant()))));
        Suppression kept = await(ledger.suppression("+4915112340014")).orElseThrow();
        assertThat(kept.reason()).isEqualTo(SuppressionReason.MANUAL);
        assertThat(kept.until()).isNull();
        assertThat(kept.note()).isEqualTo("imported from CRM");
    }

    @Test
    void suppressionsAreListedInForceAndInOrder() throws Exception {
        await(ledger.suppress(List.of(Suppression.manual("+4915112340022", null, clock.instant()),
                Suppression.manual("+4915112340021", null, clock.instant()),
                new Suppression("+4915112340023", SuppressionReason.PARKED, clock.instant().plusSeconds(60), 131049,
                        null, clock.instant()),
                Suppression.manual("US.13491208655302741918", null, clock.instant()))));
        assertThat(await(ledger.suppressions(0, 10))).extracting(Suppression::recipient).containsExactly(
                "+4915112340021", "+4915112340022", "+4915112340023", "US.13491208655302741918");
        assertThat(await(ledger.suppressions(1, 2))).extracting(Suppression::recipient)
                .containsExactly("+4915112340022", "+4915112340023");
        clock.advance(Duration.ofMinutes(2));
        assertThat(await(ledger.suppressions(0, 10))).hasSize(3);
        assertThat(await(ledger.suppression("+4915112340023"))).isEmpty();
        assertThat(await(ledger.purge())).as("the expired park").isEqualTo(1);
    }

    @Test
    void sendsWithoutAKeyAreRecordedOnceTheirOutcomeIsKnown() throws Exception {
        SendClaim accepted = await(ledger.claim(intent(null, "+4915112340030")));
        assertThat(accepted.status()).isEqualTo(ClaimStatus.PROCEED);
        assertThat(accepted.holdsRow()).isFalse();
        assertThat(await(ledger.handOver(accepted))).isTrue();
        await(ledger.recordOutcome(accepted, AttemptOutcome.accepted("wamid.30", "accepted", clock.instant())));
        SendClaim rejected = await(ledger.claim(intent(null, "+4915112340031")));
        await(ledger.recordOutcome(rejected, AttemptOutcome.rejected(131049, "Ecosystem", clock.instant())));
        await(ledger.recordStatuses(List.of(status("wamid.30", "delivered", "4915112340030"))));

        CampaignReport report = await(ledger.campaignReport("autumn"));
        assertThat(report.messages()).isEqualTo(2);
        assertThat(report.count(FinalStatus.DELIVERED)).isEqualTo(1);
        assertThat(report.count(FinalStatus.REJECTED)).isEqualTo(1);
        assertThat(report.byErrorCode()).containsEntry(131049, 1L);
        assertThat(report.firstSentAt()).isEqualTo(START);
        assertThat(await(ledger.claim(intent(null, "+4915112340031"))).status()).isEqualTo(ClaimStatus.SUPPRESSED);
    }

    @Test
    void eventKeysArePurgedAfterTheRetentionAndNotBefore() throws Exception {
        StatusUpdate sent = status("wamid.40", "sent", "4915112340040");
        assertThat(await(ledger.recordStatuses(List.of(sent)))).containsExactly(true);
        clock.advance(Duration.ofDays(6));
        await(ledger.purge());
        assertThat(await(ledger.recordStatuses(List.of(sent)))).containsExactly(false);
        clock.advance(Duration.ofDays(2));
        assertThat(await(ledger.purge())).isEqualTo(1);
        assertThat(await(ledger.recordStatuses(List.of(sent)))).containsExactly(true);
    }

    @Test
    void theReportOfACampaignCountsOnlyItsMessages() throws Exception {
        sendAccepted(intent("a1", "+4915112340050"), "wamid.50");
        sendAccepted(new SendIntent("b1", "winter", null, "+4915112340051", "winter_offer", "de", null, false, null),
                "wamid.51");
        sendAccepted(new SendIntent("c1", null, null, "+4915112340052", "plain", "de", null, false, null), "wamid.52");

        assertThat(await(ledger.campaignReport("autumn")).messages()).isEqualTo(1);
        assertThat(await(ledger.campaignReport("winter")).messages()).isEqualTo(1);
        assertThat(await(ledger.campaignReport(null)).messages()).isEqualTo(1);
        assertThat(await(ledger.campaignReport("spring")).messages()).isZero();
        assertThat(await(ledger.campaignReport("autumn")).render()).contains("Accepted by the API", "accepted");
    }

    @Test
    void theReportKeepsMetasTitleOfEachErrorCode() throws Exception {
        SendClaim rejected = await(ledger.claim(intent("t1", "+4915112340060")));
        await(ledger.handOver(rejected));
        await(ledger.recordOutcome(rejected, AttemptOutcome.rejected(131049,
                "(#131049) This message was not delivered to maintain healthy ecosystem engagement.", clock.instant())));
        sendAccepted(intent("t2", "+4915112340061"), "wamid.61");
        await(ledger.recordStatuses(List.of(failed("wamid.61", "4915112340061", 131026))));
        sendAccepted(intent("t3", "+4915112340062"), "wamid.62");
        await(ledger.recordStatuses(List.of(new StatusUpdate("wamid.62|failed", "wamid.62", "failed", START,
                "4915112340062", "106540352242922", null, null, 131000, "  ", null))));

        CampaignReport report = await(ledger.campaignReport("autumn"));
        assertThat(report.errorTitles()).as("a blank title is none").containsExactly(entry(131026, "error 131026"),
                entry(131049, "This message was not delivered to maintain healthy ecosystem engagement."));
        assertThat(report.byErrorCode()).as("a code without a title is still counted")
                .containsOnlyKeys(131000, 131026, 131049);
        assertThat(report.render()).contains("error 131026", "maintain healthy ecosystem engagement");
    }

    @Test
    void theReportCountsSendsOverTimeInBucketsOfAnAdaptiveWidth() throws Exception {
        sendAccepted(intent("s1", "+4915112340070"), "wamid.70");
        sendAccepted(intent("s2", "+4915112340071"), "wamid.71");
        clock.advance(Duration.ofMillis(1_050));
        SendClaim rejected = await(ledger.claim(intent("s3", "+4915112340072")));
        await(ledger.handOver(rejected));
        await(ledger.recordOutcome(rejected, AttemptOutcome.rejected(131026, "Message undeliverable", clock.instant())));
        clock.advance(Duration.ofMillis(8_950));
        sendAccepted(intent("s4", "+4915112340073"), "wamid.73");
        await(ledger.suppress(List.of(Suppression.manual("+4915112340074", "test", clock.instant()))));
        await(ledger.claim(intent("s5", "+4915112340074")));

        SendTimeline timeline = await(ledger.campaignReport("autumn")).sendTimeline();
        assertThat(timeline.start()).isEqualTo(START);
        assertThat(timeline.bucketWidth()).as("10 s in at most 120 buckets").isEqualTo(Duration.ofMillis(100));
        assertThat(timeline.counts()).hasSize(101);
        assertThat(timeline.counts().get(0)).isEqualTo(2);
        assertThat(timeline.counts().get(10)).as("a rejected send was sent too").isEqualTo(1);
        assertThat(timeline.counts().get(100)).isEqualTo(1);
        assertThat(timeline.total()).as("the suppressed message was never sent").isEqualTo(4);
        assertThat(timeline.peakPerSecond()).isEqualTo(20.0);
    }

    @Test
    void aLongerCampaignGetsWiderBuckets() throws Exception {
        sendAccepted(intent("w1", "+4915112340080"), "wamid.80");
        clock.advance(Duration.ofMinutes(30));
        sendAccepted(intent("w2", "+4915112340081"), "wamid.81");
        clock.advance(Duration.ofMinutes(30));
        sendAccepted(intent("w3", "+4915112340082"), "wamid.82");

        SendTimeline timeline = await(ledger.campaignReport("autumn")).sendTimeline();
        assertThat(timeline.bucketWidth()).as("30 s buckets would need 121").isEqualTo(Duration.ofMinutes(1));
        assertThat(timeline.counts()).hasSize(61);
        assertThat(timeline.counts().get(0)).isEqualTo(1);
        assertThat(timeline.counts().get(30)).isEqualTo(1);
        assertThat(timeline.counts().get(60)).isEqualTo(1);
        assertThat(timeline.end()).isEqualTo(START.plus(Duration.ofMinutes(61)));
        assertThat(await(ledger.campaignReport("winter")).sendTimeline()).isEqualTo(SendTimeline.NONE);
    }
}
