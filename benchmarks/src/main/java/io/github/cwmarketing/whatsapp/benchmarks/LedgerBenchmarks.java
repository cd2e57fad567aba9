package io.github.cwmarketing.whatsapp.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cwmarketing.whatsapp.benchmarks.agent.LedgerSendAgent;
import io.github.cwmarketing.whatsapp.benchmarks.agent.WebhookDriverAgent;
import io.github.cwmarketing.whatsapp.benchmarks.agent.WebhookServerAgent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static io.github.cwmarketing.whatsapp.benchmarks.BenchmarkSuite.log;

/**
 * The ledger part of the suite (issue 12): camel-whatsapp-marketing without and with a {@code JdbcMessageLedger} on an
 * embedded PostgreSQL 17, side by side in one run, iterations alternating. Send: one phone number id offered 1,000
 * messages per second open-loop (paced by the component at that rate) against a 250 ms stub; the figure is the
 * median latency the ledger adds per message. Webhook: signed POSTs of 1 and 100 statuses, every status looked up and
 * recorded in the ledger, against the in-memory dedup store.
 */
final class LedgerBenchmarks {

    static final String NO_LEDGER = "no-ledger";
    static final String LEDGER = "ledger";
    static final List<String> WEBHOOK_VARIANTS = List.of("ours-signed", "ours-ledger");

    private final BenchmarkSuite.Settings settings;
    private final Path logDir;
    private final Map<String, Object> raw;
    private final Report report;
    private final BenchmarkSuite.WarmUp warmUp;
    private Child stub;

    LedgerBenchmarks(BenchmarkSuite.Settings settings, Path logDir, Map<String, Object> raw, Report report,
                     BenchmarkSuite.WarmUp warmUp) {
        this.settings = settings;
        this.logDir = logDir;
        this.raw = raw;
        this.report = report;
        this.warmUp = warmUp;
    }

