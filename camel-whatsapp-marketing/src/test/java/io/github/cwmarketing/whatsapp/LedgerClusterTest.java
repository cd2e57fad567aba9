package io.github.cwmarketing.whatsapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Camel contexts with separate components and ledgers on one PostgreSQL, as two instances behind a load balancer:
 * the same 1,000 send keys claimed by both at once are each sent once (counted at the stub), and status webhooks
 * delivered out of order, twice, and to the other instance end in the right final states, each routed once.
 */
class LedgerClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GraphApiStub graphApi;
    private static LedgerInstance a;
    private static LedgerInstance b;

    @BeforeAll
    static void start() throws Exception {
        graphApi = new GraphApiStub();
        graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],
                         "messages":[{"id":"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}"}]}""")));
        var database = LedgerDatabase.freshSchema();
        a = new LedgerInstance(database, graphApi);
        b = new LedgerInstance(database, graphApi);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        graphApi.close();
    }

    @Test
    void theSame1000KeysClaimedByBothInstancesAtOnceAreEachSentOnce() throws Exception {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> headers = Map.of(WhatsAppMarketingConstants.TO, "+49151" + (20_000_000 + i),
                    WhatsAppMarketingConstants.SEND_KEY, "cluster:" + i);
            sends.add(a.template.asyncSend("direct:send", exchange -> exchange.getMessage().setHeaders(new HashMap<>(headers))));
            sends.add(b.template.asyncSend("direct:send", exchange -> exchange.getMessage().setHeaders(new HashMap<>(headers))));
        }
        int duplicates = 0;
        for (CompletableFuture<Exchange> send : sends) {
            Exchange done = send.get(60, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
            duplicates += Boolean.TRUE.equals(done.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)) ? 1 : 0;
        }

        Map<String, Integer> requestsPerKey = new HashMap<>();
        for (LoggedRequest request : graphApi.marketingMessageRequests()) {
            String key = JSON.readTree(request.getBodyAsString()).path("biz_opaque_callback_data").asText();
            if (key.startsWith("cluster:")) {
                requestsPerKey.merge(key, 1, Integer::sum);
            }
        }
        assertThat(requestsPerKey.size()).as("keys sent").isEqualTo(1000);
        assertThat(requestsPerKey.values().stream().filter(count -> count != 1).count()).as("keys sent twice").isZero();
        assertThat(duplicates).isEqualTo(1000);
        a.ledger.flush().toCompletableFuture().get(10, TimeUnit.SECONDS);
        b.ledger.flush().toCompletableFuture().get(10, TimeUnit.SECONDS);
        CampaignReport report = a.ledger.campaignReport("cluster").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(report.count(FinalStatus.ACCEPTED)).isGreaterThanOrEqualTo(1000 - 3);
        assertThat(report.duplicatesSkipped()).isEqualTo(1000);
    }

    @Test
    void statusesOutOfOrderDuplicatedAndToTheOtherInstanceEndInTheRightStatesRoutedOnce() throws Exception {
        String read = sentMessageId("status:read");
        String failed = sentMessageId("status:failed");
        String delivered = sentMessageId("status:delivered");
        int routedBefore = a.routedStatuses.get() + b.routedStatuses.get();

        postStatus(a, WebhookPayloads.status(read, "read"));
        postStatus(b, WebhookPayloads.status(read, "delivered"));
        postStatus(a, WebhookPayloads.status(read, "sent"));
        postStatus(b, WebhookPayloads.status(read, "read"));
        postStatus(b, WebhookPayloads.status(failed, "failed"));
        postStatus(a, WebhookPayloads.status(failed, "delivered"));
        postStatus(a, WebhookPayloads.status(delivered, "delivered"));
        postStatus(b, WebhookPayloads.status(delivered, "delivered"));

        CampaignReport report = b.ledger.campaignReport("status").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(report.count(FinalStatus.READ)).isEqualTo(1);
        assertThat(report.count(FinalStatus.FAILED)).isEqualTo(1);
        assertThat(report.count(FinalStatus.DELIVERED)).isEqualTo(1);
        assertThat(a.routedStatuses.get() + b.routedStatuses.get() - routedBefore)
                .as("6 distinct statuses, 2 re-deliveries not routed").isEqualTo(6);
    }

    private static String sentMessageId(String key) {
        Exchange sent = a.template.send("direct:send", exchange -> {
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915130000" + Math.abs(key.hashCode() % 1000));
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.SEND_KEY, key);
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.CAMPAIGN, "status");
        });
        assertThat(sent.getException()).isNull();
        a.ledger.flush().toCompletableFuture().join();
        return sent.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID, String.class);
    }

    private static void postStatus(LedgerInstance instance, String status) {
        var response = instance.meta.postSigned(WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH,
                WebhookPayloads.statuses(status), LedgerInstance.APP_SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
