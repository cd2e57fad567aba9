package io.github.cwmarketing.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.MessageStage;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.support.EmbeddedPostgres;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pacing=DATABASE} and a JDBC ledger on separate databases: when the pacing database cannot be reached, a
 * claimed send fails typed with no request (never unpaced), and the ledger records it as never sent, so the same send
 * key is sent once the pacing database answers again (not a duplicate, not an unknown outcome).
 */
class LedgerSharedPacingTest extends SendTestSupport {

    private static final String PACING_DATABASE = "ledger_shared_pacing";
    private static HikariDataSource pacingDb;
    private DataSource ledgerDb;
    private JdbcMessageLedger ledger;

    @BeforeAll
    static void database() {
        pacingDb = EmbeddedPostgres.pooledDatabase(PACING_DATABASE);
    }

    @AfterAll
    static void closeDatabase() {
        EmbeddedPostgres.allowConnections(PACING_DATABASE, true);
        pacingDb.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // the registry's only DataSource is the pacing's; the ledger has its own
        camelContext.getRegistry().bind("pacingDb", pacingDb);
        ledgerDb = LedgerDatabase.freshSchema();
        ledger = new JdbcMessageLedger(ledgerDb);
        camelContext.getRegistry().bind("ledger", ledger);
        WhatsAppMarketingComponent component = new WhatsAppMarketingComponent();
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                .withProperties(new HashMap<>(Map.of("pacing", "database"))).bind();
        camelContext.addComponent("whatsapp-marketing", component);
        return camelContext;
    }

    private Exchange sendKey(String key) {
        return send(sendUri("templateName=a&templateLanguage=en&messagesPerSecond=50"), null,
                Map.of(WhatsAppMarketingConstants.TO, "+4915130000001", WhatsAppMarketingConstants.SEND_KEY, key));
    }

    private MessageStage stage(String key) throws Exception {
        ledger.flush().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (Connection c = ledgerDb.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT stage FROM whatsapp_message WHERE send_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? MessageStage.ofCode(row.getInt(1)) : null;
            }
        }
    }

    @Test
    void aPacingDatabaseDownFailsAClaimedSendTypedAndItsKeyIsSentOnceItAnswers() throws Exception {
        graphApi.acceptAll();
        EmbeddedPostgres.allowConnections(PACING_DATABASE, false);
        try {
            Exchange refused = sendKey("shared:1");

            assertThat(refused.getException()).isInstanceOfSatisfying(WhatsAppMarketingPacingException.class,
                    failure -> assertThat(failure.getReason())
                            .isEqualTo(WhatsAppMarketingPacingException.Reason.STORE_UNAVAILABLE));
            assertThat(graphApi.totalRequestCount()).as("never an unpaced send").isZero();
            assertThat(stage("shared:1")).as("claimed, never handed over").isEqualTo(MessageStage.NOT_SENT);
        } finally {
            EmbeddedPostgres.allowConnections(PACING_DATABASE, true);
        }

        Exchange resumed = null;
        for (int i = 0; i < 50 && (resumed == null || resumed.getException() != null); i++) {
            resumed = sendKey("shared:1");
            if (resumed.getException() != null) {
                Thread.sleep(100);
            }
        }
        assertThat(resumed.getException()).as("paced again once the database answers (probed every second)").isNull();
        assertThat(resumed.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)).isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
        assertThat(stage("shared:1")).isEqualTo(MessageStage.ACCEPTED);
    }
}
