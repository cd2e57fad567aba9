package io.github.cwmarketing.whatsapp.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;
import io.github.cwmarketing.whatsapp.ledger.SendTimeline;
import io.github.cwmarketing.whatsapp.model.MetaErrorCodes;
import io.github.cwmarketing.whatsapp.model.RetryClass;

import static io.github.cwmarketing.whatsapp.report.Html.count;
import static io.github.cwmarketing.whatsapp.report.Html.percent;
import static io.github.cwmarketing.whatsapp.report.Html.text;

/**
 * A {@link CampaignReport} as one self-contained HTML page: key figures, the funnel accepted &rarr; sent &rarr;
 * delivered &rarr; read, where every message stands, the MM API / Cloud API split, failures by error code with
 * Meta's titles, pricing categories and the messages per second over time. Charts are inline SVG; the page loads
 * nothing (no script, font, style sheet or image from anywhere, and a Content-Security-Policy that forbids it), so it
 * opens offline, from a file or an e-mail attachment.
 * <p>
 * Every text of the report (campaign id, routes, categories, error titles) is escaped and clipped; tables show at most
 * {@value #MAX_ERROR_ROWS} error codes and {@value #MAX_GROUP_ROWS} routes or categories (the rest summed up as
 * others) and the chart at most {@value SendTimeline#MAX_BUCKETS} columns, so the page stays a few dozen kilobytes
 * for a campaign of any size. Thread-safe; in a route: {@code .bean(CampaignReportPage.class, "render")} after
 * {@code getCampaignReport}.
 */
public class CampaignReportPage {

    /** The most error codes the failures table lists (the others share one row). */
    public static final int MAX_ERROR_ROWS = 20;
    /** The most routes or pricing categories a table lists (the others share one row). */
    public static final int MAX_GROUP_ROWS = 10;

    private static final Map<String, String> ROUTE_NAMES = Map.of("MARKETING_MESSAGES_API", "MM API",
            "CLOUD_API", "Cloud API", CampaignReport.NOT_REPORTED, "Not reported yet");

    private final Clock clock;

    /** A page stamped with the system clock's time. */
    public CampaignReportPage() {
        this(Clock.systemUTC());
    }

