package io.github.cwmarketing.whatsapp.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.cwmarketing.whatsapp.ledger.SendTimeline;

import static io.github.cwmarketing.whatsapp.report.Html.count;
import static io.github.cwmarketing.whatsapp.report.Html.number;
import static io.github.cwmarketing.whatsapp.report.Html.percent;
import static io.github.cwmarketing.whatsapp.report.Html.text;

/**
 * The page's charts as inline SVG, drawn from counts only (no script, no library): the funnel's bars, the route split
 * as one stacked bar, the sends per second as one column per timeline bucket. Each shape carries a {@code <title>}
 * (its tooltip) and {@code data-*} attributes naming what it shows.
 */
final class Charts {

    static final int WIDTH = 960;

    /** One colour per route; other values share the last. */
    static final Map<String, String> ROUTE_COLOURS = Map.of("MARKETING_MESSAGES_API", "#128c7e", "CLOUD_API",
            "#3b82f6", "unknown", "#9ca3af");
    static final String OTHER_COLOUR = "#f59e0b";

    private static final int FUNNEL_ROW = 46;
    private static final int FUNNEL_LABEL = 130;
    private static final int FUNNEL_VALUE = 190;

    private static final int SENDS_HEIGHT = 300;
    private static final int SENDS_LEFT = 70;
    private static final int SENDS_RIGHT = 16;
    private static final int SENDS_TOP = 16;
    private static final int SENDS_BOTTOM = 44;

    private Charts() {
    }

    /** The funnel: one bar per stage, as long as its share of the accepted messages. */
    static String funnel(CampaignFunnel funnel) {
        List<Map.Entry<String, Long>> stages = List.of(Map.entry("accepted", funnel.accepted()),
                Map.entry("sent", funnel.sent()), Map.entry("delivered", funnel.delivered()),
                Map.entry("read", funnel.read()));
        int barSpace = WIDTH - FUNNEL_LABEL - FUNNEL_VALUE;
        StringBuilder svg = open("funnel-chart", WIDTH, FUNNEL_ROW * stages.size(),
                "Funnel: accepted, sent, delivered, read");
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i).getKey();
            long value = stages.get(i).getValue();
            double width = funnel.accepted() == 0 ? 0 : barSpace * (double) value / funnel.accepted();
            int y = i * FUNNEL_ROW;
            svg.append("<g class=\"stage\" data-stage=\"").append(stage).append("\" data-count=\"").append(value)
                    .append("\">");
            svg.append("<text class=\"label\" x=\"0\" y=\"").append(y + 28).append("\">").append(capitalised(stage))
                    .append("</text>");
            svg.append("<rect class=\"bar stage-").append(stage).append("\" x=\"").append(FUNNEL_LABEL)
                    .append("\" y=\"").append(y + 8).append("\" width=\"").append(number(width, 2))
                    .append("\" height=\"").append(FUNNEL_ROW - 16).append("\" rx=\"4\"><title>")
                    .append(capitalised(stage)).append(": ").append(count(value)).append(" (")
                    .append(percent(value, funnel.accepted())).append(" of accepted)</title></rect>");
            svg.append("<text class=\"value\" x=\"").append(FUNNEL_LABEL + barSpace + 12).append("\" y=\"")
                    .append(y + 28).append("\">").append(count(value)).append(" &middot; ")
                    .append(percent(value, funnel.accepted())).append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** The route split: one bar across the width, a segment per route as wide as its share. */
    static String routeSplit(Ranking<String> routes) {
        StringBuilder svg = open("route-chart", WIDTH, 40, "Accepted messages by route");
        long total = routes.total();
        double x = 0;
        for (Map.Entry<String, Long> route : routes.top()) {
            x = segment(svg, x, route.getKey(), route.getValue(), total, colour(route.getKey()));
        }
        if (routes.otherGroups() > 0) {
            segment(svg, x, "other", routes.otherCount(), total, OTHER_COLOUR);
        }
        return svg.append("</svg>").toString();
    }

    private static double segment(StringBuilder svg, double x, String route, long value, long total, String colour) {
        double width = total == 0 ? 0 : WIDTH * (double) value / total;
        svg.append("<rect class=\"segment\" data-route=\"").append(text(route)).append("\" data-count=\"")
                .append(value).append("\" x=\"").append(number(x, 2)).append("\" y=\"0\" width=\"")
                .append(number(width, 2)).append("\" height=\"40\" fill=\"").append(colour).append("\"><title>")
                .append(text(route)).append(": ").append(count(value)).append(" (").append(percent(value, total))
                .append(")</title></rect>");
        return x + width;
    }

