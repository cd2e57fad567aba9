package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.json;
import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.template;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.TIMEOUT;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.awaitTrue;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.expectedSignature;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.fastSandbox;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.shape;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.webhookSample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusWebhookTest {

    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(
            fastSandbox().callbackUrl(RECEIVER.url()).displayPhoneNumber("15550783881"));

    private final WhatsAppSandbox sandbox;
    private final GraphClient client;

    StatusWebhookTest(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new GraphClient(sandbox);
    }

    @BeforeEach
    void forgetEarlierWebhooks() {
        RECEIVER.clear();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void signsEveryWebhookOverItsExactBodyBytes() throws Exception {
        String wamid = client.accepted(template("16505551234"));

        sandbox.awaitStatuses(3, TIMEOUT);

        List<WebhookReceiver.Received> webhooks = webhooksOf(wamid, RECEIVER.received());
        assertThat(webhooks).hasSize(3);
        for (WebhookReceiver.Received webhook : webhooks) {
            assertThat(webhook.contentType()).isEqualTo("application/json");
            assertThat(webhook.signature())
                    .isEqualTo(expectedSignature("sandbox-app-secret", webhook.body()))
                    .isNotEqualTo(expectedSignature("another-secret", webhook.body()));
        }
    }

    @Test
    void sendsSentDeliveredReadInOrderPricedAsMarketingLite() {
        String wamid = client.accepted(template("16505551234"));

        List<DeliveredStatus> statuses = sandbox.awaitStatuses(3, TIMEOUT);

        assertThat(statuses).extracting(DeliveredStatus::status).containsExactly("sent", "delivered", "read");
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.wamid()).isEqualTo(wamid);
            assertThat(status.recipient()).isEqualTo("16505551234");
            assertThat(status.timestamp()).matches("\\d{10}");
            assertThat(status.errorCode()).isNull();
        });
        assertThat(statuses).extracting(DeliveredStatus::pricingCategory)
                .containsExactly("marketing_lite", "marketing_lite", null);
        JsonNode pricing = parse(statuses.get(0).statusJson()).path("pricing");
        assertThat(pricing.path("billable").asBoolean()).isTrue();
        assertThat(pricing.path("pricing_model").asText()).isEqualTo("PMP");
        assertThat(pricing.path("type").asText()).isEqualTo("regular");
    }

    @Test
    void shapesWebhooksLikeMetasSamples() throws Exception {
        String sentWamid = client.accepted(template("16505551234"));
        String failedWamid = client.accepted(template("16505551239"));

        sandbox.awaitStatuses(4, TIMEOUT);

        JsonNode sent = webhookWithStatus(sentWamid, "sent");
        JsonNode failed = webhookWithStatus(failedWamid, "failed");
        assertThat(shape(sent)).isEqualTo(shape(webhookSample("status-sent-marketing-cloudapi.json")));
        assertThat(shape(failed)).isEqualTo(shape(webhookSample("status-failed-131049.json")));
        assertThat(sent.path("object").asText()).isEqualTo("whatsapp_business_account");
        assertThat(sent.at("/entry/0/id").asText()).isEqualTo(sandbox.wabaId());
        assertThat(sent.at("/entry/0/changes/0/field").asText()).isEqualTo("messages");
        JsonNode value = sent.at("/entry/0/changes/0/value");
        assertThat(value.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(value.at("/metadata/phone_number_id").asText()).isEqualTo(sandbox.phoneNumberId());
        assertThat(value.at("/metadata/display_phone_number").asText()).isEqualTo("15550783881");
        assertThat(value.at("/statuses/0/conversation/origin/type").asText()).isEqualTo("marketing_lite");
    }

    @Test
    void leavesOutTheConversationFromV24On() {
        HttpResponse<String> response = client.post(
                sandbox.baseUri().resolve("/v24.0/" + sandbox.phoneNumberId() + "/marketing_messages"),
                template("16505551234").toString(), "Bearer " + sandbox.accessToken());
        assertThat(response.headers().firstValue("facebook-api-version")).hasValue("v24.0");

        DeliveredStatus sent = sandbox.awaitStatuses(1, TIMEOUT).get(0);

        assertThat(parse(sent.statusJson()).has("conversation")).isFalse();
        assertThat(parse(sent.statusJson()).has("pricing")).isTrue();
    }

    @Test
    void echoesBizOpaqueCallbackData() {
        client.accepted(template("16505551234").put("biz_opaque_callback_data", "campaign-42:batch-7"));

        List<DeliveredStatus> statuses = sandbox.awaitStatuses(3, TIMEOUT);

        assertThat(statuses).extracting(DeliveredStatus::bizOpaqueCallbackData).containsOnly("campaign-42:batch-7");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "CLOUD_API_FALLBACK")
    void routesViaCloudApiWhenTheAccountIsNotOnboarded(String productPolicy) {
        try (WhatsAppSandbox notOnboarded = fastSandbox().onboarded(false).callbackUrl(RECEIVER.url()).build()) {
            ObjectNode request = template("16505551234");
            if (productPolicy != null) {
                request.put("product_policy", productPolicy);
            }
            new GraphClient(notOnboarded.start()).accepted(request);

            List<DeliveredStatus> statuses = notOnboarded.awaitStatuses(3, TIMEOUT);

            assertThat(statuses).extracting(DeliveredStatus::pricingCategory)
                    .containsExactly("marketing", "marketing", null);
            assertThat(notOnboarded.sentMessages().get(0).pricingCategory()).isEqualTo("marketing");
        }
    }

    @Test
    void refusesStrictSendsWhenTheAccountIsNotOnboarded() {
        try (WhatsAppSandbox notOnboarded = fastSandbox().onboarded(false).callbackUrl(RECEIVER.url()).build()) {
            GraphClient notOnboardedClient = new GraphClient(notOnboarded.start());

            HttpResponse<String> response = notOnboardedClient.send(
                    template("16505551234").put("product_policy", "STRICT"));

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = json(response).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(131055);
            assertThat(error.path("message").asText()).isEqualTo("(#131055) Method not allowed");
            assertThat(error.at("/error_data/details").asText()).contains("has not accepted the Marketing Messages");
            assertThat(notOnboarded.sentMessages()).isEmpty();
            String marker = notOnboardedClient.accepted(template("16505551231"));
            assertThat(notOnboarded.awaitStatuses(3, TIMEOUT)).extracting(DeliveredStatus::wamid).containsOnly(marker);
        }
    }

    @Test
    void holdsStatusesUntilACallbackUrlIsSet() throws Exception {
        try (WhatsAppSandbox noCallbackYet = fastSandbox().build()) {
            new GraphClient(noCallbackYet.start()).accepted(template("16505551234"));
            awaitTrue("the sent status to fall due", () -> noCallbackYet.dueStatusCount() == 1);

            noCallbackYet.callbackUrl(RECEIVER.url());

            assertThat(noCallbackYet.awaitStatuses(3, TIMEOUT)).extracting(DeliveredStatus::status)
                    .containsExactly("sent", "delivered", "read");
        }
    }

    @Test
    void retriesAWebhookTheReceiverAnswersWith500() throws Exception {
        try (WebhookReceiver flaky = WebhookReceiver.start();
             WhatsAppSandbox sandboxWithRetries = fastSandbox().callbackUrl(flaky.url()).build()) {
            flaky.answerNext(500);
            new GraphClient(sandboxWithRetries.start()).accepted(template("16505551234"));

            List<DeliveredStatus> statuses = sandboxWithRetries.awaitStatuses(3, TIMEOUT);

            assertThat(statuses).extracting(DeliveredStatus::status).containsExactly("sent", "delivered", "read");
            List<WebhookReceiver.Received> posts = flaky.awaitRequests(4, TIMEOUT);
            assertThat(posts).hasSize(4);
            assertThat(posts.get(1).body()).isEqualTo(posts.get(0).body());
            assertThat(posts.get(1).signature()).isEqualTo(posts.get(0).signature());
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAndGoesOnWithTheNextStatus() throws Exception {
        try (WebhookReceiver down = WebhookReceiver.start();
             WhatsAppSandbox sandboxWithTwoAttempts =
                     fastSandbox().callbackMaxAttempts(2).callbackUrl(down.url()).build()) {
            down.answerNext(503, 503);
            new GraphClient(sandboxWithTwoAttempts.start()).accepted(template("16505551234"));

            List<DeliveredStatus> statuses = sandboxWithTwoAttempts.awaitStatuses(2, TIMEOUT);

            assertThat(statuses).extracting(DeliveredStatus::status).containsExactly("delivered", "read");
            assertThat(down.awaitRequests(4, TIMEOUT)).hasSize(4);
        }
    }

    @Test
    void spreadsPostsOverSeveralCallbackUrlsInTurnAndRetriesTheNextOne() throws Exception {
        try (WebhookReceiver first = WebhookReceiver.start(); WebhookReceiver second = WebhookReceiver.start();
             WhatsAppSandbox balanced = fastSandbox()
                     .callbackUrls(List.of(URI.create(first.url()), URI.create(second.url()))).build()) {
            GraphClient balancedClient = new GraphClient(balanced.start());
            balancedClient.accepted(template("16505551231"));
            balancedClient.accepted(template("16505551232"));

            assertThat(balanced.awaitStatuses(6, TIMEOUT)).hasSize(6);
            assertThat(first.received()).hasSize(3);
            assertThat(second.received()).hasSize(3);
            assertThat(balanced.callbackUrls()).hasSize(2);
            assertThat(balanced.callbackUrl()).hasToString(first.url());
        }
    }

    @Test
    void routesTheRetryOfAFailedPostToTheNextCallbackUrl() throws Exception {
        try (WebhookReceiver down = WebhookReceiver.start(); WebhookReceiver up = WebhookReceiver.start();
             WhatsAppSandbox balanced = fastSandbox().build()) {
            down.answerNext(500, 500, 500);
            balanced.callbackUrls(List.of(URI.create(down.url()), URI.create(up.url())));
            new GraphClient(balanced.start()).accepted(template("16505551234"));

            assertThat(balanced.awaitStatuses(3, TIMEOUT)).extracting(DeliveredStatus::status)
                    .containsExactly("sent", "delivered", "read");
            assertThat(up.received()).as("each status POST that failed at the first URL went on to the second")
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(up.received().size() + down.received().size()).as("nothing retried twice at the same URL")
                    .isLessThanOrEqualTo(5);
            assertThat(balanced.webhookRetries()).isEqualTo(down.received().size());
        }
    }

    @Test
    void batchesStatusesWhenConfigured() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             WhatsAppSandbox batching = fastSandbox().statusesPerCallback(3).build()) {
            GraphClient batchingClient = new GraphClient(batching.start());
            for (String to : new String[] {"16505551231", "16505551232", "16505551233"}) {
                batchingClient.accepted(template(to));
            }
            awaitTrue("three sent statuses to fall due", () -> batching.dueStatusCount() == 3);

            batching.callbackUrl(receiver.url());

            assertThat(batching.awaitStatuses(9, TIMEOUT)).hasSize(9);
            List<WebhookReceiver.Received> posts = receiver.received();
            assertThat(posts.get(0).statuses()).extracting(status -> status.path("status").asText())
                    .containsExactly("sent", "sent", "sent");
            assertThat(posts).allSatisfy(post -> assertThat(post.statuses()).hasSizeBetween(1, 3));
            assertThat(posts.stream().mapToInt(post -> post.statuses().size()).sum()).isEqualTo(9);
        }
    }

    private static List<WebhookReceiver.Received> webhooksOf(String wamid, List<WebhookReceiver.Received> posts) {
        return posts.stream()
                .filter(post -> post.statuses().stream().anyMatch(s -> s.path("id").asText().equals(wamid)))
                .toList();
    }

    private static JsonNode webhookWithStatus(String wamid, String status) {
        return webhooksOf(wamid, RECEIVER.received()).stream()
                .map(WebhookReceiver.Received::json)
                .filter(body -> body.at("/entry/0/changes/0/value/statuses/0/status").asText().equals(status))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + status + " webhook for " + wamid));
    }

    private static JsonNode parse(String json) {
        try {
            return GraphClient.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
