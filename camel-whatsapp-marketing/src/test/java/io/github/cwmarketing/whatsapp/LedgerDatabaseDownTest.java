package io.github.cwmarketing.whatsapp;

import java.sql.Connection;
import java.util.Map;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.RestartablePostgres;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's PostgreSQL stopped, then started again: a send fails typed with no request, paced or not (a paced one
 * before it takes a pacing slot or keeps room in the pending queue); a webhook POST gets a non-2xx, and Meta's
 * re-delivery once the database is back is routed and recorded once.
 */
class LedgerDatabaseDownTest {

    private static RestartablePostgres postgres;
    private static GraphApiStub graphApi;
    private static LedgerInstance instance;
    /** A second instance on the same ledger whose sends are paced: the claim comes before the pacing queue. */
    private static LedgerInstance paced;

    @BeforeAll
    static void start() throws Exception {
        postgres = new RestartablePostgres();
        try (Connection c = postgres.dataSource("public").getConnection()) {
            c.createStatement().execute("CREATE SCHEMA down");
        }
        graphApi = new GraphApiStub();
        graphApi.acceptAll();
        instance = new LedgerInstance(postgres.dataSource("down"), graphApi);
        paced = new LedgerInstance(postgres.dataSource("down"), graphApi.baseUri(),
                "&messagesPerSecond=20&maxPendingSends=2", "", ledger -> {
                });
    }

    @AfterAll
    static void stop() {
        paced.close();
        instance.close();
        graphApi.close();
        postgres.close();
    }

    @Test
    void aSendFailsTypedWithoutARequestAndAWebhookIsRedeliveredUntilRecordedOnce() {
        postgres.stop();
        try {
            Exchange send = instance.template.send("direct:send", exchange -> exchange.getMessage().setHeaders(
                    new java.util.HashMap<>(Map.of(WhatsAppMarketingConstants.TO, "+4915140000001",
                            WhatsAppMarketingConstants.SEND_KEY, "down:1"))));
            assertThat(send.getException()).isInstanceOf(WhatsAppMarketingLedgerException.class)
                    .hasMessageContaining("unavailable");
            for (int i = 0; i < 3; i++) {
                String key = "down:paced" + i;
                Exchange pacedSend = paced.template.send("direct:send", exchange -> exchange.getMessage().setHeaders(
                        new java.util.HashMap<>(Map.of(WhatsAppMarketingConstants.TO, "+4915140000002",
                                WhatsAppMarketingConstants.SEND_KEY, key))));
                assertThat(pacedSend.getException()).as("more refusals than maxPendingSends: each gave its room back")
                        .isInstanceOf(WhatsAppMarketingLedgerException.class);
            }
            assertThat(graphApi.totalRequestCount()).as("no request").isZero();

            byte[] status = WebhookPayloads.statuses(WebhookPayloads.status("wamid.DOWN", "delivered"));
            assertThat(instance.meta.postSigned(WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH, status,
                    LedgerInstance.APP_SECRET).statusCode()).isEqualTo(500);
            assertThat(instance.routedStatuses.get()).isZero();
        } finally {
            postgres.start();
        }

        byte[] status = WebhookPayloads.statuses(WebhookPayloads.status("wamid.DOWN", "delivered"));
        assertThat(instance.meta.postSigned(WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH, status,
                LedgerInstance.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(instance.meta.postSigned(WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH, status,
                LedgerInstance.APP_SECRET).statusCode()).isEqualTo(200);
        assertThat(instance.routedStatuses.get()).as("recorded once").isEqualTo(1);

        Exchange send = instance.template.send("direct:send", exchange -> exchange.getMessage().setHeaders(
                new java.util.HashMap<>(Map.of(WhatsAppMarketingConstants.TO, "+4915140000001",
                        WhatsAppMarketingConstants.SEND_KEY, "down:1"))));
        assertThat(send.getException()).isNull();
        Exchange pacedSend = paced.template.send("direct:send", exchange -> exchange.getMessage().setHeaders(
                new java.util.HashMap<>(Map.of(WhatsAppMarketingConstants.TO, "+4915140000002",
                        WhatsAppMarketingConstants.SEND_KEY, "down:paced0"))));
        assertThat(pacedSend.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(2);
    }
}
