package io.github.cwmarketing.whatsapp.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.SendTimeline;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import io.github.cwmarketing.whatsapp.support.MutableClock;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large campaign in the JDBC ledger on PostgreSQL (rows bulk-inserted with generate_series, as the ledger's own
 * writes would leave them): the report aggregates in the database, its timeline stays at most 120 buckets, and its
 * page stays as small as a campaign of ten messages. 100,000 messages by default, so the suite stays fast (a million
 * take about 25 s to insert on two busy cores; {@code -Dreport.bulk.messages=1000000} runs them); the page of a
 * million-message report is checked directly in {@link CampaignReportPageTest} and in the browser.
 */
class BulkCampaignReportTest {

    private static final int MESSAGES = Integer.getInteger("report.bulk.messages", 100_000);

    /**
     * Message g: sent at 80 msg/s from 08:00; every 25th rejected with 131056 at send, the others accepted; of the
     * accepted, every 20th failed with 131026, every 10th delivered, the rest read; every 50th routed through the
     * Cloud API.
     */
    private static final String MESSAGES_SQL = """
            INSERT INTO whatsapp_message (send_key, message_id, campaign, phone_number_id, recipient, stage, attempts,
                duplicates, error_code, error_title, claimed_at, sent_at, updated_at)
            SELECT 'bulk:' || g, CASE WHEN g %% 25 <> 0 THEN 'wamid.' || g END, 'bulk', '106540352242922',
                '+49151' || lpad(g::text, 8, '0'), CASE WHEN g %% 25 = 0 THEN 3 ELSE 2 END, 1, CASE WHEN g %% 100 = 1
                THEN 1 ELSE 0 END, CASE WHEN g %% 25 = 0 THEN 131056 END, CASE WHEN g %% 25 = 0 THEN
                '(#131056) (Business Account, Consumer Account) pair rate limit hit' END,
                timestamptz '2026-10-01 08:00:00+00' + g * interval '12.5 milliseconds',
                timestamptz '2026-10-01 08:00:00+00' + g * interval '12.5 milliseconds', now()
            FROM generate_series(1, %d) g""";
    private static final String STATUSES_SQL = """
            INSERT INTO whatsapp_message_status (message_id, status, status_rank, routed_via, pricing_category,
                error_code, error_title, updated_at)
            SELECT 'wamid.' || g, CASE WHEN g %% 20 = 1 THEN 'failed' WHEN g %% 10 = 2 THEN 'delivered' ELSE 'read' END,
                CASE WHEN g %% 20 = 1 THEN 9 WHEN g %% 10 = 2 THEN 2 ELSE 3 END,
                CASE WHEN g %% 20 = 1 THEN NULL WHEN g %% 50 = 3 THEN 'CLOUD_API' ELSE 'MARKETING_MESSAGES_API' END,
                CASE WHEN g %% 20 = 1 THEN NULL ELSE 'marketing' END, CASE WHEN g %% 20 = 1 THEN 131026 END,
                CASE WHEN g %% 20 = 1 THEN 'Message undeliverable' END, now()
            FROM generate_series(1, %d) g WHERE g %% 25 <> 0""";

    @Test
    void aLargeCampaignAggregatesInTheDatabaseIntoASmallReportAndPage() throws Exception {
        DataSource dataSource = LedgerDatabase.freshSchema();
        JdbcMessageLedger ledger = new JdbcMessageLedger(dataSource);
        ledger.setClock(new MutableClock(Reports.START.plus(Duration.ofDays(1))));
        ledger.setOperationTimeout(Duration.ofSeconds(60));
        ServiceHelper.startService(ledger);
        try {
            try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
                statement.execute(MESSAGES_SQL.formatted(MESSAGES));
                statement.execute(STATUSES_SQL.formatted(MESSAGES));
            }

            CampaignReport report = ledger.campaignReport("bulk").toCompletableFuture().get(60, TimeUnit.SECONDS);

            long rejected = MESSAGES / 25;
            long accepted = MESSAGES - rejected;
            assertThat(report.messages()).isEqualTo(MESSAGES);
            assertThat(report.accepted()).isEqualTo(accepted);
            assertThat(report.count(FinalStatus.REJECTED)).isEqualTo(rejected);
            long failed = countOf(MESSAGES, g -> g % 25 != 0 && g % 20 == 1);
            long delivered = countOf(MESSAGES, g -> g % 25 != 0 && g % 20 != 1 && g % 10 == 2);
            assertThat(report.count(FinalStatus.FAILED)).isEqualTo(failed);
            assertThat(report.count(FinalStatus.DELIVERED)).isEqualTo(delivered);
            assertThat(report.count(FinalStatus.READ)).isEqualTo(accepted - failed - delivered);
            assertThat(report.byErrorCode()).containsEntry(131056, rejected).containsEntry(131026, failed);
            assertThat(report.errorTitles()).containsEntry(131056,
                    "(Business Account, Consumer Account) pair rate limit hit");
            assertThat(report.byRoutedVia()).containsEntry("CLOUD_API",
                    countOf(MESSAGES, g -> g % 25 != 0 && g % 20 != 1 && g % 50 == 3));
            assertThat(report.duplicatesSkipped()).isEqualTo(MESSAGES / 100);

            SendTimeline timeline = report.sendTimeline();
            assertThat(timeline.total()).isEqualTo(MESSAGES);
            assertThat(timeline.counts()).hasSizeLessThanOrEqualTo(SendTimeline.MAX_BUCKETS);
            assertThat(timeline.counts().size()).as("the smallest width that fits").isGreaterThan(SendTimeline.MAX_BUCKETS / 3);
            assertThat(timeline.peakPerSecond()).as("sent at 80 msg/s").isEqualTo(80.0);

            CampaignReportPage page = new CampaignReportPage(Clock.fixed(Reports.START, ZoneOffset.UTC));
            String html = page.render(report);
            assertThat(html).contains("<span class=\"value\">" + Html.count(MESSAGES) + "</span>", "pair rate limit hit");
            assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(CampaignReportPageTest.MAX_PAGE_BYTES);
        } finally {
            ServiceHelper.stopService(ledger);
        }
    }

    private static long countOf(int messages, java.util.function.IntPredicate predicate) {
        return java.util.stream.IntStream.rangeClosed(1, messages).filter(predicate).count();
    }
}
