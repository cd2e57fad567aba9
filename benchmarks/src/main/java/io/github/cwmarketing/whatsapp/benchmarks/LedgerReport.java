package io.github.cwmarketing.whatsapp.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.cwmarketing.whatsapp.benchmarks.Report.cell;
import static io.github.cwmarketing.whatsapp.benchmarks.Report.format;
import static io.github.cwmarketing.whatsapp.benchmarks.Report.ratioCell;

/**
 * The ledger part's tables in the report: without and with the JDBC ledger side by side, with the ratio ledger / no
 * ledger (median of the per-pair ratios of alternating iterations), and the targets of issue 12.
 */
final class LedgerReport {

    private static final String HIGHER = "higher is better";
    private static final String LOWER = "lower is better";

    private LedgerReport() {
    }

    /** @param send no ledger, ledger; or null when not run */
    static void render(StringBuilder out, BenchmarkSuite.Settings settings, Series[] send,
                       Map<Integer, Map<String, Series>> webhook) {
        if (send != null) {
            renderSend(out, settings, send[0], send[1]);
        }
        if (webhook != null) {
            webhook.forEach((batch, series) -> renderWebhook(out, settings, batch, series.get("ours-signed"),
                    series.get("ours-ledger")));
            out.append("With the ledger every POST waits for two transactions of the ledger's webhook lanes (a lookup"
                       + " before routing, a record after), each shared with the POSTs that queued meanwhile (group"
                       + " commit)."
                       + " PostgreSQL runs as processes of its own: its CPU is not in the server CPU figures.\n\n");
        }
    }

    private static void renderSend(StringBuilder out, BenchmarkSuite.Settings settings, Series none, Series ledger) {
        out.append("### Message ledger, send: ").append(settings.ledgerRate)
                .append(" messages/s offered open-loop to one phone number id (the feeder paces; the component's pacing off), stub latency ")
                .append(settings.ledgerLatency).append(" ms; JDBC ledger on embedded PostgreSQL, ")
                .append(database(settings)).append("\n\n");
        out.append("| figure | no ledger | JDBC ledger | ratio ledger / no ledger |\n|---|---:|---:|---:|\n");
        row(out, "messages/s accepted (" + HIGHER + ")", none, ledger, "messagesPerSecond");
        row(out, "latency p50, ms over the stub's " + settings.ledgerLatency + " ms (" + LOWER + ")", none, ledger,
                "latency.p50Ms");
        row(out, "latency p99, ms (" + LOWER + ")", none, ledger, "latency.p99Ms");
        row(out, "latency max, ms", none, ledger, "latency.maxMs");
        row(out, "client CPU µs per message, whole JVM (" + LOWER + ")", none, ledger, "cpuMicrosPerMessage");
        row(out, "client CPU, cores busy", none, ledger, "cpuCores");
        row(out, "young/full GCs per iteration", none, ledger, "gcCount");
        row(out, "JIT compilation ms per iteration (≈ 0 in steady state)", none, ledger, "jitMillis");
        row(out, "new connections at the stub per iteration", none, ledger, "stubNewConnections");
        row(out, "stub CPU µs per request (the stub's own cost)", none, ledger, "stubCpuMicrosPerRequest");
        for (String write : List.of("claim", "hand_over", "outcome")) {
            out.append("| ledger write `").append(write).append("` p50 / p99, ms | – | ")
                    .append(cell(ledger.values("ledgerWrites." + write + ".p50Ms"))).append(" / ")
                    .append(cell(ledger.values("ledgerWrites." + write + ".p99Ms"))).append(" | |\n");
        }
        out.append(String.format(Locale.ROOT, "| failed / lost exchanges, all iterations | %.0f / %.0f | %.0f / %.0f |"
                                              + " |%n", none.sum("failed"), none.sum("lost"), ledger.sum("failed"),
                ledger.sum("lost")));
        double[] added = addedLatency(none, ledger);
        out.append(String.format(Locale.ROOT, "%nAdded median latency per message (ledger p50 − no-ledger p50, per pair"
                                              + " of alternating iterations): **%s ms** (%s). A send waits for two"
                                              + " ledger writes (the claim before pacing, the hand-over before the"
                                              + " request); the outcome is written after the exchange moved on.%n%n",
                format(Series.median(added)), cell(added)));
    }

