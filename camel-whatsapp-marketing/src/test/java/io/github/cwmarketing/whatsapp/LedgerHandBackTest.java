package io.github.cwmarketing.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a send waits for the retry of an attempt Meta provably refused (130429), the JDBC ledger holds it as claimed,
 * not handed over: an instance dying then leaves it to be sent again, not an unknown outcome. The retry is handed
 * over again before it leaves. An attempt that may have been accepted (a 5xx retried on request) stays handed over.
 */
class LedgerHandBackTest extends SendTestSupport {

    private static final String KEY = "autumn-2026:+4915112345678";
    private static final int CLAIMED = 0;
    private static final int HANDED_OVER = 1;
    private static final int ACCEPTED = 2;

    private DataSource database;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        database = LedgerDatabase.freshSchema();
        context.getRegistry().bind("ledger", new JdbcMessageLedger(database));
        return context;
    }

    private void failOnceThenAccept(ResponseDefinitionBuilder failure) {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("once")
                .whenScenarioStateIs(STARTED).willReturn(failure).willSetStateTo("failed"));
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("once")
                .whenScenarioStateIs("failed").willReturn(GraphApiStub.accepted("wamid.RETRIED", "4915112345678")));
    }

    /** Sends with a retry delay long enough to look at the row in between; returns the stage seen meanwhile. */
    private int stageWhileTheRetryWaits(String options) throws Exception {
        String uri = sendUriWith("templateName=autumn_offer&templateLanguage=en&messagesPerSecond=0&campaign=autumn"
                                 + "&retryDelay=1500ms&retryMaxDelay=3s" + options);
        CompletableFuture<Exchange> sending = template.asyncSend(uri, exchange -> exchange.getMessage().setHeaders(
                new HashMap<>(Map.of(WhatsAppMarketingConstants.TO, "+4915112345678",
                        WhatsAppMarketingConstants.SEND_KEY, KEY))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (graphApi.marketingMessageRequests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(graphApi.marketingMessageRequests()).as("the first attempt").hasSize(1);
        Thread.sleep(500); // the hand-back is written on the ledger's thread; the retry waits 1.5 s
        int meanwhile = stage();
        assertThat(graphApi.marketingMessageRequests()).as("the retry still waits").hasSize(1);

        Exchange result = sending.get(15, TimeUnit.SECONDS);
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.RETRIED");
        assertThat(graphApi.marketingMessageRequests()).hasSize(2);
        return meanwhile;
    }

    @Test
    void aSendRefusedWith130429IsHeldAsClaimedWhileItsRetryWaitsThenHandedOverAgain() throws Exception {
        failOnceThenAccept(GraphApiStub.graphError(429, 130429, "(#130429) Rate limit hit", "throughput"));

        assertThat(stageWhileTheRetryWaits("")).as("refused by Meta: not handed over while the retry waits")
                .isEqualTo(CLAIMED);
        awaitStage(ACCEPTED);
    }

    @Test
    void aSendRefusedWithThePairRateLimitIsHandedBackToo() throws Exception {
        failOnceThenAccept(GraphApiStub.graphError(400, 131056, "(#131056) (Business Account, Consumer Account) pair"
                                                                + " rate limit hit", "pair rate limit"));

        assertThat(stageWhileTheRetryWaits("")).isEqualTo(CLAIMED);
        awaitStage(ACCEPTED);
    }

    @Test
    void aSendRetriedAfterAServerErrorStaysHandedOverWhileItsRetryWaits() throws Exception {
        failOnceThenAccept(GraphApiStub.graphError(500, 2, "Service temporarily unavailable", "temporary"));

        assertThat(stageWhileTheRetryWaits("&retryOnServerError=true"))
                .as("a 5xx does not prove that Meta did not accept it").isEqualTo(HANDED_OVER);
        awaitStage(ACCEPTED);
    }

    private void awaitStage(int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stage() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stage()).isEqualTo(expected);
    }

    private int stage() throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT stage FROM whatsapp_message WHERE send_key = ?")) {
            query.setString(1, KEY);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : -1;
            }
        }
    }
}
