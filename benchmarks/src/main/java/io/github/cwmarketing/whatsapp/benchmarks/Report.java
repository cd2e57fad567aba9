package io.github.cwmarketing.whatsapp.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Markdown report: machine, settings, one table per scenario (each figure for both components and the ratio),
 * the targets of issue 7 with met/missed.
 */
final class Report {

    private static final String HIGHER = "higher is better";
    private static final String LOWER = "lower is better";

    private final BenchmarkSuite.Settings settings;
    private final String machine;
    private final String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    private final Map<Integer, Series[]> send = new LinkedHashMap<>();
    private Map<String, Object> oursHeap;
    private Map<String, Object> theirsHeap;
    private List<Map<String, Object>> pacing;
    private Map<Integer, Map<String, Series>> webhook;
    private Map<String, Map<String, Object>> webhookHeaps;
    private List<Map<String, Object>> jmh;
    private Series[] throughput;
    private int[] throughputInFlight;
    private Map<String, Object> campaign;
    private Series[] ledgerSend;
    private Map<Integer, Map<String, Series>> ledgerWebhook;

    Report(BenchmarkSuite.Settings settings) {
        this.settings = settings;
        this.machine = machine();
    }

    void send(int latency, Series ours, Series theirs) {
        send.put(latency, new Series[] { ours, theirs });
    }

    void sendHeap(Map<String, Object> ours, Map<String, Object> theirs) {
        this.oursHeap = ours;
        this.theirsHeap = theirs;
    }

    void pacing(List<Map<String, Object>> runs) {
        this.pacing = runs;
    }

    void webhook(Map<Integer, Map<String, Series>> byBatch, Map<String, Map<String, Object>> heaps) {
        this.webhook = byBatch;
        this.webhookHeaps = heaps;
    }

    void throughput(Series ours, Series theirs, Series three, Series http1, int oursInFlight, int theirsInFlight) {
        this.throughput = new Series[] { ours, theirs, three, http1 };
        this.throughputInFlight = new int[] { oursInFlight, theirsInFlight };
    }

    void campaign(Map<String, Object> result) {
        this.campaign = result;
    }

    void ledgerSend(Series noLedger, Series ledger) {
        this.ledgerSend = new Series[] { noLedger, ledger };
    }

    void ledgerWebhook(Map<Integer, Map<String, Series>> byBatch) {
        this.ledgerWebhook = byBatch;
    }

    void jmh(List<Map<String, Object>> rows) {
        this.jmh = rows;
    }

