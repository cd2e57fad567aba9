package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.json;
import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.template;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.TIMEOUT;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.fastSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per row of the table in {@link Scenarios}. */
class ScenarioTest {

    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP =
            new WhatsAppSandboxExtension(fastSandbox().callbackUrl(RECEIVER.url()));

    private final WhatsAppSandbox sandbox;
    private final GraphClient client;

    ScenarioTest(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new GraphClient(sandbox);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void recipientEndingIn0IsSentThenFailsWith131026() throws Exception {
        String wamid = client.accepted(template("16505551230"));

        List<DeliveredStatus> statuses = sandbox.awaitStatuses(2, TIMEOUT);

        assertThat(statuses).extracting(DeliveredStatus::status).containsExactly("sent", "failed");
        DeliveredStatus failed = statuses.get(1);
        assertThat(failed.wamid()).isEqualTo(wamid);
        assertThat(failed.errorCode()).isEqualTo(131026);
        assertThat(failed.pricingCategory()).isNull();
        JsonNode error = GraphClient.MAPPER.readTree(failed.statusJson()).path("errors").path(0);
        assertThat(error.path("title").asText()).isEqualTo("Message undeliverable");
        assertThat(error.path("message").asText()).isEqualTo("Message undeliverable");
        assertThat(error.at("/error_data/details").asText()).isNotBlank();
        assertThat(error.path("href").asText()).isEqualTo(WhatsAppError.ERROR_CODES_HREF);
        assertNoMoreStatusesFor(wamid);
    }

    @Test
    void recipientEndingIn9FailsWith131049WithoutBeingSent() throws Exception {
        String wamid = client.accepted(template("16505551239"));

        List<DeliveredStatus> statuses = sandbox.awaitStatuses(1, TIMEOUT);

        assertThat(statuses.get(0).status()).isEqualTo("failed");
        assertThat(statuses.get(0).errorCode()).isEqualTo(131049);
        JsonNode error = GraphClient.MAPPER.readTree(statuses.get(0).statusJson()).path("errors").path(0);
        assertThat(error.path("title").asText())
                .isEqualTo("This message was not delivered to maintain healthy ecosystem engagement.");
        assertNoMoreStatusesFor(wamid);
    }

    @Test
    void recipientEndingIn8IsDeliveredButNeverRead() throws Exception {
        String wamid = client.accepted(template("16505551238"));

        assertThat(sandbox.awaitStatuses(2, TIMEOUT)).extracting(DeliveredStatus::status)
                .containsExactly("sent", "delivered");
        assertNoMoreStatusesFor(wamid);
    }

    @Test
    void recipientEndingIn7IsRefusedWith131056OnTheFirstAttemptOnly() {
        HttpResponse<String> first = client.send(template("16505551237"));

        assertThat(first.statusCode()).isEqualTo(400);
        JsonNode error = json(first).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(131056);
        assertThat(error.path("message").asText())
                .isEqualTo("(#131056) (Business Account, Consumer Account) pair rate limit hit");
        client.accepted(template("16505551237"));
        assertThat(sandbox.awaitStatuses(3, TIMEOUT)).extracting(DeliveredStatus::status)
                .containsExactly("sent", "delivered", "read");
    }

    @Test
    void recipientEndingIn6IsHeldForQualityAssessmentThenSentDeliveredAndRead() {
        HttpResponse<String> answer = client.send(template("16505551236"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).at("/messages/0/message_status").asText()).isEqualTo("held_for_quality_assessment");
        assertThat(json(answer).at("/messages/0/id").asText()).startsWith("wamid.");
        assertThat(sandbox.awaitStatuses(3, TIMEOUT)).extracting(DeliveredStatus::status)
                .containsExactly("sent", "delivered", "read");
    }

    @Test
    void aHeldMessageCanBeDroppedWith132015() throws Exception {
        try (WhatsAppSandbox dropping = fastSandbox().callbackUrl(RECEIVER.url())
                .scenario(6, Scenarios.HELD_THEN_DROPPED).build()) {
            GraphClient held = new GraphClient(dropping.start());
            HttpResponse<String> answer = held.send(template("16505551236"));

            assertThat(json(answer).at("/messages/0/message_status").asText()).isEqualTo("held_for_quality_assessment");
            List<DeliveredStatus> statuses = dropping.awaitStatuses(1, TIMEOUT);
            assertThat(statuses).extracting(DeliveredStatus::status).containsExactly("failed");
            assertThat(statuses.get(0).errorCode()).isEqualTo(132015);
            assertThat(GraphClient.MAPPER.readTree(statuses.get(0).statusJson()).at("/errors/0/title").asText())
                    .isEqualTo("Template is paused");
        }
    }

    @Test
    void recipientEndingIn5IsPausedThenSentDeliveredAndRead() {
        HttpResponse<String> answer = client.send(template("16505551235"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).at("/messages/0/message_status").asText()).isEqualTo("paused");
        assertThat(sandbox.awaitStatuses(3, TIMEOUT)).extracting(DeliveredStatus::status)
                .containsExactly("sent", "delivered", "read");
    }

    @Test
    void anyOtherRecipientIsSentDeliveredAndRead() {
        client.accepted(template("16505551234"));

        assertThat(sandbox.awaitStatuses(3, TIMEOUT)).extracting(DeliveredStatus::status)
                .containsExactly("sent", "delivered", "read");
    }

    @Test
    void aBsuidRecipientIsPickedByItsLastDigitAndReportedAsRecipientUserId() throws Exception {
        client.accepted(template(null).put("recipient", "US.13491208655302741918"));

        List<DeliveredStatus> statuses = sandbox.awaitStatuses(2, TIMEOUT);

        assertThat(statuses).extracting(DeliveredStatus::status).containsExactly("sent", "delivered");
        JsonNode sent = GraphClient.MAPPER.readTree(statuses.get(0).statusJson());
        assertThat(sent.path("recipient_user_id").asText()).isEqualTo("US.13491208655302741918");
        assertThat(sent.has("recipient_id")).isFalse();
    }

    @Test
    void resetForgetsAttemptsSoTheFirstAttemptIsRefusedAgain() {
        assertThat(client.send(template("16505551237")).statusCode()).isEqualTo(400);
        assertThat(client.send(template("16505551237")).statusCode()).isEqualTo(200);

        sandbox.reset();

        assertThat(client.send(template("16505551237")).statusCode()).isEqualTo(400);
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void refusesSendsOverTheMessagesPerSecondWith130429() {
        MutableClock clock = new MutableClock();
        try (WhatsAppSandbox twoPerSecond = WhatsAppSandbox.builder().messagesPerSecond(2).clock(clock).build()) {
            GraphClient limited = new GraphClient(twoPerSecond.start());
            limited.accepted(template("16505551231"));
            limited.accepted(template("16505551232"));

            HttpResponse<String> third = limited.send(template("16505551233"));

            assertThat(third.statusCode()).isEqualTo(429);
            JsonNode error = json(third).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(130429);
            assertThat(error.path("message").asText()).isEqualTo("(#130429) Rate limit hit");
            assertThat(error.at("/error_data/details").asText())
                    .isEqualTo("Cloud API message throughput has been reached.");
            assertThat(third.headers().firstValue(UsageHeader.NAME)).hasValueSatisfying(
                    usage -> assertThat(usage).contains("\"call_count\":100"));
            assertThat(twoPerSecond.refusedSends()).singleElement().satisfies(refused -> {
                assertThat(refused.errorCode()).isEqualTo(130429);
                assertThat(refused.recipient()).isEqualTo("16505551233");
                assertThat(refused.refusedAt()).isEqualTo(clock.instant());
            });
            clock.advance(Duration.ofSeconds(1));
            assertThat(limited.send(template("16505551233")).statusCode()).isEqualTo(200);
            assertThat(twoPerSecond.sentMessages()).hasSize(3);
        }
    }

    @Test
    void theThroughputTierIsUpgradedAtTheConfiguredMomentAndTheLevelSaysSo() {
        MutableClock clock = new MutableClock();
        try (WhatsAppSandbox tiered = WhatsAppSandbox.builder().messagesPerSecond(2)
                .throughputUpgrade(Duration.ofMinutes(10)).upgradedMessagesPerSecond(4).clock(clock).build()) {
            GraphClient limited = new GraphClient(tiered.start());
            String number = tiered.settings().phoneNumberId();
            assertThat(json(limited.getFields(number, "throughput")).at("/throughput/level").asText())
                    .isEqualTo("STANDARD");
            assertThat(sentWithinOneSecond(limited, 6)).as("before the upgrade").isEqualTo(2);

            clock.advance(Duration.ofMinutes(10));

            assertThat(sentWithinOneSecond(limited, 6)).as("after the upgrade").isEqualTo(4);
            HttpResponse<String> level = limited.getFields(number, "throughput,display_phone_number");
            assertThat(level.statusCode()).isEqualTo(200);
            assertThat(json(level).at("/throughput/level").asText()).as("1,000/s and up is HIGH")
                    .isEqualTo("STANDARD");
        }
        try (WhatsAppSandbox upgraded = WhatsAppSandbox.builder().throughputUpgrade(Duration.ZERO).build()) {
            GraphClient client = new GraphClient(upgraded.start());
            JsonNode answer = json(client.getFields(upgraded.settings().phoneNumberId(), "throughput"));
            assertThat(answer.at("/throughput/level").asText()).isEqualTo("HIGH");
            assertThat(answer.path("id").asText()).isEqualTo(upgraded.settings().phoneNumberId());
        }
    }

    @Test
    void aPhoneNumberCannotBeChanged() {
        HttpResponse<String> post = client.update(sandbox.settings().phoneNumberId(), "{\"throughput\":{}}");

        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(json(post).at("/error/code").asInt()).isEqualTo(100);
    }

    /** Sends {@code attempts} messages within one second of the sandbox's clock; returns how many were accepted. */
    private static int sentWithinOneSecond(GraphClient client, int attempts) {
        int accepted = 0;
        for (int i = 0; i < attempts; i++) {
            HttpResponse<String> response = client.send(template("1650555124" + i));
            if (response.statusCode() == 200) {
                accepted++;
            } else {
                assertThat(json(response).at("/error/code").asInt()).isEqualTo(130429);
            }
        }
        return accepted;
    }

    @Test
    void refusesMoreThanThePairLimitToOneRecipientWith131056() {
        MutableClock clock = new MutableClock();
        try (WhatsAppSandbox defaults = WhatsAppSandbox.builder().clock(clock).build()) {
            GraphClient limited = new GraphClient(defaults.start());
            for (int i = 0; i < Scenarios.DEFAULT_PAIR_LIMIT; i++) {
                limited.accepted(template("16505551234"));
            }

            HttpResponse<String> overLimit = limited.send(template("16505551234"));

            assertThat(overLimit.statusCode()).isEqualTo(400);
            assertThat(json(overLimit).at("/error/code").asInt()).isEqualTo(131056);
            assertThat(limited.send(template("16505551235")).statusCode()).isEqualTo(200);
            clock.advance(Scenarios.DEFAULT_PAIR_WINDOW);
            assertThat(limited.send(template("16505551234")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void turnsLimitsOffWithZero() {
        MutableClock clock = new MutableClock();
        try (WhatsAppSandbox unlimited = WhatsAppSandbox.builder().clock(clock)
                .messagesPerSecond(0).pairRateLimit(0, Duration.ofSeconds(6)).build()) {
            GraphClient client = new GraphClient(unlimited.start());
            for (int i = 0; i < 100; i++) {
                client.accepted(template("16505551234"));
            }
            assertThat(unlimited.sentMessages()).hasSize(100);
        }
    }

    /**
     * Proves the absence of further statuses without sleeping: a later message to another recipient is sent, delivered
     * and read; a further status of {@code wamid} would have been due before that message's read.
     */
    private void assertNoMoreStatusesFor(String wamid) {
        int before = sandbox.deliveredStatuses().size();
        String marker = client.accepted(template("16505551231"));
        List<DeliveredStatus> all = sandbox.awaitStatuses(before + 3, TIMEOUT);
        assertThat(all.subList(before, all.size())).extracting(DeliveredStatus::wamid).containsOnly(marker);
    }
}
