package io.github.cwmarketing.whatsapp.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cwmarketing.whatsapp.benchmarks.agent.CampaignAgent;
import io.github.cwmarketing.whatsapp.benchmarks.agent.GraphApiStubServer;
import io.github.cwmarketing.whatsapp.benchmarks.agent.SendAgent;
import io.github.cwmarketing.whatsapp.benchmarks.agent.TlsCertificate;
import io.github.cwmarketing.whatsapp.benchmarks.agent.WebhookDriverAgent;
import io.github.cwmarketing.whatsapp.benchmarks.agent.WebhookServerAgent;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the whole suite and prints one table per scenario: each figure for camel-whatsapp-marketing ("ours") and Apache
 * camel-whatsapp 4.18.0 ("theirs"), and their ratio, all measured in this one run on this one machine.
 *
 * <p>Every component under test runs in its own JVM (process CPU and heap are its own), the Graph API stub and the
 * webhook load driver in theirs. Iterations of the two components alternate (ours, theirs, theirs, ours, ...) so that
 * the noise of a shared machine falls on both; each figure is the median of the iterations with their min–max, each
 * ratio the median of the per-pair ratios with their min–max.
 *
 * <p>Settings are system properties ({@code -Dbench.quick=true} for a 1–2 minute smoke run); see README.md.
 */
public final class BenchmarkSuite {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String OURS_NAME = "camel-whatsapp-marketing";
    static final String THEIRS_NAME = "camel-whatsapp 4.18.0";

    private final Settings settings;
    private final Path outDir;
    private final Path logDir;
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final Report report;
    private Child stub;

