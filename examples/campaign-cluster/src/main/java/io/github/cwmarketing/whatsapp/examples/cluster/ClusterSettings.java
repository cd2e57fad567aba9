package io.github.cwmarketing.whatsapp.examples.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How the cluster demo runs, from environment variables (all optional).
 *
 * @param recipients        CLUSTER_RECIPIENTS, default 20,000
 * @param instances         CLUSTER_INSTANCES, default 3
 * @param messagesPerSecond CLUSTER_MESSAGES_PER_SECOND, the number's tier at the sandbox and the shared pacing rate
 *                          of every instance; default 400
 * @param jdbcUrl           CLUSTER_JDBC_URL, a real PostgreSQL (user and password in the URL); default none: an
 *                          embedded PostgreSQL 17 under the work directory (then the database restart is part of the
 *                          demo; with a real database it is skipped)
 * @param killInstance      CLUSTER_KILL_INSTANCE, whether an instance is killed (SIGKILL) mid-run and started again;
 *                          default true
 * @param restartDatabase   CLUSTER_RESTART_DATABASE, whether the embedded PostgreSQL is stopped and started again
 *                          mid-run; default true
 * @param databaseDown      CLUSTER_DATABASE_DOWN_SECONDS, how long the database stays stopped before it is started
 *                          again; default 6 s: longer than the webhook's {@code webhookLedgerTimeout} (3 s), so that
 *                          status POSTs during the outage are answered 500 rather than held until it ends
 * @param lease             CLUSTER_LEASE_SECONDS, the ledger lease of each instance; default 10 s
 * @param resendUnknownAfter CLUSTER_RESEND_UNKNOWN_AFTER_SECONDS, the {@code resendUnknownOutcomeAfter} of the
 *                          instances: an unknown outcome (handed over by the killed instance, no answer) is sent again
 *                          when no status webhook came for it for that long; default 30 s, 0 = never (then unknown
 *                          outcomes stay reported as such)
 * @param timeout           CLUSTER_TIMEOUT_SECONDS, the longest the demo may run; default 300 s
 * @param campaign          CLUSTER_CAMPAIGN_ID, default {@code cluster-} and the start time (a fresh campaign per
 *                          run, also on a real database that keeps earlier runs)
 * @param workDirectory     CLUSTER_WORK_DIR, default {@code target/campaign-cluster}: the recipients file and the
 *                          embedded database's data
 * @param reportFile        CLUSTER_REPORT_FILE, default {@code campaign-report.html} in the work directory
 */
public record ClusterSettings(int recipients, int instances, int messagesPerSecond, String jdbcUrl,
                              boolean killInstance, boolean restartDatabase, Duration databaseDown,
                              Duration lease,
                              Duration resendUnknownAfter, Duration timeout,
                              String campaign, Path workDirectory, Path reportFile) {

    public static ClusterSettings fromEnvironment(Map<String, String> env) {
        Path workDirectory = Path.of(env.getOrDefault("CLUSTER_WORK_DIR", "target/campaign-cluster"));
        String report = env.get("CLUSTER_REPORT_FILE");
        ClusterSettings settings = new ClusterSettings(
                Integer.parseInt(env.getOrDefault("CLUSTER_RECIPIENTS", "20000")),
                Integer.parseInt(env.getOrDefault("CLUSTER_INSTANCES", "3")),
                Integer.parseInt(env.getOrDefault("CLUSTER_MESSAGES_PER_SECOND", "400")),
                blankToNull(env.get("CLUSTER_JDBC_URL")),
                Boolean.parseBoolean(env.getOrDefault("CLUSTER_KILL_INSTANCE", "true")),
                Boolean.parseBoolean(env.getOrDefault("CLUSTER_RESTART_DATABASE", "true")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CLUSTER_DATABASE_DOWN_SECONDS", "6"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CLUSTER_LEASE_SECONDS", "10"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CLUSTER_RESEND_UNKNOWN_AFTER_SECONDS", "30"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CLUSTER_TIMEOUT_SECONDS", "300"))),
                env.getOrDefault("CLUSTER_CAMPAIGN_ID", "cluster-" + Instant.now().getEpochSecond()),
                workDirectory,
                report == null || report.isBlank() ? workDirectory.resolve("campaign-report.html") : Path.of(report));
        settings.validate();
        return settings;
    }

    private void validate() {
        if (recipients < 1 || instances < 1 || messagesPerSecond < 1) {
            throw new IllegalArgumentException("CLUSTER_RECIPIENTS, CLUSTER_INSTANCES and CLUSTER_MESSAGES_PER_SECOND"
                                               + " must be at least 1");
        }
        if (killInstance && instances < 2) {
            throw new IllegalArgumentException("Killing an instance needs at least 2 (CLUSTER_INSTANCES)");
        }
    }

    /** Whether the demo restarts the database: only its own embedded one. */
    public boolean restartsDatabase() {
        return restartDatabase && jdbcUrl == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