    String render(double minutes) {
        StringBuilder out = new StringBuilder();
        out.append("## Results: ").append(started).append(settings.quick ? " (QUICK smoke run: indicative only)" : "")
                .append("\n\n");
        out.append(machine).append('\n');
        out.append("- Command: `").append(System.getProperty("bench.command", "benchmarks/run.sh")).append("`")
                .append(String.format(Locale.ROOT, " (%.1f minutes)%n", minutes));
        out.append("- Settings: ").append(settings.describe()).append("\n");
        out.append("- Figures: median of the iterations (min–max). Ratios: ours / theirs, the median of the per-iteration"
                   + " ratios of alternating runs (min–max); whether higher or lower is better is in each row.\n\n");
        renderSend(out);
        renderPacing(out);
        renderThroughput(out);
        renderCampaign(out);
        renderWebhook(out);
        LedgerReport.render(out, settings, ledgerSend, ledgerWebhook);
        renderJmh(out);
        renderTargets(out);
        LedgerReport.renderTargets(out, settings, ledgerSend, ledgerWebhook);
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------- send

    private void renderSend(StringBuilder out) {
        for (Map.Entry<Integer, Series[]> entry : send.entrySet()) {
            int latency = entry.getKey();
            Series ours = entry.getValue()[0];
            Series theirs = entry.getValue()[1];
            out.append("### Send, stub latency ").append(latency).append(" ms, pacing off, ").append(settings.inFlight)
                    .append(" in flight, 1 feeding thread\n\n");
            out.append("| figure | ").append(BenchmarkSuite.OURS_NAME).append(" | ").append(BenchmarkSuite.THEIRS_NAME)
                    .append(" | ratio ours/theirs |\n|---|---:|---:|---:|\n");
            row(out, "messages/s (" + HIGHER + ")", ours, theirs, "messagesPerSecond");
            row(out, "client CPU µs per message, whole JVM (" + LOWER + ")", ours, theirs, "cpuMicrosPerMessage");
            row(out, "client CPU, cores busy", ours, theirs, "cpuCores");
            row(out, "added latency p50, ms over the stub's " + latency + " ms (" + LOWER + ")", ours, theirs,
                    "latency.p50Ms");
            row(out, "added latency p99, ms (" + LOWER + ")", ours, theirs, "latency.p99Ms");
            row(out, "added latency max, ms", ours, theirs, "latency.maxMs");
            row(out, "young/full GCs per iteration", ours, theirs, "gcCount");
            row(out, "JIT compilation ms per iteration (≈ 0 in steady state)", ours, theirs, "jitMillis");
            row(out, "live threads in the client JVM", ours, theirs, "threads");
            row(out, "HTTP/2 share of requests at the stub", ours, theirs, "http2Share");
            row(out, "new connections at the stub per iteration", ours, theirs, "stubNewConnections");
            row(out, "stub CPU µs per request (the stub's own cost)", ours, theirs, "stubCpuMicrosPerRequest");
            out.append(String.format(Locale.ROOT, "| failed / lost exchanges, all iterations | %.0f / %.0f | %.0f / %.0f | |%n",
                    ours.sum("failed"), ours.sum("lost"), theirs.sum("failed"), theirs.sum("lost")));
            out.append('\n');
        }
        if (oursHeap != null) {
            double ours = mib(oursHeap.get("heapBytes"));
            double theirs = mib(theirsHeap.get("heapBytes"));
            out.append(String.format(Locale.ROOT, "Heap after the send runs, after full GC (whole client JVM: Camel,"
                                                  + " HTTP client, routes): ours %.1f MiB, theirs %.1f MiB, ratio %.2f"
                                                  + " (%s).%n%n", ours, theirs, ours / theirs, LOWER));
        }
    }

    // ---------------------------------------------------------------------------------------- throughput

    private void renderThroughput(StringBuilder out) {
        if (throughput == null) {
            return;
        }
        Series ours = throughput[0];
        Series theirs = throughput[1];
        out.append("### The tier over TLS and HTTP/2: ").append(settings.tierRate).append(" messages/s per number, stub ")
                .append(settings.throughputLatency).append(" ms, at most ").append(settings.throughputStreams)
                .append(" concurrent streams per connection\n\n");
        out.append("Ours with default settings but `messagesPerSecond=").append(settings.tierRate).append("` (the")
                .append(" number's tier), ").append(throughputInFlight[0]).append(" exchanges offered in flight per")
                .append(" number (the rest wait for pacing slots); camel-whatsapp (a JDK `HttpClient` trusting the")
                .append(" stub's certificate, HTTP/2, no pacing) with the ").append(throughputInFlight[1])
                .append(" in flight the rate needs at this latency (rate × latency).\n\n");
        out.append("| figure, one phone number | ").append(BenchmarkSuite.OURS_NAME).append(" | ")
                .append(BenchmarkSuite.THEIRS_NAME).append(" | ratio ours/theirs |\n|---|---:|---:|---:|\n");
        row(out, "messages/s (" + HIGHER + ")", ours, theirs, "messagesPerSecond");
        row(out, "client CPU, cores per 1,000 messages/s (" + LOWER + ")", ours, theirs, "coresPer1000");
        row(out, "client CPU µs per message (" + LOWER + ")", ours, theirs, "cpuMicrosPerMessage");
        row(out, "added latency p50, ms over the stub's " + settings.throughputLatency + " ms (pacing waits included)",
                ours, theirs, "latency.p50Ms");
        row(out, "connections open at the stub", ours, theirs, "stubOpenConnections");
        row(out, "most concurrent streams on one connection", ours, theirs, "maxStreamsPerConnection");
        row(out, "HTTP/2 share of requests at the stub", ours, theirs, "http2Share");
        row(out, "live threads in the client JVM", ours, theirs, "threads");
        out.append(String.format(Locale.ROOT, "| failed / lost exchanges, all iterations | %.0f / %.0f | %.0f / %.0f | |%n%n",
                ours.sum("failed"), ours.sum("lost"), theirs.sum("failed"), theirs.sum("lost")));
        out.append("| ours, other scenarios | messages/s | cores per 1,000 msg/s | connections open | most streams on one"
                   + " | HTTP/2 share | failed / lost |\n|---|---:|---:|---:|---:|---:|---:|\n");
        tierRow(out, "three phone numbers, TLS HTTP/2 (target 3 × " + settings.tierRate + ")", throughput[2]);
        tierRow(out, "one phone number, HTTP/1.1 in clear text (default maxConnections)", throughput[3]);
        out.append('\n');
    }

    private static void tierRow(StringBuilder out, String scenario, Series series) {
        out.append("| ").append(scenario).append(" | ").append(cell(series.values("messagesPerSecond"))).append(" | ")
                .append(cell(series.values("coresPer1000"))).append(" | ")
                .append(cell(series.values("stubOpenConnections"))).append(" | ")
                .append(cell(series.values("maxStreamsPerConnection"))).append(" | ")
                .append(cell(series.values("http2Share"))).append(" | ")
                .append(String.format(Locale.ROOT, "%.0f / %.0f", series.sum("failed"), series.sum("lost")))
                .append(" |\n");
    }

    // ------------------------------------------------------------------------------------------ campaign

    private void renderCampaign(StringBuilder out) {
        if (campaign == null) {
            return;
        }
        out.append("### A campaign streamed from a file in ").append(String.join(" ", settings.campaignJvmOptions))
                .append("\n\n`split(body().tokenize(\"\\n\")).streaming().parallelProcessing()` into")
                .append(" `whatsapp-marketing:send` (pacing at ").append(settings.campaignRate)
                .append(" messages/s, default `maxPendingSends`), the pattern of docs/pacing-and-throughput.md; the")
                .append(" stub answers after ").append(settings.campaignLatency).append(" ms.\n\n")
                .append("| recipients | file | accepted | failed | seconds | messages/s | heap limit | most heap used |")
                .append(" most live after GC (old generation) | GCs |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| %,d | %.0f MiB | %,d | %s | %.0f | %,.0f | %.0f MiB | %.0f MiB | %.0f MiB"
                                              + " | %s |%n%n",
                ((Number) campaign.get("recipients")).longValue(), mib(campaign.get("fileBytes")),
                ((Number) campaign.get("accepted")).longValue(), campaign.get("failed"),
                Series.number(campaign, "seconds"), Series.number(campaign, "messagesPerSecond"),
                mib(campaign.get("maxHeapBytes")), mib(campaign.get("peakHeapUsedBytes")),
                mib(campaign.get("peakHeapAfterGcBytes")), campaign.get("gcCount")));
    }