    private BenchmarkSuite(Settings settings, Path outDir) throws IOException {
        this.settings = settings;
        this.outDir = outDir;
        this.logDir = outDir.resolve("logs");
        Files.createDirectories(logDir);
        this.report = new Report(settings);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path outDir = Paths.get(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        BenchmarkSuite suite = new BenchmarkSuite(settings, outDir);
        long started = System.nanoTime();
        log("Benchmark suite (" + (settings.quick ? "QUICK smoke run" : "full run") + "), parts " + settings.parts
            + "; child logs in " + suite.logDir);
        try {
            suite.run();
        } finally {
            if (suite.stub != null) {
                suite.stub.close();
            }
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        String markdown = suite.report.render(minutes);
        System.out.println();
        System.out.println(markdown);
        Path results = Paths.get(System.getProperty("bench.out", outDir.resolve("RESULTS.md").toString()));
        Files.writeString(results, markdown, StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("raw-results.json"), JSON.writeValueAsString(suite.raw),
                StandardCharsets.UTF_8);
        log(String.format("Done in %.1f minutes; table written to %s, raw figures to %s", minutes, results,
                outDir.resolve("raw-results.json")));
    }

    private void run() throws Exception {
        if (settings.parts.contains("send") || settings.parts.contains("pacing") || settings.parts.contains("ledger")) {
            stub = Child.start("graph-api-stub", GraphApiStubServer.class, settings.agentJvmOptions("graph-api-stub", logDir),
                    List.of(String.valueOf(settings.stubMaxStreams)), logDir);
            int stubPort = ((Number) stub.ready().get("port")).intValue();
            log("Graph API stub on 127.0.0.1:" + stubPort + " (pid " + stub.pid() + ")");
            sendBenchmarks(stubPort);
            if (settings.parts.contains("ledger")) {
                new LedgerBenchmarks(settings, logDir, raw, report, this::warmUp).run(stub, stubPort);
            }
        }
        if (settings.parts.contains("throughput")) {
            throughputBenchmarks();
        }
        if (settings.parts.contains("campaign")) {
            campaignBenchmark();
        }
        if (settings.parts.contains("webhook")) {
            webhookBenchmarks();
        }
        if (settings.parts.contains("jmh")) {
            microBenchmarks();
        }
    }

    // ---------------------------------------------------------------------------------------------- throughput

    /**
     * The number's real tier over TLS and HTTP/2: one and three phone numbers paced at the tier rate with default
     * settings, against a TLS stub that answers after {@code bench.throughput.latency} ms and allows 100 concurrent
     * streams per connection; the same rate over HTTP/1.1 in clear text; camel-whatsapp on the same TLS stub with the
     * requests in flight the rate needs.
     */
    private void throughputBenchmarks() throws Exception {
        Path keyStore = TlsCertificate.create(outDir.resolve("stub.p12"));
        int latency = settings.throughputLatency;
        int rate = settings.tierRate;
        try (Child tls = Child.start("graph-api-stub-tls", GraphApiStubServer.class,
                settings.agentJvmOptions("graph-api-stub-tls", logDir),
                List.of(String.valueOf(settings.throughputStreams), keyStore.toString()), logDir);
             Child plain = Child.start("graph-api-stub-h1", GraphApiStubServer.class,
                     settings.agentJvmOptions("graph-api-stub-h1", logDir), List.of("100"), logDir)) {
            String tlsPort = String.valueOf(((Number) tls.ready().get("port")).intValue());
            String plainPort = String.valueOf(((Number) plain.ready().get("port")).intValue());
            List<String> tier = List.of(tlsPort, keyStore.toString(), String.valueOf(latency), String.valueOf(rate));
            try (Child ours = Child.start("tier-ours", SendAgent.class, settings.agentJvmOptions("tier-ours", logDir),
                    concat(List.of(SendAgent.OURS, plainPort, "0", "80"), tier), logDir);
                 Child theirs = Child.start("tier-theirs", SendAgent.class,
                         settings.agentJvmOptions("tier-theirs", logDir),
                         concat(List.of(SendAgent.THEIRS, plainPort, "0", "0"), tier), logDir)) {
                int oneInFlight = settings.tierInFlight;
                int theirsInFlight = rate * latency / 1000;
                long timeout = TimeUnit.SECONDS.toMillis(settings.throughputIterationSeconds + 120);
                String oursOne = "run route=tls-one inFlight=" + oneInFlight + " latencyMs=" + latency + " durationMs=";
                // camel-whatsapp's JDK client hangs at the server's stream limit: what it never completes is
                // counted as lost after a short drain, and it gets one warm-up round (its rounds would only hang)
                String theirsOne = "run route=tls-theirs drainMs=10000 inFlight=" + theirsInFlight + " latencyMs="
                                   + latency + " durationMs=";
                warmUp("tier ours", () -> jitShare(ours.call(oursOne + settings.warmupRoundSeconds * 1000, timeout),
                        "jitMillis", "seconds"));
                check("warm-up tier theirs", theirs.call(theirsOne + settings.warmupRoundSeconds * 1000, timeout));
                Series oursSeries = new Series();
                Series theirsSeries = new Series();
                for (int i = 0; i < settings.throughputIterations; i++) {
                    boolean oursFirst = i % 2 == 0;
                    for (int k = 0; k < 2; k++) {
                        boolean isOurs = (k == 0) == oursFirst;
                        Map<String, Object> result = tierRun(isOurs ? ours : theirs, tls,
                                (isOurs ? oursOne : theirsOne) + settings.throughputIterationSeconds * 1000, timeout);
                        (isOurs ? oursSeries : theirsSeries).add(result);
                        logTier(isOurs ? "one number, ours" : "one number, theirs", i, result);
                    }
                }
                Series three = new Series();
                Series http1 = new Series();
                String oursThree = "run route=tls-three numbers=3 inFlight=" + 3 * oneInFlight + " latencyMs=" + latency
                                   + " durationMs=" + settings.throughputIterationSeconds * 1000;
                String oursHttp1 = "run route=h1-one inFlight=" + oneInFlight + " latencyMs=" + latency
                                   + " durationMs=" + settings.throughputIterationSeconds * 1000;
                check("settling three", ours.call(oursThree.replaceFirst("durationMs=\\d+", "durationMs="
                                                                         + settings.settleSeconds * 1000), timeout));
                for (int i = 0; i < settings.throughputIterations; i++) {
                    Map<String, Object> result = tierRun(ours, tls, oursThree, timeout);
                    three.add(result);
                    logTier("three numbers, ours", i, result);
                }
                check("settling HTTP/1.1", ours.call(oursHttp1.replaceFirst("durationMs=\\d+", "durationMs="
                                                                           + settings.settleSeconds * 1000), timeout));
                for (int i = 0; i < settings.throughputIterations; i++) {
                    Map<String, Object> result = tierRun(ours, plain, oursHttp1, timeout);
                    http1.add(result);
                    logTier("HTTP/1.1, ours", i, result);
                }
                report.throughput(oursSeries, theirsSeries, three, http1, oneInFlight, theirsInFlight);
                raw.put("throughput", Map.of("one-ours", oursSeries.runs, "one-theirs", theirsSeries.runs,
                        "three-ours", three.runs, "http1-ours", http1.runs));
            }
        }
    }

    private Map<String, Object> tierRun(Child agent, Child stubChild, String run, long timeout) throws Exception {
        stubChild.call("maxStreams", 10_000);
        Map<String, Object> before = stubChild.call("stats", 10_000);
        Map<String, Object> result = agent.call(run, timeout);
        Map<String, Object> after = stubChild.call("stats", 10_000);
        double requests = delta(before, after, "requests");
        result.put("http2Share", requests == 0 ? null : delta(before, after, "http2Requests") / requests);
        result.put("stubNewConnections", delta(before, after, "connections"));
        result.put("stubOpenConnections", after.get("openConnections"));
        result.put("stubConnections", after.get("connections"));
        result.put("maxStreamsPerConnection", stubChild.call("maxStreams", 10_000).get("maxStreamsPerConnection"));
        double perSecond = number(result, "messagesPerSecond");
        result.put("coresPer1000", perSecond > 0 ? number(result, "cpuCores") / (perSecond / 1000) : null);
        return result;
    }

    private static void logTier(String what, int iteration, Map<String, Object> result) {
        log(String.format("  %-20s iteration %d: %,7.0f msg/s, %.3f cores per 1,000 msg/s, %s connections open (%s"
                          + " new), at most %s streams on one, failed %s, lost %s", what, iteration + 1,
                number(result, "messagesPerSecond"), number(result, "coresPer1000"), result.get("stubOpenConnections"),
                result.get("stubNewConnections"),
                result.get("maxStreamsPerConnection"), result.get("failed"), result.get("lost")));
        if (result.get("firstError") != null) {
            log("    first error: " + result.get("firstError"));
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    // ------------------------------------------------------------------------------------------------ campaign

    /** A campaign of {@code bench.campaign.recipients} streamed from a file, in a JVM with a small heap. */
    private void campaignBenchmark() throws Exception {
        try (Child plain = Child.start("graph-api-stub-campaign", GraphApiStubServer.class,
                settings.agentJvmOptions("graph-api-stub-campaign", logDir), List.of("100"), logDir);
             Child campaign = Child.start("campaign", CampaignAgent.class, settings.campaignJvmOptions,
                     List.of(String.valueOf(((Number) plain.ready().get("port")).intValue()), outDir.toString()),
                     logDir)) {
            int recipients = settings.campaignRecipients;
            log("Campaign: " + recipients + " recipients streamed from a file at " + settings.campaignRate
                + " messages/s, stub latency " + settings.campaignLatency + " ms, child JVM " + settings.campaignJvmOptions);
            long timeout = TimeUnit.SECONDS.toMillis(recipients / Math.max(1, settings.campaignRate / 2) + 300);
            Map<String, Object> result = campaign.call("run recipients=" + recipients + " rate=" + settings.campaignRate
                                                       + " latencyMs=" + settings.campaignLatency, timeout);
            log(String.format("  %,d accepted, %s failed in %.0f s (%,.0f msg/s); heap: at most %.0f MiB used, %.0f MiB"
                              + " live after GC, of %.0f MiB", ((Number) result.get("accepted")).longValue(),
                    result.get("failed"), number(result, "seconds"), number(result, "messagesPerSecond"),
                    number(result, "peakHeapUsedBytes") / 1048576, number(result, "peakHeapAfterGcBytes") / 1048576,
                    number(result, "maxHeapBytes") / 1048576));
            report.campaign(result);
            raw.put("campaign", result);
        }
    }

    // ---------------------------------------------------------------------------------------------------- send

    private void sendBenchmarks(int stubPort) throws Exception {
        if (!settings.parts.contains("send") && !settings.parts.contains("pacing")) {
            return;
        }
        String latencies = settings.latencies.stream().map(String::valueOf).collect(Collectors.joining(","));
        boolean throughput = settings.parts.contains("send");
        try (Child ours = Child.start("send-ours", SendAgent.class, settings.agentJvmOptions("send-ours", logDir),
                List.of(SendAgent.OURS, String.valueOf(stubPort), latencies, String.valueOf(settings.pacingRate)),
                logDir);
             Child theirs = throughput ? Child.start("send-theirs", SendAgent.class,
                     settings.agentJvmOptions("send-theirs", logDir),
                     List.of(SendAgent.THEIRS, String.valueOf(stubPort), latencies, "0"), logDir) : null) {
            log("Send agents: ours pid " + ours.pid() + (theirs == null ? "" : ", theirs pid " + theirs.pid()));
            if (throughput) {
                // JIT first: C2 keeps compiling Camel, HTTP client and Jackson paths for tens of seconds on 2 shared
                // cores, and counts as the client's CPU while it does; warm up on the fastest route until it settles
                int fastest = settings.latencies.stream().min(Integer::compare).orElseThrow();
                String warm = "run route=send-" + fastest + " inFlight=" + settings.inFlight + " latencyMs=" + fastest
                              + " durationMs=" + settings.warmupRoundSeconds * 1000;
                long timeout = TimeUnit.SECONDS.toMillis(settings.warmupRoundSeconds + 120);
                warmUp("send ours", () -> jitShare(ours.call(warm, timeout), "jitMillis", "seconds"));
                warmUp("send theirs", () -> jitShare(theirs.call(warm, timeout), "jitMillis", "seconds"));
                for (int latency : settings.latencies) {
                    sendScenario(ours, theirs, latency);
                }
                Map<String, Object> oursHeap = ours.call("heap", 60_000);
                Map<String, Object> theirsHeap = theirs.call("heap", 60_000);
                report.sendHeap(oursHeap, theirsHeap);
                raw.put("send-heap", Map.of("ours", oursHeap, "theirs", theirsHeap));
            }
            if (settings.parts.contains("pacing")) {
                pacing(ours);
            }
        }
    }

    private void sendScenario(Child ours, Child theirs, int latency) throws Exception {
        String scenario = "send, stub latency " + latency + " ms";
        String run = "run route=send-" + latency + " inFlight=" + settings.inFlight + " latencyMs=" + latency
                     + " durationMs=";
        long timeout = TimeUnit.SECONDS.toMillis(settings.sendIterationSeconds + 120);
        log(scenario + ": settling round of " + settings.settleSeconds + " s each");
        check("settling ours", ours.call(run + settings.settleSeconds * 1000L, timeout));
        check("settling theirs", theirs.call(run + settings.settleSeconds * 1000L, timeout));
        Series oursSeries = new Series();
        Series theirsSeries = new Series();
        for (int i = 0; i < settings.sendIterations; i++) {
            boolean oursFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isOurs = (k == 0) == oursFirst;
                Child agent = isOurs ? ours : theirs;
                Map<String, Object> before = stub.call("stats", 10_000);
                Map<String, Object> result = agent.call(run + settings.sendIterationSeconds * 1000L, timeout);
                Map<String, Object> after = stub.call("stats", 10_000);
                double requests = delta(before, after, "requests");
                result.put("stubCpuMicrosPerRequest", requests == 0 ? null : delta(before, after, "cpuNanos") / 1000.0 / requests);
                result.put("http2Share", requests == 0 ? null : delta(before, after, "http2Requests") / requests);
                result.put("stubNewConnections", delta(before, after, "connections"));
                (isOurs ? oursSeries : theirsSeries).add(result);
                log(String.format("  %-6s iteration %d: %,8.0f msg/s, %6.1f us CPU/msg, added p50 %.2f ms, p99 %.2f ms,"
                                  + " failed %s, lost %s", isOurs ? "ours" : "theirs", i + 1,
                        Series.number(result, "messagesPerSecond"), Series.number(result, "cpuMicrosPerMessage"),
                        Series.number(result, "latency.p50Ms"), Series.number(result, "latency.p99Ms"),
                        result.get("failed"), result.get("lost")));
                if (result.get("firstError") != null) {
                    log("    first error: " + result.get("firstError"));
                }
            }
        }
        report.send(latency, oursSeries, theirsSeries);
        raw.put(scenario, Map.of("ours", oursSeries.runs, "theirs", theirsSeries.runs));
    }

    private void pacing(Child ours) throws Exception {
        long seconds = settings.pacingSeconds;
        log("Pacing: " + settings.pacingRate + " messages/s for " + seconds + " s, " + settings.pacingInFlight
            + " offered in flight, stub latency 100 ms (ours only: camel-whatsapp has no pacing)");
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < settings.pacingRuns; i++) {
            stub.call("record phone=" + SendAgent.PACED_PHONE_NUMBER_ID, 10_000);
            Map<String, Object> driver = ours.call("run route=paced inFlight=" + settings.pacingInFlight
                                                   + " latencyMs=100 durationMs=" + seconds * 1000,
                    TimeUnit.SECONDS.toMillis(seconds + 120));
            Map<String, Object> arrivals = stub.call("arrivals windowMs=" + seconds * 1000 + " rate="
                                                     + settings.pacingRate, 10_000);
            arrivals.put("driverFailed", driver.get("failed"));
            arrivals.put("driverLost", driver.get("lost"));
            arrivals.put("cpuMicrosPerMessage", driver.get("cpuMicrosPerMessage"));
            runs.add(arrivals);
            log(String.format("  run %d: %.2f messages/s at the stub over %d s (%+.2f %%), at most %s in any 1 s window,"
                              + " closest gap %.2f ms", i + 1, Series.number(arrivals, "rate"), seconds,
                    Series.number(arrivals, "rateErrorPercent"), arrivals.get("maxInAnySecond"),
                    Series.number(arrivals, "minGapMillis")));
        }
        report.pacing(runs);
        raw.put("pacing", runs);
    }

    // ------------------------------------------------------------------------------------------------- webhook

    private void webhookBenchmarks() throws Exception {
        List<String> variants = settings.webhookVariants;
        Map<String, Child> servers = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        Child driver = null;
        try {
            for (String variant : variants) {
                int port = freePort();
                Child server = Child.start("webhook-" + variant, WebhookServerAgent.class,
                        settings.agentJvmOptions("webhook-" + variant, logDir), List.of(variant, String.valueOf(port)),
                        logDir);
                servers.put(variant, server);
                ports.put(variant, port);
                log("Webhook receiver " + variant + " on 127.0.0.1:" + port + server.ready().get("path") + " (pid "
                    + server.pid() + ")");
            }
            driver = Child.start("webhook-driver", WebhookDriverAgent.class,
                    settings.agentJvmOptions("webhook-driver", logDir), List.of(), logDir);
            // JIT first, once per receiver, alternating the batch sizes so that every path gets compiled
            long timeout = TimeUnit.SECONDS.toMillis(settings.warmupRoundSeconds + 120);
            for (String variant : variants) {
                Child server = servers.get(variant);
                int port = ports.get(variant);
                Child poster = driver;
                int[] round = { 0 };
                warmUp("webhook " + variant, () -> {
                    int batch = settings.webhookBatches.get(round[0]++ % settings.webhookBatches.size());
                    server.call("mark", 10_000);
                    Map<String, Object> result = poster.call(post(port, server, batch, settings.warmupRoundSeconds),
                            timeout);
                    check("warm-up " + variant, result);
                    Map<String, Object> stats = server.call("stats", 10_000);
                    return number(stats, "jitMillis") / 1000.0 / number(result, "seconds");
                });
            }
            Map<Integer, Map<String, Series>> byBatch = new LinkedHashMap<>();
            for (int batch : settings.webhookBatches) {
                byBatch.put(batch, webhookScenario(driver, servers, ports, batch));
            }
            Map<String, Map<String, Object>> heaps = new LinkedHashMap<>();
            for (Map.Entry<String, Child> server : servers.entrySet()) {
                heaps.put(server.getKey(), server.getValue().call("heap", 60_000));
            }
            report.webhook(byBatch, heaps);
            raw.put("webhook-heap", heaps);
        } finally {
            if (driver != null) {
                driver.close();
            }
            servers.values().forEach(Child::close);
        }
    }

    private Map<String, Series> webhookScenario(Child driver, Map<String, Child> servers, Map<String, Integer> ports,
                                                int batch) throws Exception {
        String scenario = "webhook, " + batch + " status" + (batch == 1 ? "" : "es") + " per POST";
        long timeout = TimeUnit.SECONDS.toMillis(settings.webhookIterationSeconds + 120);
        List<String> variants = new ArrayList<>(servers.keySet());
        log(scenario + ": " + settings.webhookConcurrency + " POSTs in flight; settling round of "
            + settings.settleSeconds + " s each");
        for (String variant : variants) {
            check("settling " + variant, driver.call(post(ports.get(variant), servers.get(variant), batch,
                    settings.settleSeconds), timeout));
        }
        Map<String, Series> series = new LinkedHashMap<>();
        variants.forEach(v -> series.put(v, new Series()));
        for (int i = 0; i < settings.webhookIterations; i++) {
            // rotate the order so that no variant always runs first or last
            for (int k = 0; k < variants.size(); k++) {
                String variant = variants.get((i + k) % variants.size());
                Child server = servers.get(variant);
                server.call("mark", 10_000);
                Map<String, Object> result = driver.call(post(ports.get(variant), server, batch,
                        settings.webhookIterationSeconds), timeout);
                Map<String, Object> serverStats = server.call("stats", 10_000);
                double processed = variant.equals("theirs-raw")
                        ? number(serverStats, "exchanges") * batch : number(serverStats, "statuses");
                result.put("serverCpuMicrosPerStatus", processed == 0 ? null
                        : number(serverStats, "cpuNanos") / 1000.0 / processed);
                result.put("serverCpuCores", number(serverStats, "cpuNanos") / 1e9
                                             / number(result, "seconds"));
                result.put("serverExchanges", serverStats.get("exchanges"));
                result.put("serverThreads", serverStats.get("threads"));
                result.put("serverJitMillis", serverStats.get("jitMillis"));
                series.get(variant).add(result);
                log(String.format("  %-13s iteration %d: %,7.0f POSTs/s, %,8.0f statuses/s, ack p50 %.2f ms, p99 %.2f ms,"
                                  + " server %.1f us CPU/status, rejected %s, failed %s", variant, i + 1,
                        number(result, "postsPerSecond"), number(result, "statusesPerSecond"),
                        number(result, "latency.p50Ms"), number(result, "latency.p99Ms"),
                        number(result, "serverCpuMicrosPerStatus"), result.get("rejected"), result.get("failed")));
                if (result.get("firstError") != null) {
                    log("    first error: " + result.get("firstError"));
                }
            }
        }
        Map<String, Object> rawRuns = new LinkedHashMap<>();
        series.forEach((variant, s) -> rawRuns.put(variant, s.runs));
        raw.put(scenario, rawRuns);
        return series;
    }

    private String post(int port, Child server, int batch, long seconds) {
        return "post port=" + port + " path=" + server.ready().get("path") + " statuses=" + batch + " concurrency="
               + settings.webhookConcurrency + " durationMs=" + seconds * 1000;
    }

    // --------------------------------------------------------------------------------------------------- JMH

    private void microBenchmarks() throws Exception {
        log("JMH micro-benchmarks (1 fork, " + settings.jmhWarmups + " warm-up + " + settings.jmhIterations + " x "
            + settings.jmhIterationSeconds + " s)");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("io\\.github\\.cwmarketing\\.whatsapp\\.benchmarks\\.jmh\\..*")
                .forks(1)
                .warmupIterations(settings.jmhWarmups)
                .warmupTime(TimeValue.seconds(settings.jmhIterationSeconds))
                .measurementIterations(settings.jmhIterations)
                .measurementTime(TimeValue.seconds(settings.jmhIterationSeconds))
                .jvmArgs(settings.jvmOptions.toArray(String[]::new))
                .verbosity(VerboseMode.SILENT);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult result : new Runner(options.build()).run()) {
            Statistics statistics = result.getPrimaryResult().getStatistics();
            Map<String, Object> row = new LinkedHashMap<>();
            String benchmark = result.getParams().getBenchmark();
            row.put("benchmark", benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
            String statuses = result.getParams().getParam("statuses");
            row.put("statuses", statuses);
            row.put("unit", result.getPrimaryResult().getScoreUnit());
            row.put("median", statistics.getPercentile(50));
            row.put("min", statistics.getMin());
            row.put("max", statistics.getMax());
            rows.add(row);
            log(String.format("  %-45s %4s %10.3f %s", row.get("benchmark"), statuses == null ? "" : statuses,
                    statistics.getPercentile(50), row.get("unit")));
        }
        report.jmh(rows);
        raw.put("jmh", rows);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** One warm-up round; returns the share of its wall time the JIT compilers were busy. */
    @FunctionalInterface
    interface WarmUpRound {
        double run() throws Exception;
    }

    /** The suite's warm-up, for the parts in classes of their own. */
    @FunctionalInterface
    interface WarmUp {
        void run(String what, WarmUpRound round) throws Exception;
    }

    /**
     * Warms up until the JIT has settled (compilers busy less than {@code bench.warmup.jitShare} of a round's wall
     * time) or {@code bench.warmup.maxSeconds} are spent, whichever comes first.
     */
    private void warmUp(String what, WarmUpRound round) throws Exception {
        long spent = 0;
        double share;
        int rounds = 0;
        do {
            share = round.run();
            rounds++;
            spent += settings.warmupRoundSeconds;
        } while (share > settings.warmupJitShare && spent < settings.warmupMaxSeconds);
        log(String.format("%s: warm-up %d x %d s, JIT busy %.1f %% of the last round%s", what, rounds,
                settings.warmupRoundSeconds, share * 100,
                share > settings.warmupJitShare ? " (NOT settled: figures include JIT work)" : ""));
        raw.put("warm-up " + what, Map.of("rounds", rounds, "lastJitShare", share));
    }

    private static double jitShare(Map<String, Object> result, String jitKey, String secondsKey) {
        check("warm-up", result);
        return number(result, jitKey) / 1000.0 / number(result, secondsKey);
    }

    static void check(String what, Map<String, Object> result) {
        Object failed = result.get("failed");
        Object rejected = result.get("rejected");
        if (result.get("firstError") != null) {
            log("  " + what + ": failed " + failed + (rejected == null ? "" : ", rejected " + rejected)
                + "; first error: " + result.get("firstError"));
        }
    }

    private static double delta(Map<String, Object> before, Map<String, Object> after, String key) {
        return number(after, key) - number(before, key);
    }

    private static double number(Map<String, Object> map, String path) {
        Double value = Series.number(map, path);
        return value == null ? Double.NaN : value;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void log(String message) {
        System.err.println(DateTimeFormatter.ofPattern("HH:mm:ss").format(ZonedDateTime.now()) + " " + message);
    }

    /** The suite's settings: system properties, with full and quick defaults. */
    static final class Settings {
        final boolean quick;
        final Set<String> parts;
        final long warmupRoundSeconds;
        final long warmupMaxSeconds;
        final long settleSeconds;
        final int pacingInFlight;
        final double warmupJitShare;
        final int sendIterations;
        final long sendIterationSeconds;
        final int inFlight;
        final List<Integer> latencies;
        final int stubMaxStreams;
        final int pacingRate;
        final long pacingSeconds;
        final int pacingRuns;
        final int webhookIterations;
        final long webhookIterationSeconds;
        final int webhookConcurrency;
        final List<Integer> webhookBatches;
        final List<String> webhookVariants;
        final int jmhWarmups;
        final int jmhIterations;
        final int jmhIterationSeconds;
        final List<String> jvmOptions;
        final boolean profile;
        final int throughputLatency;
        final int tierRate;
        final int tierInFlight;
        final int throughputStreams;
        final int throughputIterations;
        final long throughputIterationSeconds;
        final int campaignRecipients;
        final int campaignRate;
        final int campaignLatency;
        final List<String> campaignJvmOptions;
        final int ledgerRate;
        final int ledgerLatency;
        final int ledgerIterations;
        final long ledgerIterationSeconds;
        final List<Integer> ledgerWebhookBatches;
        final Set<String> ledgerParts;
        final boolean ledgerDurable;

        private Settings() {
            quick = Boolean.getBoolean("bench.quick");
            parts = Set.copyOf(list("bench.parts", "send,pacing,throughput,campaign,webhook,ledger,jmh"));
            warmupRoundSeconds = longProperty("bench.warmup.roundSeconds", quick ? 3 : 5);
            warmupMaxSeconds = longProperty("bench.warmup.maxSeconds", quick ? 6 : 35);
            settleSeconds = longProperty("bench.settleSeconds", quick ? 1 : 2);
            pacingInFlight = (int) longProperty("bench.pacing.inFlight", quick ? 200 : 1200);
            warmupJitShare = Double.parseDouble(System.getProperty("bench.warmup.jitShare", "0.03"));
            sendIterations = (int) longProperty("bench.send.iterations", quick ? 2 : 4);
            sendIterationSeconds = longProperty("bench.send.iterationSeconds", quick ? 2 : 5);
            inFlight = (int) longProperty("bench.send.inFlight", 200);
            latencies = list("bench.send.latencies", "100,0").stream().map(Integer::valueOf).toList();
            stubMaxStreams = (int) longProperty("bench.stub.maxConcurrentStreams", 1000);
            pacingRate = (int) longProperty("bench.pacing.rate", 80);
            pacingSeconds = longProperty("bench.pacing.seconds", quick ? 10 : 30);
            pacingRuns = (int) longProperty("bench.pacing.runs", 1);
            webhookIterations = (int) longProperty("bench.webhook.iterations", quick ? 2 : 3);
            webhookIterationSeconds = longProperty("bench.webhook.iterationSeconds", quick ? 2 : 4);
            webhookConcurrency = (int) longProperty("bench.webhook.concurrency", 32);
            webhookBatches = list("bench.webhook.batches", "1,100").stream().map(Integer::valueOf).toList();
            webhookVariants = list("bench.webhook.variants",
                    quick ? "ours-signed,theirs-raw" : "ours-signed,ours-unsigned,theirs-raw,theirs-parse");
            jmhWarmups = (int) longProperty("bench.jmh.warmups", quick ? 1 : 2);
            jmhIterations = (int) longProperty("bench.jmh.iterations", quick ? 1 : 4);
            jmhIterationSeconds = (int) longProperty("bench.jmh.iterationSeconds", 1);
            jvmOptions = list("bench.jvmOptions", "-Xms512m,-Xmx512m,-XX:+UseG1GC");
            profile = Boolean.getBoolean("bench.profile");
            throughputLatency = (int) longProperty("bench.throughput.latency", 250);
            tierRate = (int) longProperty("bench.throughput.rate", 1000);
            tierInFlight = (int) longProperty("bench.throughput.inFlight", 1200);
            throughputStreams = (int) longProperty("bench.throughput.maxConcurrentStreams", 100);
            throughputIterations = (int) longProperty("bench.throughput.iterations", quick ? 1 : 3);
            throughputIterationSeconds = longProperty("bench.throughput.iterationSeconds", quick ? 5 : 10);
            campaignRecipients = (int) longProperty("bench.campaign.recipients", quick ? 100_000 : 1_000_000);
            campaignRate = (int) longProperty("bench.campaign.rate", 4000);
            campaignLatency = (int) longProperty("bench.campaign.latency", 20);
            campaignJvmOptions = list("bench.campaign.jvmOptions", "-Xms256m,-Xmx256m,-XX:+UseG1GC");
            ledgerRate = (int) longProperty("bench.ledger.rate", 1000);
            ledgerLatency = (int) longProperty("bench.ledger.latency", 250);
            ledgerIterations = (int) longProperty("bench.ledger.iterations", quick ? 2 : 4);
            ledgerIterationSeconds = longProperty("bench.ledger.iterationSeconds", quick ? 3 : 6);
            ledgerWebhookBatches = list("bench.ledger.webhookBatches", "100,1").stream().map(Integer::valueOf).toList();
            ledgerParts = Set.copyOf(list("bench.ledger.parts", "send,webhook"));
            ledgerDurable = Boolean.parseBoolean(System.getProperty("bench.ledger.durable", "false"));
        }

        static Settings fromSystemProperties() {
            return new Settings();
        }

        /** The JVM options of a child; with bench.profile=true a JFR recording per child in the log directory. */
        List<String> agentJvmOptions(String name, Path logDir) {
            List<String> options = new ArrayList<>(jvmOptions);
            if (profile) {
                options.add("-XX:StartFlightRecording=settings=profile,filename=" + logDir.resolve(name + ".jfr"));
            }
            return options;
        }

        private static List<String> list(String property, String fallback) {
            return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }

        private static long longProperty(String property, long fallback) {
            String value = System.getProperty(property);
            return value == null ? fallback : Long.parseLong(value.trim());
        }

        String describe() {
            return String.format("throughput: TLS HTTP/2 stub, %d ms latency, %d streams per connection, %d x %d s per"
                                 + " scenario, %d offered in flight per number, tier rate %d msg/s; campaign: %,d"
                                 + " recipients at %d msg/s, stub latency %d ms, JVM %s; ",
                    throughputLatency, throughputStreams, throughputIterations, throughputIterationSeconds,
                    tierInFlight, tierRate, campaignRecipients, campaignRate, campaignLatency,
                    String.join(" ", campaignJvmOptions))
                   + String.format("JIT warm-up per child JVM in rounds of %d s until the JIT compilers are busy < %.0f %%"
                                 + " of a round (at most %d s), then a %d s settling round per scenario; send: %d iterations x %d s, %d in flight,"
                                 + " stub latencies %s ms; pacing: %d msg/s for %d s, %d offered in flight; webhook: %d iterations x %d s,"
                                 + " %d POSTs in flight, %s statuses per POST; ledger: %d msg/s offered open-loop at"
                                 + " %d ms stub latency, %d iterations x %d s, webhook %s statuses per POST;"
                                 + " JMH: %d warm-up + %d x %d s, 1 fork; child JVM options %s",
                    warmupRoundSeconds, warmupJitShare * 100, warmupMaxSeconds, settleSeconds, sendIterations, sendIterationSeconds, inFlight, latencies, pacingRate,
                    pacingSeconds, pacingInFlight, webhookIterations, webhookIterationSeconds, webhookConcurrency, webhookBatches,
                    ledgerRate, ledgerLatency, ledgerIterations, ledgerIterationSeconds, ledgerWebhookBatches,
                    jmhWarmups, jmhIterations, jmhIterationSeconds, String.join(" ", jvmOptions));
        }
    }
}
