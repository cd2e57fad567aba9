package io.github.cwmarketing.whatsapp.examples.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.report.CampaignReportPage;
import io.github.cwmarketing.whatsapp.sandbox.Scenarios;
import io.github.cwmarketing.whatsapp.sandbox.SentMessage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;

/**
 * The cluster demo: one PostgreSQL (embedded, or CLUSTER_JDBC_URL), the Graph API sandbox with the number's
 * throughput tier, and N instances of the same Camel application ({@link ClusterInstance}) as separate JVMs sharing
 * the ledger, the webhook deduplication and the pacing of the number through that database. The sandbox plays the
 * load balancer in front of the instances' webhooks (round robin, retries to the next instance). Mid-campaign one
 * instance is killed with SIGKILL and started again, and the database is stopped and started again; at the end the
 * run is checked ({@link ClusterChecks}), the ledger's report printed and written as an HTML page. Exits 1 when a
 * check fails.
 */
public final class ClusterCoordinator {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration INSTANCE_START_TIMEOUT = Duration.ofSeconds(60);
    private static final int WEBHOOK_ATTEMPTS = 10;
    private static final Duration WEBHOOK_FIRST_RETRY = Duration.ofMillis(250);
    /** The ledger's stage codes (whatsapp_message.stage, documented in its schema script). */
    private static final String[] STAGES = {"claimed", "handed over", "accepted", "rejected", "not sent",
        "unknown outcome", "suppressed"};

    private final ClusterSettings settings;
    private final PrintStream console;
    private final ClusterChecks checks = new ClusterChecks();
    private final List<InstanceProcess> instances = new ArrayList<>();
    private Instant lastProgress = Instant.now();
    private String jdbcUrl;
    private int retriesAtDatabaseStop = -1;
    /** Statuses the webhooks acknowledged while the database was down (each would be a status not recorded). */
    private int acknowledgedDuringOutage;