    static String colour(String route) {
        return ROUTE_COLOURS.getOrDefault(route, OTHER_COLOUR);
    }

    /** Messages per second: one column per bucket of the timeline, on a y axis rounded up to a readable maximum. */
    static String sends(SendTimeline timeline) {
        int plotWidth = WIDTH - SENDS_LEFT - SENDS_RIGHT;
        int plotHeight = SENDS_HEIGHT - SENDS_TOP - SENDS_BOTTOM;
        double axisMax = niceCeiling(timeline.peakPerSecond());
        StringBuilder svg = open("sends-chart", WIDTH, SENDS_HEIGHT, "Messages sent per second over time");
        for (int i = 0; i <= 4; i++) {
            double value = axisMax * i / 4;
            double y = SENDS_TOP + plotHeight - plotHeight * (double) i / 4;
            svg.append("<line class=\"grid\" x1=\"").append(SENDS_LEFT).append("\" x2=\"").append(WIDTH - SENDS_RIGHT)
                    .append("\" y1=\"").append(number(y, 1)).append("\" y2=\"").append(number(y, 1)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(SENDS_LEFT - 8).append("\" y=\"").append(number(y + 4, 1))
                    .append("\" text-anchor=\"end\">").append(rate(value, axisMax)).append("</text>");
        }
        int buckets = timeline.counts().size();
        double slot = buckets == 0 ? 0 : (double) plotWidth / buckets;
        double barWidth = Math.max(slot * 0.8, 1);
        for (int i = 0; i < buckets; i++) {
            double perSecond = timeline.perSecond(i);
            double height = plotHeight * perSecond / axisMax;
            svg.append("<rect class=\"bar\" data-bucket=\"").append(i).append("\" data-count=\"")
                    .append(timeline.counts().get(i)).append("\" x=\"")
                    .append(number(SENDS_LEFT + i * slot + (slot - barWidth) / 2, 2)).append("\" y=\"")
                    .append(number(SENDS_TOP + plotHeight - height, 2)).append("\" width=\"")
                    .append(number(barWidth, 2)).append("\" height=\"").append(number(height, 2))
                    .append("\"><title>").append(bucketLabel(timeline, i)).append(": ")
                    .append(number(perSecond, 1)).append(" msg/s (").append(count(timeline.counts().get(i)))
                    .append(" messages)</title></rect>");
        }
        if (buckets > 0) {
            int baseline = SENDS_TOP + plotHeight + 28;
            axisLabel(svg, SENDS_LEFT, baseline, "start", timeLabel(timeline, timeline.start()));
            Instant middle = timeline.start().plus(Duration.between(timeline.start(), timeline.end()).dividedBy(2));
            axisLabel(svg, SENDS_LEFT + plotWidth / 2, baseline, "middle", timeLabel(timeline, middle));
            axisLabel(svg, WIDTH - SENDS_RIGHT, baseline, "end", timeLabel(timeline, timeline.end()));
        }
        return svg.append("</svg>").toString();
    }

    private static void axisLabel(StringBuilder svg, int x, int y, String anchor, String label) {
        svg.append("<text class=\"axis\" x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(label).append("</text>");
    }

    private static String bucketLabel(SendTimeline timeline, int bucket) {
        return timeLabel(timeline, timeline.bucketStart(bucket)) + " &ndash; "
               + timeLabel(timeline, timeline.bucketStart(bucket + 1));
    }

    /** Milliseconds for sub-second buckets, the date for a timeline of a day or more. */
    private static String timeLabel(SendTimeline timeline, Instant at) {
        if (timeline.bucketWidth().compareTo(Duration.ofSeconds(1)) < 0) {
            return Html.clock(at);
        }
        String full = Html.time(at);
        boolean withinADay = Duration.between(timeline.start(), timeline.end()).compareTo(Duration.ofDays(1)) < 0;
        return withinADay ? full.substring(11, 19) : full.substring(0, 16);
    }

    private static String rate(double value, double axisMax) {
        return number(value, axisMax < 4 ? 2 : axisMax < 40 ? 1 : 0);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above the value (1 for nothing sent). */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (value <= step * magnitude * (1 + 1e-9)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static StringBuilder open(String id, int width, int height, String label) {
        return new StringBuilder(4096).append("<svg id=\"").append(id).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(label)
                .append("\">");
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
