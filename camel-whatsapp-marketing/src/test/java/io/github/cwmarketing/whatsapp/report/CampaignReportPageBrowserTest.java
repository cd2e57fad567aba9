package io.github.cwmarketing.whatsapp.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;
import io.github.cwmarketing.whatsapp.ledger.SendTimeline;
import io.github.cwmarketing.whatsapp.support.DevToolsPage;
import io.github.cwmarketing.whatsapp.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report page in a real headless Chromium, through the DevTools protocol: the numbers a reader sees, the charts'
 * geometry as laid out (bars as long as their counts, one column per timeline bucket), no request but the page
 * itself, no script however hostile the report's texts; a full-page screenshot is kept as
 * {@code target/campaign-report-browser/campaign-report.png}. Without chromium the test fails in CI and is skipped
 * elsewhere ({@link HeadlessChromium#startOrSkip}).
 */
class CampaignReportPageBrowserTest {

    static final Path ARTIFACTS = Path.of("target/campaign-report-browser");

    private static final String READ_PAGE = """
            (() => {
              const all = (selector) => [...document.querySelectorAll(selector)];
              const width = (element) => element.getBoundingClientRect().width;
              return {
                title: document.title,
                campaign: document.querySelector('#campaign').textContent,
                figures: Object.fromEntries(all('.tile').map(t => [t.dataset.figure, t.querySelector('.value').textContent])),
                funnel: all('#funnel-chart g.stage').map(g => ({stage: g.dataset.stage,
                    text: g.querySelector('text.value').textContent, width: width(g.querySelector('rect'))})),
                funnelSpace: width(document.querySelector('#funnel-chart')),
                bars: all('#sends-chart rect.bar').map(r => ({count: Number(r.dataset.count),
                    height: r.getBoundingClientRect().height})),
                peak: document.querySelector('#peak-rate') && document.querySelector('#peak-rate').textContent,
                routes: all('#route-chart rect.segment').map(r => ({route: r.dataset.route, width: width(r)})),
                routeSpace: width(document.querySelector('#route-chart')),
                errors: all('#errors tr[data-code]').map(r => [...r.cells].map(c => c.textContent)),
                statuses: Object.fromEntries(all('#statuses tr[data-status]').map(r => [r.dataset.status, r.cells[2].textContent])),
                scripts: document.scripts.length,
                images: document.images.length,
                elementsWithHandlers: all('*').filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
                horizontalOverflow: document.documentElement.scrollWidth > window.innerWidth,
                pwned: typeof window.pwned !== 'undefined'
              };
            })()""";

    private static HeadlessChromium chromium;
    private static DevToolsPage page;
    private final CampaignReportPage renderer = new CampaignReportPage(Clock.fixed(Reports.START.plusSeconds(20_000),
            ZoneOffset.UTC));

    @BeforeAll
    static void openBrowser() throws Exception {
        chromium = HeadlessChromium.startOrSkip();
        page = chromium.page();
    }

    @AfterAll
    static void closeBrowser() {
        if (page != null) {
            page.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theBrowserShowsTheFiguresAndDrawsTheChartsOfAMillionMessages() throws Exception {
        Path file = renderer.write(Reports.million("autumn-2026", "This message was not delivered to maintain"
                                                                  + " healthy ecosystem engagement."),
                ARTIFACTS.resolve("campaign-report.html"));

        JsonNode shown = open(file);

        assertThat(shown.path("title").asText()).isEqualTo("Campaign autumn-2026 \u00b7 WhatsApp marketing report");
        assertThat(shown.path("figures").path("messages").asText()).isEqualTo("1,000,000");
        assertThat(shown.path("figures").path("accepted").asText()).isEqualTo("940,000");
        assertThat(shown.path("figures").path("read").asText()).isEqualTo("705,000");
        assertThat(shown.path("figures").path("duplicates").asText()).isEqualTo("12,345");
        assertThat(texts(shown.path("funnel"), "text")).containsExactly("940,000 \u00b7 100.0%",
                "875,000 \u00b7 93.1%", "855,000 \u00b7 91.0%", "705,000 \u00b7 75.0%");
        assertBarsProportional(shown.path("funnel"), new long[] { 940_000, 875_000, 855_000, 705_000 });
        assertThat(shown.path("funnel").get(0).path("width").asDouble())
                .as("the accepted bar spans most of the chart").isGreaterThan(0.5 * shown.path("funnelSpace").asDouble());

        JsonNode bars = shown.path("bars");
        assertThat(bars).hasSize(103);
        double tallest = 0;
        long peak = 0;
        for (JsonNode bar : bars) {
            tallest = Math.max(tallest, bar.path("height").asDouble());
            peak = Math.max(peak, bar.path("count").asLong());
        }
        for (JsonNode bar : bars) {
            assertThat(bar.path("height").asDouble()).as("column height follows its count")
                    .isCloseTo(tallest * bar.path("count").asLong() / peak, within(0.5));
        }
        assertThat(bars.get(0).path("height").asDouble()).as("the ramp-up").isLessThan(tallest / 5);
        assertThat(shown.path("peak").asText()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f",
                Reports.million("x", "x").sendTimeline().peakPerSecond()));

        assertThat(texts(shown.path("routes"), "route")).containsExactly("MARKETING_MESSAGES_API", "CLOUD_API",
                "unknown");
        double routeSpace = shown.path("routeSpace").asDouble();
        assertThat(shown.path("routes").get(0).path("width").asDouble())
                .isCloseTo(routeSpace * 900_000 / 940_000, within(1.0));
        assertThat(shown.path("routes").get(1).path("width").asDouble())
                .isCloseTo(routeSpace * 30_000 / 940_000, within(1.0));

        assertThat(shown.path("errors")).hasSize(5);
        assertThat(shown.path("errors").get(0).get(0).asText()).isEqualTo("131049");
        assertThat(shown.path("errors").get(0).get(1).asText()).contains("healthy ecosystem engagement");
        assertThat(shown.path("errors").get(0).get(2).asText()).isEqualTo("this recipient");
        assertThat(shown.path("errors").get(0).get(3).asText()).isEqualTo("30,000");
        assertThat(shown.path("errors").get(3).get(0).asText()).isEqualTo("130472");
        assertThat(shown.path("errors").get(3).get(1).asText()).isEqualTo("(no title reported)");
        assertThat(shown.path("statuses").path(FinalStatus.REJECTED.name()).asText()).isEqualTo("40,000");

        assertThat(shown.path("horizontalOverflow").asBoolean()).as("fits a 1280 px window").isFalse();
        assertThat(shown.path("scripts").asInt()).isZero();
        assertThat(page.requestedUrls()).as("the page loads nothing but itself").containsOnly(file.toUri().toString());

        byte[] png = page.screenshot();
        Files.write(ARTIFACTS.resolve("campaign-report.png"), png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a full page, not a blank one").isGreaterThan(50_000);
    }

    @Test
    void hostileTextsStayTextInTheBrowser() throws Exception {
        String campaign = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
        CampaignReport hostile = new CampaignReport(campaign, 1, CampaignReportPageTest.statuses(
                FinalStatus.FAILED, 1), Map.of("<svg onload=\"window.pwned=3\">", 1L), Map.of(131026, 1L),
                Map.of("<iframe src=\"https://example.com\"></iframe>", 1L), 0, Reports.START, Reports.START,
                Map.of(131026, "</td></tr></table><script>window.pwned=4</script>"), new SendTimeline(Reports.START,
                java.time.Duration.ofMillis(100), List.of(1L)));
        Path file = renderer.write(hostile, ARTIFACTS.resolve("hostile.html"));

        JsonNode shown = open(file);

        assertThat(shown.path("campaign").asText()).isEqualTo(campaign);
        assertThat(shown.path("errors").get(0).get(1).asText()).isEqualTo("</td></tr></table><script>window.pwned=4</script>");
        assertThat(shown.path("scripts").asInt()).isZero();
        assertThat(shown.path("images").asInt()).isZero();
        assertThat(shown.path("elementsWithHandlers").asInt()).isZero();
        assertThat(shown.path("pwned").asBoolean()).isFalse();
        assertThat(page.requestedUrls()).containsOnly(file.toUri().toString());
    }

    private static JsonNode open(Path file) throws Exception {
        page.navigate(file.toUri());
        List<String> requests = page.requestedUrls();
        assertThat(requests).isNotEmpty();
        return page.evaluate(READ_PAGE);
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    private static void assertBarsProportional(JsonNode funnel, long[] counts) {
        double unit = funnel.get(0).path("width").asDouble() / counts[0];
        for (int i = 0; i < counts.length; i++) {
            assertThat(funnel.get(i).path("width").asDouble()).as(funnel.get(i).path("stage").asText())
                    .isCloseTo(unit * counts[i], within(1.0));
        }
    }
}