    /** A page stamped with this clock's time ("generated at"). */
    public CampaignReportPage(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The page of the report, as HTML (UTF-8 when written out). */
    public String render(CampaignReport report) {
        Objects.requireNonNull(report, "report");
        StringBuilder page = new StringBuilder(32 * 1024);
        head(page, report);
        figures(page, report);
        funnel(page, report);
        statuses(page, report);
        routes(page, report);
        errors(page, report);
        pricing(page, report);
        sends(page, report);
        page.append("<footer>From the message ledger of camel-whatsapp-marketing. Counts are messages (one per send key,"
                    + " one per send without a key); a message counts at the status it holds now.</footer>\n");
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    /** Writes the page of the report to a file (UTF-8), creating its directory; the file's absolute path. */
    public Path write(CampaignReport report, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Files.writeString(absolute, render(report), StandardCharsets.UTF_8);
        return absolute;
    }

    private void head(StringBuilder page, CampaignReport report) {
        String campaign = campaignName(report);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                        + " style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"camel-whatsapp-marketing\">\n")
                .append("<title>Campaign ").append(campaign).append(" &middot; WhatsApp marketing report</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n<header>\n")
                .append("<h1>Campaign <span id=\"campaign\">").append(campaign).append("</span></h1>\n")
                .append("<p class=\"meta\">First sent <span id=\"first-sent\">").append(Html.time(report.firstSentAt()))
                .append("</span> &middot; last sent <span id=\"last-sent\">").append(Html.time(report.lastSentAt()))
                .append("</span>");
        if (report.firstSentAt() != null && report.lastSentAt() != null) {
            page.append(" &middot; over ")
                    .append(Html.duration(Duration.between(report.firstSentAt(), report.lastSentAt())));
        }
        page.append(" &middot; generated ").append(Html.time(clock.instant())).append("</p>\n</header>\n");
    }

    private static String campaignName(CampaignReport report) {
        return report.campaign() == null ? "(no campaign id)" : text(report.campaign());
    }

    private static void figures(StringBuilder page, CampaignReport report) {
        CampaignFunnel funnel = CampaignFunnel.of(report);
        page.append("<section id=\"figures\" class=\"tiles\">\n");
        tile(page, "messages", "Messages", report.messages(), null);
        tile(page, "accepted", "Accepted by the API", report.accepted(), percent(report.accepted(), report.messages()));
        tile(page, "delivered", "Delivered", funnel.delivered(), percent(funnel.delivered(), report.accepted()));
        tile(page, "read", "Read", funnel.read(), percent(funnel.read(), report.accepted()));
        long failed = report.count(FinalStatus.FAILED) + report.count(FinalStatus.REJECTED);
        tile(page, "failed", "Failed or rejected", failed, percent(failed, report.messages()));
        tile(page, "suppressed", "Suppressed", report.suppressed(), null);
        tile(page, "unknown", "Unknown outcome", report.unknownOutcomes(), null);
        tile(page, "duplicates", "Duplicates skipped", report.duplicatesSkipped(), null);
        page.append("</section>\n");
    }

    private static void tile(StringBuilder page, String figure, String label, long value, String share) {
        page.append("<div class=\"tile\" data-figure=\"").append(figure).append("\"><span class=\"value\">")
                .append(count(value)).append("</span><span class=\"label\">").append(label);
        if (share != null) {
            page.append(" &middot; ").append(share);
        }
        page.append("</span></div>\n");
    }

    private static void funnel(StringBuilder page, CampaignReport report) {
        CampaignFunnel funnel = CampaignFunnel.of(report);
        page.append("<section id=\"funnel\">\n<h2>Funnel</h2>\n<p class=\"note\">Of the messages the API accepted:"
                    + " how many Meta reported sent, delivered and read. ").append(count(funnel.failed()))
                .append(" failed after acceptance.</p>\n").append(Charts.funnel(funnel)).append("\n</section>\n");
    }

    private static void statuses(StringBuilder page, CampaignReport report) {
        page.append("<section id=\"statuses\">\n<h2>Where every message stands</h2>\n<table>\n")
                .append("<tr><th>Status</th><th>Meaning</th><th class=\"num\">Messages</th>"
                        + "<th class=\"num\">Share</th></tr>\n");
        for (FinalStatus status : FinalStatus.values()) {
            long value = report.count(status);
            page.append("<tr data-status=\"").append(status.name()).append('"')
                    .append(value == 0 ? " class=\"zero\"" : "").append("><td>")
                    .append(status.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td><td>")
                    .append(meaning(status)).append("</td><td class=\"num\">").append(count(value))
                    .append("</td><td class=\"num\">").append(percent(value, report.messages())).append("</td></tr>\n");
        }
        page.append("</table>\n</section>\n");
    }

    private static String meaning(FinalStatus status) {
        return switch (status) {
            case IN_FLIGHT -> "being sent right now";
            case ACCEPTED -> "accepted by the API, no status webhook yet";
            case SENT -> "sent by Meta";
            case DELIVERED -> "delivered to the phone";
            case READ -> "read by the recipient";
            case PLAYED -> "played (voice message)";
            case FAILED -> "accepted, then failed";
            case REJECTED -> "refused by the API at send time";
            case NOT_SENT -> "never reached the API";
            case UNKNOWN -> "sent without a usable answer and no status webhook since";
            case SUPPRESSED -> "not sent: the recipient opted out or is parked";
        };
    }

    private static void routes(StringBuilder page, CampaignReport report) {
        Ranking<String> routes = Ranking.of(report.byRoutedVia(), MAX_GROUP_ROWS);
        page.append("<section id=\"routes\">\n<h2>MM API / Cloud API</h2>\n<p class=\"note\">How Meta routed the"
                    + " accepted messages, from the status webhooks.</p>\n").append(Charts.routeSplit(routes))
                .append("\n<table>\n<tr><th>Route</th><th class=\"num\">Messages</th><th class=\"num\">Share</th>"
                        + "</tr>\n");
        for (Map.Entry<String, Long> route : routes.top()) {
            page.append("<tr data-route=\"").append(text(route.getKey())).append("\"><td><span class=\"swatch\""
                        + " style=\"background:").append(Charts.colour(route.getKey())).append("\"></span>")
                    .append(routeName(route.getKey())).append("</td><td class=\"num\">").append(count(route.getValue()))
                    .append("</td><td class=\"num\">").append(percent(route.getValue(), routes.total()))
                    .append("</td></tr>\n");
        }
        others(page, routes, "routes", 1);
        page.append("</table>\n</section>\n");
    }

    private static String routeName(String route) {
        String name = ROUTE_NAMES.get(route);
        return name == null ? text(route) : name + " <code>" + text(route) + "</code>";
    }

    private static void errors(StringBuilder page, CampaignReport report) {
        Ranking<Integer> errors = Ranking.of(report.byErrorCode(), MAX_ERROR_ROWS);
        page.append("<section id=\"errors\">\n<h2>Failures by error code</h2>\n<p class=\"note\">")
                .append(count(report.count(FinalStatus.FAILED))).append(" failed after acceptance, ")
                .append(count(report.count(FinalStatus.REJECTED)))
                .append(" rejected at send. Titles are Meta's, as its answers and status webhooks gave them.</p>\n");
        if (errors.top().isEmpty()) {
            page.append("<p class=\"none\">No errors.</p>\n</section>\n");
            return;
        }
        page.append("<table>\n<tr><th class=\"num\">Code</th><th>Meta's title</th><th>Concerns</th>"
                    + "<th class=\"num\">Messages</th><th class=\"share\">Share of errors</th></tr>\n");
        long largest = errors.top().get(0).getValue();
        for (Map.Entry<Integer, Long> error : errors.top()) {
            String title = report.errorTitles().get(error.getKey());
            page.append("<tr data-code=\"").append(error.getKey()).append("\"><td class=\"num\">")
                    .append(error.getKey()).append("</td><td class=\"title\">")
                    .append(title == null ? "<span class=\"none\">(no title reported)</span>"
                            : text(title, Html.MAX_TITLE))
                    .append("</td><td class=\"concerns\">").append(concerns(error.getKey()))
                    .append("</td><td class=\"num\">")
                    .append(count(error.getValue())).append("</td><td class=\"share\">")
                    .append(shareBar(error.getValue(), largest, errors.total())).append("</td></tr>\n");
        }
        others(page, errors, "codes", 3);
        page.append("</table>\n</section>\n");
    }

    private static String concerns(int code) {
        RetryClass retryClass = MetaErrorCodes.retryClass(code);
        if (retryClass == null) {
            return "<span class=\"none\">&ndash;</span>";
        }
        return switch (retryClass) {
            case TRANSIENT -> "temporary trouble at Meta";
            case RATE_LIMITED -> "a rate limit";
            case PER_RECIPIENT -> "this recipient";
            case CONFIGURATION -> "account, number or template setup";
            case VALIDATION -> "the request's content";
        };
    }

    private static String shareBar(long value, long largest, long total) {
        double width = largest == 0 ? 0 : 100.0 * value / largest;
        return "<span class=\"meter\"><span style=\"width:" + Html.number(width, 1) + "%\"></span></span> "
               + percent(value, total);
    }

    private static void pricing(StringBuilder page, CampaignReport report) {
        Ranking<String> categories = Ranking.of(report.byPricingCategory(), MAX_GROUP_ROWS);
        page.append("<section id=\"pricing\">\n<h2>Pricing categories</h2>\n<table>\n<tr><th>Category</th>"
                    + "<th class=\"num\">Messages</th><th class=\"num\">Share</th></tr>\n");
        for (Map.Entry<String, Long> category : categories.top()) {
            page.append("<tr data-category=\"").append(text(category.getKey())).append("\"><td>")
                    .append(text(category.getKey())).append("</td><td class=\"num\">")
                    .append(count(category.getValue())).append("</td><td class=\"num\">")
                    .append(percent(category.getValue(), categories.total())).append("</td></tr>\n");
        }
        others(page, categories, "categories", 1);
        page.append("</table>\n</section>\n");
    }

    private static void others(StringBuilder page, Ranking<?> ranking, String what, int cellsBefore) {
        if (ranking.otherGroups() == 0) {
            return;
        }
        page.append("<tr class=\"others\"><td colspan=\"").append(cellsBefore).append("\">")
                .append(count(ranking.otherGroups())).append(" other ").append(what).append("</td><td class=\"num\">")
                .append(count(ranking.otherCount())).append("</td><td class=\"num\">")
                .append(percent(ranking.otherCount(), ranking.total())).append("</td></tr>\n");
    }

    private static void sends(StringBuilder page, CampaignReport report) {
        SendTimeline timeline = report.sendTimeline();
        page.append("<section id=\"sends\">\n<h2>Messages per second</h2>\n<p class=\"note\">");
        if (timeline.counts().isEmpty()) {
            page.append("Nothing was sent.</p>\n</section>\n");
            return;
        }
        page.append("Peak <span id=\"peak-rate\">").append(Html.number(timeline.peakPerSecond(), 1))
                .append("</span> msg/s");
        if (report.firstSentAt() != null && report.lastSentAt() != null
                && report.lastSentAt().isAfter(report.firstSentAt())) {
            double seconds = Duration.between(report.firstSentAt(), report.lastSentAt()).toMillis() / 1000.0;
            page.append(" &middot; average ").append(Html.number(timeline.total() / seconds, 1)).append(" msg/s");
        }
        page.append(" &middot; ").append(count(timeline.total())).append(" messages sent &middot; one column per ")
                .append(Html.duration(timeline.bucketWidth())).append(" (a message counts at its latest"
                        + " attempt)</p>\n").append(Charts.sends(timeline)).append("\n</section>\n");
    }

    private static final String STYLE = """
            :root{color-scheme:light;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#128c7e}
            *{box-sizing:border-box}
            body{margin:0;background:#f3f4f6;color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",\
            Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1040px;margin:0 auto;padding:24px}
            header h1{margin:0 0 4px;font-size:26px;overflow-wrap:anywhere}
            .meta,.note,footer{color:var(--muted);font-size:13px}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
            h2{margin:0 0 8px;font-size:18px}
            .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:12px;background:none;\
            border:0;padding:0}
            .tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
            .tile .value{display:block;font-size:26px;font-weight:600;font-variant-numeric:tabular-nums}
            .tile .label{color:var(--muted);font-size:13px}
            svg{display:block;width:100%;height:auto;margin:8px 0;font-family:inherit}
            svg text{font-size:15px;fill:var(--ink)}
            svg text.axis{font-size:12px;fill:var(--muted)}
            svg .grid{stroke:var(--line)}
            #funnel-chart .bar{fill:var(--accent)}
            #funnel-chart .stage-accepted{fill:#0f766e}
            #funnel-chart .stage-read{fill:#34b7a7}
            #sends-chart .bar{fill:#3b82f6}
            table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{font-size:13px;color:var(--muted);font-weight:600}
            .num{text-align:right;white-space:nowrap}
            td.title{overflow-wrap:anywhere}
            td.concerns{white-space:nowrap}
            tr.zero td{color:#9ca3af}
            tr.others td{font-style:italic}
            .none{color:var(--muted)}
            .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:8px;vertical-align:-1px}
            .share{width:220px;white-space:nowrap}
            .meter{display:inline-block;width:130px;height:10px;background:var(--line);border-radius:5px;\
            vertical-align:middle;overflow:hidden}
            .meter span{display:block;height:100%;background:#ef4444}
            code{font-size:12px;color:var(--muted)}
            @media print{body{background:#fff}section,.tile{break-inside:avoid}}
            """;
}