    void run(Child stub, int stubPort) throws Exception {
        this.stub = stub;
        Path data = Files.createTempDirectory("bench-ledger-postgres");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data);
        if (settings.ledgerDurable) {
            // the embedded server's defaults skip flushing commits to disk; a production server flushes each one
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            log("Ledger: embedded PostgreSQL " + version(postgres) + " on port " + postgres.getPort()
                + " (its own processes), data in " + data + ", " + setting(postgres, "fsync") + " fsync, "
                + setting(postgres, "synchronous_commit") + " synchronous_commit");
            if (settings.ledgerParts.contains("send")) {
                send(stubPort, jdbcUrl(postgres, "ledger_send"));
            }
            if (settings.ledgerParts.contains("webhook")) {
                webhook(jdbcUrl(postgres, "ledger_webhook"));
            }
        } finally {
            deleteQuietly(data);
        }
    }

    private void send(int stubPort, String jdbcUrl) throws Exception {
        int latency = settings.ledgerLatency;
        int rate = settings.ledgerRate;
        try (Child agent = Child.start("ledger-send", LedgerSendAgent.class,
                settings.agentJvmOptions("ledger-send", logDir),
                List.of(String.valueOf(stubPort), jdbcUrl, String.valueOf(latency)), logDir)) {
            long timeout = TimeUnit.SECONDS.toMillis(settings.ledgerIterationSeconds + 180);
            for (String route : List.of(NO_LEDGER, LEDGER)) {
                warmUp.run("ledger send " + route, () -> {
                    Map<String, Object> result = agent.call("run route=" + route + " rate=" + rate + " latencyMs="
                                                            + latency + " durationMs="
                                                            + settings.warmupRoundSeconds * 1000, timeout);
                    BenchmarkSuite.check("warm-up " + route, result);
                    return number(result, "jitMillis") / 1000.0 / number(result, "seconds");
                });
            }
            Map<String, Series> series = new LinkedHashMap<>();
            series.put(NO_LEDGER, new Series());
            series.put(LEDGER, new Series());
            for (int i = 0; i < settings.ledgerIterations; i++) {
                List<String> order = i % 2 == 0 ? List.of(NO_LEDGER, LEDGER) : List.of(LEDGER, NO_LEDGER);
                for (String route : order) {
                    Map<String, Object> before = stub.call("stats", 10_000);
                    Map<String, Object> result = agent.call("run route=" + route + " rate=" + rate + " latencyMs="
                                                            + latency + " durationMs="
                                                            + settings.ledgerIterationSeconds * 1000, timeout);
                    Map<String, Object> after = stub.call("stats", 10_000);
                    result.put("stubNewConnections", number(after, "connections") - number(before, "connections"));
                    double requests = number(after, "requests") - number(before, "requests");
                    result.put("stubCpuMicrosPerRequest", requests == 0 ? null
                            : (number(after, "cpuNanos") - number(before, "cpuNanos")) / 1000.0 / requests);
                    series.get(route).add(result);
                    log(String.format("  %-9s iteration %d: %,6.0f msg/s (offered %,.0f), added p50 %.2f ms, p99 %.2f"
                                      + " ms, %.1f us CPU/msg, failed %s, lost %s", route, i + 1,
                            number(result, "messagesPerSecond"), number(result, "offeredPerSecond"),
                            number(result, "latency.p50Ms"), number(result, "latency.p99Ms"),
                            number(result, "cpuMicrosPerMessage"), result.get("failed"), result.get("lost")));
                    if (result.get("firstError") != null) {
                        log("    first error: " + result.get("firstError"));
                    }
                }
            }
            report.ledgerSend(series.get(NO_LEDGER), series.get(LEDGER));
            raw.put("ledger send", Map.of(NO_LEDGER, series.get(NO_LEDGER).runs, LEDGER, series.get(LEDGER).runs));
        }
    }

    private void webhook(String jdbcUrl) throws Exception {
        Map<String, Child> servers = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        try (Child driver = Child.start("ledger-webhook-driver", WebhookDriverAgent.class,
                settings.agentJvmOptions("ledger-webhook-driver", logDir), List.of(), logDir)) {
            for (String variant : WEBHOOK_VARIANTS) {
                int port = BenchmarkSuite.freePort();
                List<String> arguments = variant.equals("ours-ledger")
                        ? List.of(variant, String.valueOf(port), jdbcUrl) : List.of(variant, String.valueOf(port));
                servers.put(variant, Child.start("ledger-webhook-" + variant, WebhookServerAgent.class,
                        settings.agentJvmOptions("ledger-webhook-" + variant, logDir), arguments, logDir));
                ports.put(variant, port);
            }
            long timeout = TimeUnit.SECONDS.toMillis(settings.warmupRoundSeconds + 120);
            for (String variant : WEBHOOK_VARIANTS) {
                Child server = servers.get(variant);
                int[] round = { 0 };
                warmUp.run("ledger webhook " + variant, () -> {
                    int batch = settings.ledgerWebhookBatches.get(round[0]++ % settings.ledgerWebhookBatches.size());
                    server.call("mark", 10_000);
                    Map<String, Object> result = driver.call(post(ports.get(variant), batch,
                            settings.warmupRoundSeconds), timeout);
                    BenchmarkSuite.check("warm-up " + variant, result);
                    return number(server.call("stats", 10_000), "jitMillis") / 1000.0 / number(result, "seconds");
                });
            }
            Map<Integer, Map<String, Series>> byBatch = new LinkedHashMap<>();
            for (int batch : settings.ledgerWebhookBatches) {
                byBatch.put(batch, webhookScenario(driver, servers, ports, batch));
            }
            report.ledgerWebhook(byBatch);
        } finally {
            servers.values().forEach(Child::close);
        }
    }

    private Map<String, Series> webhookScenario(Child driver, Map<String, Child> servers, Map<String, Integer> ports,
                                                int batch) throws Exception {
        long timeout = TimeUnit.SECONDS.toMillis(settings.webhookIterationSeconds + 120);
        Map<String, Series> series = new LinkedHashMap<>();
        WEBHOOK_VARIANTS.forEach(variant -> series.put(variant, new Series()));
        for (String variant : WEBHOOK_VARIANTS) {
            BenchmarkSuite.check("settling " + variant, driver.call(post(ports.get(variant), batch,
                    settings.settleSeconds), timeout));
        }
        for (int i = 0; i < settings.webhookIterations; i++) {
            for (int k = 0; k < WEBHOOK_VARIANTS.size(); k++) {
                String variant = WEBHOOK_VARIANTS.get((i + k) % WEBHOOK_VARIANTS.size());
                Child server = servers.get(variant);
                server.call("mark", 10_000);
                Map<String, Object> result = driver.call(post(ports.get(variant), batch,
                        settings.webhookIterationSeconds), timeout);
                Map<String, Object> stats = server.call("stats", 10_000);
                double statuses = number(stats, "statuses");
                result.put("serverCpuMicrosPerStatus", statuses == 0 ? null
                        : number(stats, "cpuNanos") / 1000.0 / statuses);
                result.put("serverCpuCores", number(stats, "cpuNanos") / 1e9 / number(result, "seconds"));
                series.get(variant).add(result);
                log(String.format("  %-12s %3d per POST, iteration %d: %,8.0f statuses/s, ack p50 %.2f ms, p99 %.2f"
                                  + " ms, server %.1f us CPU/status, failed %s", variant, batch, i + 1,
                        number(result, "statusesPerSecond"), number(result, "latency.p50Ms"),
                        number(result, "latency.p99Ms"), number(result, "serverCpuMicrosPerStatus"),
                        result.get("failed")));
                if (result.get("firstError") != null) {
                    log("    first error: " + result.get("firstError"));
                }
            }
        }
        Map<String, Object> runs = new LinkedHashMap<>();
        series.forEach((variant, s) -> runs.put(variant, s.runs));
        raw.put("ledger webhook, " + batch + " per POST", runs);
        return series;
    }

    private String post(int port, int batch, long seconds) {
        return "post port=" + port + " path=" + WebhookServerAgent.PATH + " statuses=" + batch + " concurrency="
               + settings.webhookConcurrency + " durationMs=" + seconds * 1000;
    }

    /** A JDBC URL on the server's postgres database whose connections use a schema of their own, created now. */
    private static String jdbcUrl(EmbeddedPostgres postgres, String schema) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement statement = c.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        return postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
    }

    private static String version(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static String setting(EmbeddedPostgres postgres, String name) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement statement = c.createStatement();
             var rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double number(Map<String, Object> map, String path) {
        Double value = Series.number(map, path);
        return value == null ? Double.NaN : value;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
