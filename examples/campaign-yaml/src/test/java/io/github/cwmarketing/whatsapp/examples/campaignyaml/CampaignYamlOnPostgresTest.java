package io.github.cwmarketing.whatsapp.examples.campaignyaml;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.cwmarketing.whatsapp.examples.campaignyaml.ReportLines.reportLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The example's postgres profile on a real PostgreSQL 17, given only its JDBC URL and user as properties (as
 * -Dcamel.main.profile=postgres -Dcampaign.jdbc-url=... would): the ledger's rows, one per recipient with its final
 * status, the shared pacing's bucket of the number; then the same campaign run again (a new Camel Main and a new
 * sandbox, as a second run has) sends nothing: every recipient is a duplicate skipped.
 */
class CampaignYamlOnPostgresTest {

    private static final String PHONE_NUMBER_ID = "100000000000001";

    private static EmbeddedPostgres postgres;

    @TempDir
    Path folder;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theLedgerKeepsEveryRecipientOnceAndARerunSendsNobodyAgain() throws Exception {
        ExampleRun first = runOnPostgres(folder.resolve("first"));
        first.awaitStatuses(26);
        first.awaitEnd();

        assertThat(first.sandbox().sentMessages()).as("the ten valid rows").hasSize(10);
        assertThat(ledgerRows()).as("one row per recipient, the send key's, with its final status")
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("autumn-2026:+4915112345671", "read"),
                        entry("autumn-2026:+4915112345672", "read"),
                        entry("autumn-2026:+4915112345673", "read"),
                        entry("autumn-2026:+4915112345674", "read"),
                        entry("autumn-2026:+4915112345675", "read"),
                        entry("autumn-2026:+4915112345676", "read"),
                        entry("autumn-2026:+4915112345677", "read"),
                        entry("autumn-2026:+4915112345678", "delivered"),
                        entry("autumn-2026:+4915112345679", "failed 131049"),
                        entry("autumn-2026:+4915112345670", "failed 131026")));
        assertThat(query("SELECT recipient || ' ' || reason FROM whatsapp_suppression"))
                .as("131049 parks the recipient").containsExactly("+4915112345679 PARKED");
        assertThat(query("SELECT id FROM whatsapp_marketing_pacing"))
                .as("the number's token bucket, shared by every instance").containsExactly(PHONE_NUMBER_ID);
        assertThat(first.report()).containsPattern(reportLine("Messages", 10))
                .containsPattern(reportLine("Accepted by the API", 10))
                .containsPattern(reportLine("read", 7))
                .containsPattern(reportLine("failed", 2))
                .containsPattern(reportLine("Duplicates skipped", 0));

        ExampleRun second = runOnPostgres(folder.resolve("second"));
        List<?> statusesOfTheRerun = second.awaitEnd();

        assertThat(second.sandbox().sentMessages()).as("nobody gets a second message").isEmpty();
        assertThat(statusesOfTheRerun).isEmpty();
        assertThat(query("SELECT send_key || ' ' || duplicates FROM whatsapp_message"))
                .as("still one row per recipient, each skipped once").hasSize(10)
                .allSatisfy(row -> assertThat(row).endsWith(" 1"));
        assertThat(second.report()).as("the report of the same campaign, kept in the database")
                .containsPattern(reportLine("Messages", 10))
                .containsPattern(reportLine("Accepted by the API", 10))
                .containsPattern(reportLine("read", 7))
                .containsPattern(reportLine("Duplicates skipped", 10));
    }

    /** The example with the postgres profile, the database given as properties only. */
    private static ExampleRun runOnPostgres(Path output) {
        return ExampleRun.start(output, "postgres", Map.of(
                "campaign.jdbc-url", postgres.getJdbcUrl("postgres", "postgres"),
                "campaign.jdbc-username", "postgres"));
    }

    /** Each ledger row of the campaign: its send key, and the final status of its message (with the error code). */
    private static Map<String, String> ledgerRows() throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     SELECT m.send_key, s.status, s.error_code FROM whatsapp_message m
                     LEFT JOIN whatsapp_message_status s ON s.message_id = m.message_id
                     WHERE m.campaign = 'autumn-2026'""")) {
            while (result.next()) {
                int errorCode = result.getInt(3);
                String error = result.wasNull() ? "" : " " + errorCode;
                rows.put(result.getString(1), result.getString(2) + error);
            }
        }
        return rows;
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