    private ClusterCoordinator(ClusterSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    public static void main(String[] args) throws Exception {
        ClusterChecks result = run(ClusterSettings.fromEnvironment(System.getenv()), System.out);
        System.exit(result.passed() ? 0 : 1);
    }

    /** Runs the demo to its end and returns its checks. */
    static ClusterChecks run(ClusterSettings settings, PrintStream console) throws Exception {
        return new ClusterCoordinator(settings, console).run();
    }

    private ClusterChecks run() throws Exception {
        Files.createDirectories(settings.workDirectory());
        Path recipients = RecipientsFile.write(settings.workDirectory().resolve("recipients.csv"),
                settings.recipients());
        Thread killChildren = new Thread(() -> instances.forEach(InstanceProcess::killIfAlive),
                "cluster-kill-children");
        Runtime.getRuntime().addShutdownHook(killChildren);
        EmbeddedDatabase embedded = settings.jdbcUrl() == null
                ? EmbeddedDatabase.start(settings.workDirectory().resolve("postgres")) : null;
        WhatsAppSandbox sandbox = null;
        try {
            jdbcUrl = embedded != null ? embedded.jdbcUrl() : settings.jdbcUrl();
            console.println("PostgreSQL: " + (embedded != null ? "embedded PostgreSQL 17 (" + jdbcUrl + ")"
                                                             : "CLUSTER_JDBC_URL"));
            boolean measured;
            try (HikariDataSource database = pool(jdbcUrl)) {
                measured = DatabaseWork.reset(database);
            }
            List<Integer> webhookPorts = new ArrayList<>();
            for (int index = 0; index < settings.instances(); index++) {
                webhookPorts.add(FreePorts.next());
            }
            sandbox = sandbox(webhookPorts.stream().map(InstanceSettings::webhookUrl).toList()).start();
            startInstances(webhookPorts, jdbcUrl, recipients, sandbox);
            Instant startedAt = Instant.now();
            campaign(sandbox, embedded);
            Duration elapsed = Duration.between(startedAt, Instant.now());
            CampaignReport report = report(jdbcUrl);
            verify(sandbox, jdbcUrl, startedAt, report);
            print(report, elapsed, sandbox, measured);
        } finally {
            instances.forEach(InstanceProcess::stop);
            if (sandbox != null) {
                sandbox.stop();
            }
            if (embedded != null) {
                embedded.close();
            }
            Runtime.getRuntime().removeShutdownHook(killChildren);
        }
        return checks;
    }

    /**
     * The number at its tier, the load balancer in front of the instances' webhooks, and enough webhook attempts
     * (10, from 250 ms doubling: about 2 minutes) to outlive an instance restart and a database restart. Recipients
     * ending in 9 get the default scenario instead of 131049: that failed status comes without {@code sent}, so
     * without the callback data that resolves an unknown outcome, and the demo shows unknown outcomes resolved.
     */
    private WhatsAppSandbox sandbox(List<URI> webhookUrls) {
        return WhatsAppSandbox.builder()
                .messagesPerSecond(settings.messagesPerSecond())
                .statusDelay(Duration.ofMillis(300))
                .statusesPerCallback(100)
                .callbackUrls(webhookUrls)
                .callbackMaxAttempts(WEBHOOK_ATTEMPTS)
                .callbackRetryBackoff(WEBHOOK_FIRST_RETRY)
                .scenario(9, Scenarios.READ)
                // the component's requests are checked against Meta's schema by its own tests; here the CPU goes to
                // the cluster
                .schemaValidation(false)
                .build();
    }

    private void startInstances(List<Integer> webhookPorts, String jdbcUrl, Path recipients, WhatsAppSandbox sandbox)
            throws Exception {
        for (int index = 0; index < webhookPorts.size(); index++) {
            InstanceSettings instance = new InstanceSettings(index, webhookPorts.size(), webhookPorts.get(index),
                    jdbcUrl, sandbox.baseUri(), sandbox.phoneNumberId(), sandbox.accessToken(), sandbox.appSecret(),
                    settings.campaign(), recipients, settings.messagesPerSecond(), settings.lease(),
                    settings.resendUnknownAfter(), settings.timeout());
            InstanceProcess process = new InstanceProcess(instance, console::println);
            instances.add(process);
            process.start();
        }
        for (InstanceProcess process : instances) {
            if (!process.awaitReady(INSTANCE_START_TIMEOUT)) {
                throw new IllegalStateException(process.name() + " did not start within " + INSTANCE_START_TIMEOUT);
            }
        }
        console.println(instances.size() + " instances started, campaign " + settings.campaign() + ": "
                        + settings.recipients() + " recipients at " + settings.messagesPerSecond() + " messages/s");
    }

    /** The campaign with its incidents: the kill at a third, the database restart at two thirds, then the end. */
    private void campaign(WhatsAppSandbox sandbox, EmbeddedDatabase embedded) throws Exception {
        Instant deadline = Instant.now().plus(settings.timeout());
        IntSupplier sent = () -> sandbox.sentMessages().size();
        if (settings.killInstance()) {
            awaitSent(sandbox, settings.recipients() / 3, deadline);
            killAndRestart(instances.get(1), sent);
        }
        if (settings.restartsDatabase()) {
            awaitSent(sandbox, settings.recipients() * 2 / 3, deadline);
            console.println("Stopping the database at " + sent.getAsInt() + " messages sent");
            retriesAtDatabaseStop = sandbox.webhookRetries();
            int deliveredAtStop = sandbox.deliveredStatuses().size();
            // down at least databaseDown, and until a status POST was refused (a webhook saw the outage)
            Duration outage = embedded.restart(settings.databaseDown(),
                    () -> sandbox.webhookRetries() > retriesAtDatabaseStop);
            acknowledgedDuringOutage = sandbox.deliveredStatuses().size() - deliveredAtStop;
            console.println("Database started again after an outage of " + outage.toMillis() + " ms");
        }
        boolean complete = true;
        for (InstanceProcess process : instances) {
            complete &= process.awaitPartition(remaining(deadline));
        }
        checks.add("every partition completed", complete, complete ? "each instance finished its partition"
                : "an instance did not finish its partition in time");
        if (retriesAtDatabaseStop >= 0) {
            int redelivered = sandbox.webhookRetries() - retriesAtDatabaseStop;
            int failedTyped = instances.stream().mapToInt(InstanceProcess::storeFailures).sum();
            // a status POST during the outage must be refused and re-delivered; when none was due (a starved sandbox
            // may have had nothing to post), none may have been acknowledged either
            boolean webhooksHeld = redelivered > 0 || acknowledgedDuringOutage == 0;
            checks.add("the database outage seen and survived", webhooksHeld && failedTyped > 0,
                    failedTyped + " sends failed typed (ledger or pacing exception, nothing sent) and were sent by a"
                    + " later pass; " + redelivered + " webhook POSTs re-delivered since the database stop (answered"
                    + " non-2xx while the ledger could not record them); " + acknowledgedDuringOutage
                    + " statuses acknowledged during the outage");
        }
        long expected = expectedStatuses(sandbox);
        while (sandbox.deliveredStatuses().size() < expected && Instant.now().isBefore(deadline)) {
            progress(sandbox);
            Thread.sleep(POLL.toMillis());
        }
    }

    private void killAndRestart(InstanceProcess victim, IntSupplier sent) throws Exception {
        console.println("Killing " + victim.name() + " with SIGKILL at " + sent.getAsInt() + " messages sent");
        int exitCode = victim.kill();
        console.println("Ledger stages at the kill: " + stages());
        checks.add("killed with SIGKILL", exitCode == InstanceProcess.SIGKILL_EXIT_CODE,
                victim.name() + " exit code " + exitCode + " (128 + 9 = SIGKILL)");
        victim.start();
        boolean ready = victim.awaitReady(INSTANCE_START_TIMEOUT);
        console.println("Ledger stages at the restart: " + stages());
        console.println(victim.name() + (ready ? " started again, re-running its partition" : " did not start again"));
    }

    /** The campaign's rows by ledger stage. */
    private String stages() throws SQLException {
        try (HikariDataSource database = pool(jdbcUrl);
             Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT stage, count(*) FROM whatsapp_message WHERE campaign = ? GROUP BY stage ORDER BY 1")) {
            query.setString(1, settings.campaign());
            StringBuilder text = new StringBuilder();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    int stage = result.getInt(1);
                    text.append(stage < STAGES.length ? STAGES[stage] : "stage " + stage).append(' ')
                            .append(result.getLong(2)).append("; ");
                }
            }
            return text.toString();
        }
    }

    private void awaitSent(WhatsAppSandbox sandbox, int count, Instant deadline) throws InterruptedException {
        while (sandbox.sentMessages().size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Only " + sandbox.sentMessages().size() + " messages sent in time");
            }
            progress(sandbox);
            Thread.sleep(POLL.toMillis());
        }
    }

    private void progress(WhatsAppSandbox sandbox) {
        if (Duration.between(lastProgress, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
            lastProgress = Instant.now();
            console.println("[sandbox] " + sandbox.sentMessages().size() + " messages accepted, "
                            + sandbox.refusedSends().size() + " refused, " + sandbox.deliveredStatuses().size()
                            + " statuses delivered, " + sandbox.webhookRetries() + " webhook re-deliveries");
        }
    }

    /** The statuses the sandbox's scenarios play for the messages it accepted. */
    private static long expectedStatuses(WhatsAppSandbox sandbox) {
        Scenarios scenarios = sandbox.settings().scenarios();
        return sandbox.sentMessages().stream().map(SentMessage::recipient)
                .mapToLong(recipient -> scenarios.forRecipient(recipient).steps().size()).sum();
    }

    private CampaignReport report(String jdbcUrl) throws Exception {
        try (HikariDataSource database = pool(jdbcUrl)) {
            JdbcMessageLedger ledger = new JdbcMessageLedger(database);
            ledger.start();
            try {
                return ledger.flush().thenCompose(done -> ledger.campaignReport(settings.campaign()))
                        .toCompletableFuture().join();
            } finally {
                ledger.stop();
            }
        }
    }

    private void verify(WhatsAppSandbox sandbox, String jdbcUrl, Instant startedAt, CampaignReport report)
            throws Exception {
        try (HikariDataSource database = pool(jdbcUrl)) {
            checks.exactlyOncePerRecipient(sandbox, database, settings.campaign(), settings.recipients(), report);
            checks.everyStatusRecordedOnce(sandbox, database, startedAt.minusSeconds(5), expectedStatuses(sandbox));
            checks.rateWithinLimit(sandbox, database, settings.campaign(), settings.messagesPerSecond());
        }
        Files.writeString(settings.workDirectory().resolve("rate.csv"), ClusterChecks.timeline(sandbox));
    }

    private void print(CampaignReport report, Duration elapsed, WhatsAppSandbox sandbox, boolean measured)
            throws Exception {
        console.println();
        console.println("===== Cluster campaign report (from the shared ledger) =====");
        console.print(report.render());
        Path page = new CampaignReportPage().write(report, settings.reportFile());
        console.println("HTML report: " + page.toAbsolutePath());
        console.println(String.format("Campaign: %d instances, %d messages accepted in %.1f s (%.1f/s for the cluster)",
                settings.instances(), sandbox.sentMessages().size(), elapsed.toMillis() / 1000.0,
                sandbox.sentMessages().size() * 1000.0 / Math.max(1, elapsed.toMillis())));
        console.println("Attempts per second at the sandbox: "
                        + settings.workDirectory().resolve("rate.csv").toAbsolutePath());
        if (measured) {
            console.println("Database work (pg_stat_statements, from the start of the run):");
            try (HikariDataSource database = pool(jdbcUrl)) {
                DatabaseWork.describe(database, sandbox.sentMessages().size()).forEach(console::println);
            }
        }
        console.println("===== Checks =====");
        checks.checks().forEach(check -> console.println(check.render()));
        console.println(checks.passed() ? "CLUSTER CHECKS PASSED" : "CLUSTER CHECKS FAILED");
    }

    private static HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(6);
        config.setPoolName("cluster-coordinator");
        return new HikariDataSource(config);
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