    // -------------------------------------------------------------------------------------------- pacing

    private void renderPacing(StringBuilder out) {
        if (pacing == null) {
            return;
        }
        out.append("### Pacing: ").append(settings.pacingRate).append(" messages/s configured, ")
                .append(settings.pacingSeconds).append(" s, ").append(settings.pacingInFlight)
                .append(" offered in flight, stub latency 100 ms, timed at the stub\n\n");
        out.append("| run | achieved rate, msg/s | error | most arrivals in any 1 s window (limit ")
                .append(settings.pacingRate + 1).append(") | closest gap, ms | failed / lost |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        int i = 1;
        for (Map<String, Object> run : pacing) {
            out.append(String.format(Locale.ROOT, "| %d | %.2f | %+.2f %% | %s | %.2f | %s / %s |%n", i++,
                    Series.number(run, "rate"), Series.number(run, "rateErrorPercent"), run.get("maxInAnySecond"),
                    Series.number(run, "minGapMillis"), run.get("driverFailed"), run.get("driverLost")));
        }
        out.append("\ncamel-whatsapp has no pacing (no throttling option): not measured.\n\n");
    }

    // ------------------------------------------------------------------------------------------- webhook

    private void renderWebhook(StringBuilder out) {
        if (webhook == null) {
            return;
        }
        for (Map.Entry<Integer, Map<String, Series>> entry : webhook.entrySet()) {
            int batch = entry.getKey();
            Map<String, Series> series = entry.getValue();
            out.append("### Webhook ingest, ").append(batch).append(batch == 1 ? " status" : " statuses")
                    .append(" per POST, ").append(settings.webhookConcurrency).append(" POSTs in flight\n\n");
            List<String> variants = new ArrayList<>(series.keySet());
            List<String[]> ratios = webhookRatios(variants);
            out.append("| figure |");
            variants.forEach(v -> out.append(' ').append(label(v)).append(" |"));
            ratios.forEach(r -> out.append(' ').append(label(r[0])).append(" / ").append(label(r[1])).append(" |"));
            out.append("\n|---|");
            variants.forEach(v -> out.append("---:|"));
            ratios.forEach(r -> out.append("---:|"));
            out.append('\n');
            webhookRow(out, "POSTs/s acknowledged (" + HIGHER + ")", series, variants, ratios, "postsPerSecond");
            webhookRow(out, "statuses/s (" + HIGHER + ")", series, variants, ratios, "statusesPerSecond");
            webhookRow(out, "ack latency p50, ms (" + LOWER + ")", series, variants, ratios, "latency.p50Ms");
            webhookRow(out, "ack latency p99, ms (" + LOWER + ")", series, variants, ratios, "latency.p99Ms");
            webhookRow(out, "ack latency max, ms", series, variants, ratios, "latency.maxMs");
            webhookRow(out, "server CPU µs per status, whole JVM (" + LOWER + ")", series, variants, ratios,
                    "serverCpuMicrosPerStatus");
            webhookRow(out, "server CPU, cores busy", series, variants, ratios, "serverCpuCores");
            webhookRow(out, "load driver CPU, cores busy", series, variants, ratios, "driverCpuCores");
            webhookRow(out, "server JIT compilation ms per iteration", series, variants, ratios, "serverJitMillis");
            webhookRow(out, "live threads in the server JVM", series, variants, ratios, "serverThreads");
            out.append("| rejected / failed POSTs, all iterations |");
            for (String v : variants) {
                out.append(String.format(Locale.ROOT, " %.0f / %.0f |", series.get(v).sum("rejected"),
                        series.get(v).sum("failed")));
            }
            ratios.forEach(r -> out.append(" |"));
            out.append("\n\n");
        }
        if (webhookHeaps != null) {
            out.append("Heap after the webhook runs, after full GC (whole receiver JVM):");
            webhookHeaps.forEach((v, heap) -> out.append(String.format(Locale.ROOT, " %s %.1f MiB;", label(v),
                    mib(heap.get("heapBytes")))));
            out.append("\n\n");
        }
        out.append("Variants: *ours signed* = `whatsapp-marketing:webhook` with `appSecret` (X-Hub-Signature-256 verified"
                   + " over the raw bytes), body parsed, one deduplicated exchange per status; *ours unsigned* = the same"
                   + " with `signatureVerification=false`; *theirs raw* = `webhook:whatsapp:...` (camel-whatsapp"
                   + " 4.18.0, which has no signature check): one exchange per POST carrying the unparsed body as a"
                   + " String; *theirs + parse* = the same plus a Jackson `readTree` walking `entry[].changes[].value"
                   + ".statuses[]`, the least a route must add to see the statuses (still no signature check, no"
                   + " deduplication, no exchange per status).\n\n");
    }

    private static List<String[]> webhookRatios(List<String> variants) {
        List<String[]> ratios = new ArrayList<>();
        for (String[] pair : new String[][] { { "ours-signed", "theirs-raw" }, { "ours-unsigned", "theirs-raw" },
                                              { "ours-signed", "theirs-parse" },
                                              { "ours-signed", "ours-signed-camel-repo" } }) {
            if (variants.contains(pair[0]) && variants.contains(pair[1])) {
                ratios.add(pair);
            }
        }
        return ratios;
    }

    private static void webhookRow(StringBuilder out, String figure, Map<String, Series> series, List<String> variants,
                                   List<String[]> ratios, String path) {
        out.append("| ").append(figure).append(" |");
        for (String v : variants) {
            out.append(' ').append(cell(series.get(v).values(path))).append(" |");
        }
        for (String[] r : ratios) {
            out.append(' ').append(ratioCell(Series.pairedRatios(series.get(r[0]), series.get(r[1]), path))).append(" |");
        }
        out.append('\n');
    }

    private static String label(String variant) {
        return switch (variant) {
            case "ours-signed" -> "ours signed";
            case "ours-unsigned" -> "ours unsigned";
            case "ours-signed-camel-repo" -> "ours signed, Camel MemoryIdempotentRepository";
            case "theirs-raw" -> "theirs raw";
            case "theirs-parse" -> "theirs + parse";
            default -> variant;
        };
    }

    // ----------------------------------------------------------------------------------------------- JMH

    private void renderJmh(StringBuilder out) {
        if (jmh == null) {
            return;
        }
        out.append("### Micro-benchmarks (JMH, average time per operation, single thread)\n\n");
        out.append("| benchmark | statuses per POST | median | min–max | unit |\n|---|---:|---:|---:|---|\n");
        for (Map<String, Object> row : jmh) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s–%s | %s |%n", row.get("benchmark"),
                    row.get("statuses") == null ? "" : row.get("statuses"), format(Series.number(row, "median")),
                    format(Series.number(row, "min")), format(Series.number(row, "max")), row.get("unit")));
        }
        out.append("\n`SendPayloadMicroBenchmark`: ours = assemble the request from positional parameters and"
                   + " endpoint defaults, validate it against Meta's rules, write it; theirs = build the typed"
                   + " `TemplateMessageRequest` and write it with camel-whatsapp's mapper; `*Response` = read Meta's"
                   + " response. `WebhookMicroBenchmark.jacksonReadTree` is the floor any status parsing pays.\n\n");
    }

    // ------------------------------------------------------------------------------------------- targets

    private void renderTargets(StringBuilder out) {
        if (send.isEmpty() && pacing == null && webhook == null) {
            return;
        }
        out.append("### Targets of issue 7 (this run)\n\n| target | measured | met |\n|---|---|---|\n");
        Series[] send100 = send.get(100);
        if (send100 != null) {
            double rate = send100[0].median("messagesPerSecond");
            target(out, "send, 100 ms stub latency, pacing off: ≥ 1,000 messages/s with ≤ 2 route threads",
                    format(rate) + " messages/s (1 feeding thread)", rate >= 1000);
            double throughputRatio = Series.median(Series.pairedRatios(send100[0], send100[1], "messagesPerSecond"));
            double cpuRatio = Series.median(Series.pairedRatios(send100[0], send100[1], "cpuMicrosPerMessage"));
            target(out, "send: at least camel-whatsapp's throughput at equal or lower CPU per message",
                    String.format(Locale.ROOT, "throughput ratio %.2f, CPU/message ratio %.2f", throughputRatio,
                            cpuRatio), throughputRatio >= 0.98 && cpuRatio <= 1.0);
        }
        if (pacing != null) {
            boolean ok = true;
            StringBuilder measured = new StringBuilder();
            for (Map<String, Object> run : pacing) {
                double error = Series.number(run, "rateErrorPercent");
                double max = Series.number(run, "maxInAnySecond");
                ok &= Math.abs(error) <= 5 && max <= settings.pacingRate + 1;
                measured.append(String.format(Locale.ROOT, "%.2f msg/s (%+.2f %%), at most %.0f in 1 s; ",
                        Series.number(run, "rate"), error, max));
            }
            target(out, "pacing at " + settings.pacingRate + " messages/s: within ±5 % over " + settings.pacingSeconds
                        + " s, no 1 s window above " + (settings.pacingRate + 1), measured.toString().trim(), ok);
        }
        if (throughput != null) {
            double one = throughput[0].median("messagesPerSecond");
            double three = throughput[2].median("messagesPerSecond");
            double http1 = throughput[3].median("messagesPerSecond");
            double failures = 0;
            double worstCores = 0;
            for (Series series : new Series[] { throughput[0], throughput[2], throughput[3] }) {
                failures += series.sum("failed") + series.sum("lost");
                worstCores = Math.max(worstCores, series.median("coresPer1000"));
            }
            int rate = settings.tierRate;
            target(out, "TLS HTTP/2, " + settings.throughputLatency + " ms, default settings: " + rate
                        + " msg/s for one number (≥ 97 % of the paced rate)", format(one) + " msg/s", one >= 0.97 * rate);
            target(out, "the same for three numbers on one instance: 3 × " + rate, format(three) + " msg/s",
                    three >= 0.97 * 3 * rate);
            target(out, "HTTP/1.1, " + settings.throughputLatency + " ms, default settings: " + rate + " msg/s",
                    format(http1) + " msg/s", http1 >= 0.97 * rate);
            target(out, "0 failures", format(failures) + " failed or lost", failures == 0);
            target(out, "≤ 0.25 core per 1,000 msg/s", format(worstCores) + " cores (worst scenario median)",
                    worstCores <= 0.25);
        }
        if (campaign != null) {
            double accepted = Series.number(campaign, "accepted");
            double recipients = Series.number(campaign, "recipients");
            target(out, String.format(Locale.ROOT, "%,.0f-recipient campaign streamed from a file in %s, 0 failures",
                            recipients, String.join(" ", settings.campaignJvmOptions)),
                    String.format(Locale.ROOT, "%,.0f accepted, %s failed, at most %.0f MiB heap used", accepted,
                            campaign.get("failed"), mib(campaign.get("peakHeapUsedBytes"))),
                    accepted == recipients);
        }
        if (webhook != null) {
            Map<String, Series> single = webhook.get(1);
            if (single != null && single.containsKey("ours-signed")) {
                double posts = single.get("ours-signed").median("postsPerSecond");
                double p99 = single.get("ours-signed").median("latency.p99Ms");
                target(out, "webhook, 1 status per POST, signatures verified: ≥ 3,000 POSTs/s with p99 ack < 50 ms",
                        format(posts) + " POSTs/s, p99 " + format(p99) + " ms", posts >= 3000 && p99 < 50);
            }
            Map<String, Series> batch = webhook.get(100);
            if (batch != null && batch.containsKey("ours-signed")) {
                double statuses = batch.get("ours-signed").median("statusesPerSecond");
                target(out, "webhook, 100 statuses per POST, signatures verified: ≥ 20,000 statuses/s",
                        format(statuses) + " statuses/s", statuses >= 20_000);
            }
            for (Map.Entry<Integer, Map<String, Series>> entry : webhook.entrySet()) {
                Map<String, Series> s = entry.getValue();
                if (s.containsKey("ours-signed") && s.containsKey("theirs-raw")) {
                    double vsRaw = Series.median(Series.pairedRatios(s.get("ours-signed"), s.get("theirs-raw"),
                            "statusesPerSecond"));
                    String measured = String.format(Locale.ROOT, "ours signed / theirs raw %.2f", vsRaw);
                    boolean met = vsRaw >= 0.98;
                    if (s.containsKey("theirs-parse")) {
                        double vsParse = Series.median(Series.pairedRatios(s.get("ours-signed"),
                                s.get("theirs-parse"), "statusesPerSecond"));
                        measured += String.format(Locale.ROOT, "; ours signed / theirs + parse %.2f", vsParse);
                    }
                    target(out, "webhook, " + entry.getKey() + " per POST: not slower than camel-whatsapp's webhook"
                                + " path (statuses/s)", measured, met);
                }
            }
        }
        out.append("\nRatios within ±2 % count as equal. The machine is shared with other builds: see the min–max"
                   + " spread before reading much into a few percent.\n");
    }

    static void target(StringBuilder out, String target, String measured, boolean met) {
        out.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void row(StringBuilder out, String figure, Series ours, Series theirs, String path) {
        out.append("| ").append(figure).append(" | ").append(cell(ours.values(path))).append(" | ")
                .append(cell(theirs.values(path))).append(" | ")
                .append(ratioCell(Series.pairedRatios(ours, theirs, path))).append(" |\n");
    }

    static String cell(double[] values) {
        if (values.length == 0) {
            return "–";
        }
        double median = Series.median(values);
        if (values.length == 1) {
            return format(median);
        }
        return format(median) + " (" + format(Series.min(values)) + "–" + format(Series.max(values)) + ")";
    }

    static String ratioCell(double[] ratios) {
        if (ratios.length == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "**%.2f** (%.2f–%.2f)", Series.median(ratios), Series.min(ratios),
                Series.max(ratios));
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static double mib(Object bytes) {
        return bytes instanceof Number n ? n.doubleValue() / (1024 * 1024) : Double.NaN;
    }

    /** nproc, CPU model, memory, Java, load: what the RESULTS.md must say about the machine. */
    private static String machine() {
        StringBuilder out = new StringBuilder();
        out.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(cpuModel()).append("; memory: ").append(command("free", "-h").lines()
                        .filter(l -> l.startsWith("Mem:")).findFirst().orElse("?").replaceAll("\\s+", " "))
                .append('\n');
        out.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append("), ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append('\n');
        out.append("- Load average when the suite started (the machine is shared with other engineers' builds and"
                   + " tests: expect noise): ").append(loadAverage()).append('\n');
        return out.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Paths.get("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
