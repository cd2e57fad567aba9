package io.github.cwmarketing.whatsapp;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import io.github.cwmarketing.whatsapp.support.EmbeddedPostgres;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign killed in the middle: a child JVM ({@link LedgerCampaignProcess}) sends {@value #KEYS} keys through the
 * Graph API stub with a JDBC ledger on the embedded PostgreSQL and is killed with SIGKILL while the answers of some
 * requests are still pending; then the campaign is run again. Counted at the stub, each key was sent at most once over
 * both runs: the re-run skips what was accepted, reports what was handed over without an answer as unknown outcomes,
 * and sends what the dead run never handed over. Status webhooks carrying the send key as callback data then resolve
 * the unknown outcomes. The re-run's ledger clock runs an hour ahead, so the dead instance's 30 s lease counts as
 * expired without waiting for it.
 */
class LedgerKilledRunTest {

    private static final int KEYS = 300;
    /** The keys whose answers the stub holds back: whatever of them the child sent, it never learns the outcome of. */
    private static final String HELD_KEYS = ".*\"killed:2[0-9]\".*";
    private static final Pattern KEY_IN_BODY = Pattern.compile("\"biz_opaque_callback_data\":\"(killed:\\d+)\"");

    private enum Rerun { DUPLICATE, UNKNOWN, SENT }

    @Test
    void eachKeyIsSentAtMostOnceAndUnknownOutcomesAreResolvedByStatusWebhooks() throws Exception {
        String schema = LedgerDatabase.createSchema();
        String jdbcUrl = EmbeddedPostgres.server().getJdbcUrl("postgres", "postgres");
        try (GraphApiStub graphApi = new GraphApiStub()) {
            graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(uniqueAccepted()));
            graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).atPriority(1)
                    .withRequestBody(matching(HELD_KEYS)).willReturn(uniqueAccepted().withFixedDelay(120_000)));

            Map<String, Integer> sentByKilledRun = killWhileAnswersArePending(jdbcUrl, schema, graphApi);
            graphApi.reset();
            graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(uniqueAccepted()));

            try (LedgerInstance rerun = new LedgerInstance(LedgerDatabase.dataSource(jdbcUrl, schema),
                    graphApi.baseUri(), LedgerInstance.UNPACED, "",
                    ledger -> ledger.setClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))))) {
                Map<String, Rerun> outcomes = runAgain(rerun);
                Map<String, Integer> sentByRerun = sentPerKey(graphApi.marketingMessageRequests());

                Map<Rerun, Integer> counts = new EnumMap<>(Rerun.class);
                outcomes.forEach((key, outcome) -> {
                    counts.merge(outcome, 1, Integer::sum);
                    int before = sentByKilledRun.getOrDefault(key, 0);
                    int now = sentByRerun.getOrDefault(key, 0);
                    assertThat(before + now).as("requests for %s over both runs", key).isLessThanOrEqualTo(1);
                    switch (outcome) {
                        case DUPLICATE -> assertThat(before).as("%s accepted in the killed run", key).isEqualTo(1);
                        case SENT -> assertThat(now).as("%s never left the killed run", key).isEqualTo(1);
                        case UNKNOWN -> assertThat(now).as("%s not sent again", key).isZero();
                    }
                });
                assertThat(counts.getOrDefault(Rerun.UNKNOWN, 0)).as("the held answers: unknown outcomes")
                        .isPositive();

                CampaignReport report = report(rerun);
                assertThat(report.messages()).isEqualTo(KEYS);
                assertThat(report.unknownOutcomes()).isEqualTo(counts.get(Rerun.UNKNOWN).longValue());

                resolveWithStatusWebhooks(rerun, outcomes, sentByKilledRun, graphApi);
            }
        }
    }

    /** Starts the child, kills it (SIGKILL) once a request whose answer is held reached the stub; its sends per key. */
    private static Map<String, Integer> killWhileAnswersArePending(String jdbcUrl, String schema,
                                                                   GraphApiStub graphApi) throws Exception {
        File log = Path.of("target", "ledger-killed-run.log").toFile();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerCampaignProcess.class.getName(), jdbcUrl, schema,
                graphApi.baseUri(), Integer.toString(KEYS))
                .redirectErrorStream(true).redirectOutput(log).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (graphApi.marketingMessageRequests().stream().noneMatch(r -> r.getBodyAsString().matches(HELD_KEYS))) {
                assertThat(child.isAlive()).as("the child runs (see %s)", log).isTrue();
                assertThat(System.nanoTime()).as("a held request within 90 s (see %s)", log).isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        Map<String, Integer> sent = sentPerKey(graphApi.marketingMessageRequests());
        assertThat(sent.size()).as("the killed run sent some, not all").isPositive().isLessThan(KEYS);
        return sent;
    }

    private static Map<String, Rerun> runAgain(LedgerInstance rerun) {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            Map<String, Object> headers = headers(i);
            sends.add(rerun.template.asyncSend("direct:send", exchange -> exchange.getMessage().setHeaders(headers)));
        }
        Map<String, Rerun> outcomes = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            Exchange exchange = sends.get(i).join();
            Rerun outcome;
            if (exchange.getException() != null) {
                assertThat(exchange.getException()).isInstanceOf(WhatsAppMarketingUnknownOutcomeException.class);
                outcome = Rerun.UNKNOWN;
            } else {
                outcome = Boolean.TRUE.equals(exchange.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE))
                        ? Rerun.DUPLICATE : Rerun.SENT;
            }
            outcomes.put(LedgerCampaignProcess.key(i), outcome);
        }
        return outcomes;
    }

    /**
     * Meta's status webhooks for the messages of unknown outcome that reached it, carrying the send key as callback
     * data: they resolve the outcome, and a further run skips those keys as sent.
     */
    private static void resolveWithStatusWebhooks(LedgerInstance rerun, Map<String, Rerun> outcomes,
                                                  Map<String, Integer> sentByKilledRun, GraphApiStub graphApi)
            throws Exception {
        List<String> statuses = new ArrayList<>();
        List<Integer> resolved = new ArrayList<>();
        int unresolvable = 0;
        for (int i = 0; i < KEYS; i++) {
            String key = LedgerCampaignProcess.key(i);
            if (outcomes.get(key) == Rerun.UNKNOWN) {
                if (sentByKilledRun.containsKey(key)) {
                    resolved.add(i);
                    statuses.add(sentStatus(i));
                } else {
                    unresolvable++; // handed over, killed before the request reached Meta: no status will come
                }
            }
        }
        assertThat(resolved).isNotEmpty();
        assertThat(rerun.meta.postSigned(WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH,
                WebhookPayloads.statuses(statuses.toArray(String[]::new)), LedgerInstance.APP_SECRET).statusCode())
                .isEqualTo(200);

        assertThat(report(rerun).unknownOutcomes()).isEqualTo((long) unresolvable);
        int requests = graphApi.marketingMessageRequests().size();
        for (int i : resolved) {
            Exchange again = rerun.template.send("direct:send", exchange -> exchange.getMessage()
                    .setHeaders(headers(i)));
            assertThat(again.getException()).isNull();
            assertThat(again.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)).isEqualTo(true);
            assertThat(again.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                    .isEqualTo("wamid.RESOLVED" + i);
        }
        assertThat(graphApi.marketingMessageRequests()).hasSize(requests);
    }

    private static String sentStatus(int i) {
        return "{\"id\":\"wamid.RESOLVED" + i + "\",\"status\":\"sent\",\"timestamp\":\"1750030073\","
               + "\"recipient_id\":\"" + LedgerCampaignProcess.recipient(i).substring(1) + "\","
               + "\"biz_opaque_callback_data\":\"" + LedgerCampaignProcess.key(i) + "\"}";
    }

    private static CampaignReport report(LedgerInstance instance) throws Exception {
        return instance.ledger.flush().thenCompose(done -> instance.ledger.campaignReport("cluster"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, Object> headers(int i) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(WhatsAppMarketingConstants.TO, LedgerCampaignProcess.recipient(i));
        headers.put(WhatsAppMarketingConstants.SEND_KEY, LedgerCampaignProcess.key(i));
        return headers;
    }

    private static Map<String, Integer> sentPerKey(List<LoggedRequest> requests) {
        Map<String, Integer> sent = new HashMap<>();
        for (LoggedRequest request : requests) {
            Matcher key = KEY_IN_BODY.matcher(request.getBodyAsString());
            assertThat(key.find()).as("every request carries its send key").isTrue();
            sent.merge(key.group(1), 1, Integer::sum);
        }
        return sent;
    }

    private static ResponseDefinitionBuilder uniqueAccepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],
                         "messages":[{"id":"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}","message_status":"accepted"}]}""");
    }
}