    private static void renderWebhook(StringBuilder out, BenchmarkSuite.Settings settings, int batch, Series none,
                                      Series ledger) {
        out.append("### Message ledger, webhook: ").append(batch).append(batch == 1 ? " status" : " statuses")
                .append(" per POST, ").append(settings.webhookConcurrency).append(" POSTs in flight, signatures verified, ")
                .append(database(settings)).append("\n\n");
        out.append("| figure | in-memory dedup (no ledger) | JDBC ledger | ratio ledger / no ledger |\n")
                .append("|---|---:|---:|---:|\n");
        row(out, "statuses/s (" + HIGHER + ")", none, ledger, "statusesPerSecond");
        row(out, "POSTs/s acknowledged (" + HIGHER + ")", none, ledger, "postsPerSecond");
        row(out, "ack latency p50, ms (" + LOWER + ")", none, ledger, "latency.p50Ms");
        row(out, "ack latency p99, ms (" + LOWER + ")", none, ledger, "latency.p99Ms");
        row(out, "server CPU µs per status, whole JVM (" + LOWER + ")", none, ledger, "serverCpuMicrosPerStatus");
        row(out, "server CPU, cores busy", none, ledger, "serverCpuCores");
        out.append(String.format(Locale.ROOT, "| rejected / failed POSTs, all iterations | %.0f / %.0f | %.0f / %.0f |"
                                              + " |%n%n", none.sum("rejected"), none.sum("failed"),
                ledger.sum("rejected"), ledger.sum("failed")));
    }

    static void renderTargets(StringBuilder out, BenchmarkSuite.Settings settings, Series[] send,
                              Map<Integer, Map<String, Series>> webhook) {
        Map<String, Series> hundred = webhook == null ? null : webhook.get(100);
        if (send == null && hundred == null) {
            return;
        }
        out.append("\n### Targets of issue 12, the message ledger (this run)\n\n| target | measured | met |\n")
                .append("|---|---|---|\n");
        if (send != null) {
            double added = Series.median(addedLatency(send[0], send[1]));
            double rate = send[1].median("messagesPerSecond");
            Report.target(out, "JDBC ledger (" + (settings.ledgerDurable ? "durable commits" : "embedded defaults")
                               + "), one number at " + settings.ledgerRate + " msg/s, " + settings.ledgerLatency
                               + " ms stub: ≤ 2 ms added median latency per message",
                    format(added) + " ms added, " + format(rate) + " msg/s with the ledger",
                    added <= 2 && rate >= settings.ledgerRate * 0.98);
        }
        if (hundred != null) {
            double statuses = hundred.get("ours-ledger").median("statusesPerSecond");
            Report.target(out, "webhook with ledger updates (" + (settings.ledgerDurable ? "durable commits"
                               : "embedded defaults") + "), 100 statuses per POST: ≥ 9,000 statuses/s on these 2 cores", format(statuses) + " statuses/s", statuses >= 9_000);
        }
    }

    private static String database(BenchmarkSuite.Settings settings) {
        return settings.ledgerDurable ? "durable commits (fsync on, synchronous_commit on)"
                : "the embedded server's defaults (fsync off, synchronous_commit off: commits not flushed to disk)";
    }

    /** Per pair of alternating iterations: the ledger's p50 minus the no-ledger p50. */
    private static double[] addedLatency(Series none, Series ledger) {
        int n = Math.min(none.runs.size(), ledger.runs.size());
        double[] added = new double[n];
        for (int i = 0; i < n; i++) {
            added[i] = Series.number(ledger.runs.get(i), "latency.p50Ms")
                       - Series.number(none.runs.get(i), "latency.p50Ms");
        }
        return added;
    }

    /** Without, with, and the ratio with / without. */
    private static void row(StringBuilder out, String figure, Series none, Series ledger, String path) {
        out.append("| ").append(figure).append(" | ").append(cell(none.values(path))).append(" | ")
                .append(cell(ledger.values(path))).append(" | ")
                .append(ratioCell(Series.pairedRatios(ledger, none, path))).append(" |\n");
    }
}
