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
 * The ledger's PostgreSQL stopped, then started again: a send fails typed with no request; a webhook POST gets a
 * non-2xx, and Meta's re-delivery once the database is back is routed and recorded once.
 */
class LedgerDatabaseDownTest {

    private static RestartablePostgres postgres;
    private static GraphApiStub graphApi;
    private static LedgerInstance instance;

    @BeforeAll
    static void start() throws Exception {
        postgres = new RestartablePostgres();
        try (Connection c = postgres.dataSource("public").getConnection()) {
            c.createStatement().execute("CREATE SCHEMA down");
        }
        graphApi = new GraphApiStub();
        graphApi.acceptAll();
        instance = new LedgerInstance(postgres.dataSource("down"), graphApi);
    }

    @AfterAll
    static void stop() {
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
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
    }
}
