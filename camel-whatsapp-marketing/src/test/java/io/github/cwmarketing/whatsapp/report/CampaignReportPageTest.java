package io.github.cwmarketing.whatsapp.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;
import io.github.cwmarketing.whatsapp.ledger.SendTimeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page as HTML text: the figures of a million-message campaign on a page of bounded size, every text escaped,
 * groups capped however many distinct values a report holds, a campaign that sent nothing, the file written. The
 * browser's view of the same page is {@link CampaignReportPageBrowserTest}.
 */
class CampaignReportPageTest {

    /**
     * The page of any report stays below this, whatever its message count, its number of distinct values or the
     * length and characters of its texts (each non-ASCII character takes up to 9 bytes as a character reference).
     */
    static final int MAX_PAGE_BYTES = 256 * 1024;

    private final CampaignReportPage page = new CampaignReportPage(Clock.fixed(Reports.START.plusSeconds(20_000),
            ZoneOffset.UTC));

    @Test
    void aMillionMessagesAreAggregatesOnASmallPage() {
        String html = page.render(Reports.million("autumn-2026", "Ecosystem engagement"));

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).as("about 30 KB").isLessThan(40 * 1024);
        assertThat(html).contains("<span class=\"value\">1,000,000</span>", "<span class=\"value\">940,000</span>",
                "data-stage=\"accepted\" data-count=\"940000\"", "data-stage=\"sent\" data-count=\"875000\"",
                "data-stage=\"delivered\" data-count=\"855000\"", "data-stage=\"read\" data-count=\"705000\"",
                "data-route=\"MARKETING_MESSAGES_API\" data-count=\"900000\"", "Ecosystem engagement",
                "Pair rate limit hit", "this recipient", "(no title reported)", "one column per 2 min");
        assertThat(count(html, "<rect class=\"bar\" data-bucket=")).isEqualTo(103);
        assertThat(html).as("nothing loaded from anywhere").doesNotContain("<script", "<link", "src=", "url(",
                "@import", "http://", "https://").contains("default-src 'none'");
    }

    @Test
    void everyTextOfTheReportIsEscaped() {
        String campaign = "\"><script>alert(1)</script>";
        String title = "<img src=x onerror=alert(2)> & 'quotes'";
        CampaignReport hostile = new CampaignReport(campaign, 2, statuses(FinalStatus.DELIVERED, 1,
                FinalStatus.FAILED, 1), Map.of("CLOUD_API\"><svg onload=alert(3)>", 2L), Map.of(131026, 1L),
                Map.of("<b>marketing</b>", 2L), 0, Reports.START, Reports.START, Map.of(131026, title),
                SendTimeline.NONE);

        String html = page.render(hostile);

        assertThat(html).doesNotContain("<script", "<img", "<svg onload", "<b>", "alert(1)</script>")
                .contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
                        "&lt;img src=x onerror=alert(2)&gt; &amp; &#39;quotes&#39;",
                        "data-route=\"CLOUD_API&quot;&gt;&lt;svg onload=alert(3)&gt;\"", "&lt;b&gt;marketing&lt;/b&gt;");
    }

    @Test
    void thousandsOfDistinctValuesAreCappedToABoundedPage() {
        Map<Integer, Long> errors = new TreeMap<>();
        Map<Integer, String> titles = new TreeMap<>();
        Map<String, Long> routes = new TreeMap<>();
        String longest = "\uD83D\uDE00".repeat(10_000);
        for (int i = 0; i < 5_000; i++) {
            errors.put(100_000 + i, 1L + i);
            titles.put(100_000 + i, longest);
            routes.put(i + longest, 1L);
        }
        CampaignReport huge = new CampaignReport(longest, Long.MAX_VALUE / 4,
                statuses(FinalStatus.FAILED, Long.MAX_VALUE / 4), routes, errors, routes, Long.MAX_VALUE / 4,
                Reports.START, Reports.START.plus(Duration.ofDays(3_000)), titles,
                new SendTimeline(Reports.START, Duration.ofDays(25), Reports.rampedCounts(Long.MAX_VALUE / 4, 120, 1)));

        String html = page.render(huge);

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_PAGE_BYTES);
        assertThat(count(html, "<tr data-code=")).isEqualTo(CampaignReportPage.MAX_ERROR_ROWS);
        assertThat(html).contains("4,980 other codes", "4,990 other routes", "4,990 other categories")
                .contains("data-code=\"104999\"").doesNotContain("data-code=\"100000\"");
        assertThat(count(html, "<rect class=\"bar\" data-bucket=")).isEqualTo(120);
    }

    @Test
    void aCampaignThatSentNothingStillRenders() {
        CampaignReport empty = new CampaignReport(null, 0, statuses(), Map.of(), Map.of(), Map.of(), 0, null, null,
                null, null);

        String html = page.render(empty);

        assertThat(html).contains("(no campaign id)", "Nothing was sent.", "No errors.",
                "data-stage=\"read\" data-count=\"0\"").doesNotContain("NaN", "Infinity");
    }

    @Test
    void theFileIsWrittenInUtf8WithItsDirectory(@TempDir Path dir) throws Exception {
        Path written = page.write(Reports.million("herbst-\u00e4\u00f6\u00fc", "Ecosystem"),
                dir.resolve("reports/autumn.html"));

        assertThat(written).isAbsolute().exists();
        String html = Files.readString(written, StandardCharsets.UTF_8);
        assertThat(html).contains("herbst-&#xe4;&#xf6;&#xfc;", "<meta charset=\"utf-8\">");
        assertThat(html.chars()).as("ASCII only, whichever charset writes it").allMatch(c -> c >= ' ' && c <= '~' || c == '\n');
    }

    static Map<FinalStatus, Long> statuses(Object... statusAndCount) {
        Map<FinalStatus, Long> statuses = new EnumMap<>(FinalStatus.class);
        for (FinalStatus status : FinalStatus.values()) {
            statuses.put(status, 0L);
        }
        for (int i = 0; i < statusAndCount.length; i += 2) {
            statuses.put((FinalStatus) statusAndCount[i], ((Number) statusAndCount[i + 1]).longValue());
        }
        return statuses;
    }

    static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
