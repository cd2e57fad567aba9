package io.github.cwmarketing.whatsapp.examples.campaignyaml;

import java.util.regex.Pattern;

/** Lines of the campaign report's text ({@code CampaignReport.render()}: a label, then its count). */
final class ReportLines {

    private ReportLines() {
    }

    /** A line of the report: the label (indented or not), then the count, and nothing else. */
    static Pattern reportLine(String label, long count) {
        return Pattern.compile("(?m)^ *" + Pattern.quote(label) + " +" + count + "( .*)?$");
    }
}
