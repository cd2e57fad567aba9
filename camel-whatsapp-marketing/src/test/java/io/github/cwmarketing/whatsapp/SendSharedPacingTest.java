package io.github.cwmarketing.whatsapp;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pacing=DATABASE} set as a property (as Camel Main and Spring Boot bind it), with the registry's only
 * DataSource: sends are paced through the table; a database that cannot be reached fails the exchange typed before
 * any request, and sending resumes once it answers.
 */
class SendSharedPacingTest extends SendTestSupport {

    private static final String DATABASE = "send_shared_pacing";
    private static HikariDataSource dataSource;
    private final List<SendResult> results = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void database() {
        dataSource = EmbeddedPostgres.pooledDatabase(DATABASE);
    }

    @AfterAll
    static void closeDatabase() {
        EmbeddedPostgres.allowConnections(DATABASE, true);
        dataSource.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.getRegistry().bind("pacingDb", dataSource);
        camelContext.getRegistry().bind("results", new WhatsAppMarketingListener() {
            @Override
            public void onSendCompleted(SendResult result) {
                results.add(result);
            }
        });
        WhatsAppMarketingComponent component = new WhatsAppMarketingComponent();
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                .withProperties(new java.util.HashMap<>(Map.of("pacing", "database"))).bind();
        camelContext.addComponent("whatsapp-marketing", component);
        return camelContext;
    }

    private int recipient;

    private Exchange sendFrom(String phoneNumberId) {
        return send(sendUri("templateName=a&templateLanguage=en&messagesPerSecond=50"), List.of(),
                Map.of(WhatsAppMarketingConstants.TO, "+49151123456" + (10 + recipient++),
                        WhatsAppMarketingConstants.PHONE_NUMBER_ID, phoneNumberId));
    }

    @Test
    void sendsArePacedThroughTheTableOfTheRegistrysDataSource() throws Exception {
        graphApi.acceptAll();

        for (int i = 0; i < 3; i++) {
            assertThat(sendFrom("106540352242001").getException()).isNull();
        }

        assertThat(graphApi.marketingMessageRequests()).hasSize(3);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT count(*) FROM whatsapp_marketing_pacing WHERE id = '106540352242001'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsTheSendTypedBeforeAnyRequestThenSendingResumes() throws Exception {
        graphApi.acceptAll();
        EmbeddedPostgres.allowConnections(DATABASE, false);
        try {
            Exchange refused = sendFrom("106540352242002");

            assertThat(refused.getException()).isInstanceOf(WhatsAppMarketingPacingException.class);
            assertThat(((WhatsAppMarketingPacingException) refused.getException()).getReason())
                    .isEqualTo(WhatsAppMarketingPacingException.Reason.STORE_UNAVAILABLE);
            assertThat(refused.getException().getMessage()).contains("106540352242002").contains("not sent");
            assertThat(graphApi.totalRequestCount()).as("never an unpaced send").isZero();
            assertThat(results).extracting(SendResult::outcome).containsExactly(SendOutcome.NOT_SENT);
        } finally {
            EmbeddedPostgres.allowConnections(DATABASE, true);
        }

        Exchange resumed = null;
        for (int i = 0; i < 50 && (resumed == null || resumed.getException() != null); i++) {
            resumed = sendFrom("106540352242002");
            if (resumed.getException() != null) {
                Thread.sleep(100);
            }
        }
        assertThat(resumed.getException()).as("paced again once the database answers (probed every second)").isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
    }
}
