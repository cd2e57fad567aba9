package io.github.cwmarketing.whatsapp.examples.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster demo end to end, as the README command runs it but with fewer recipients: three instances (JVMs) on one
 * embedded PostgreSQL, one of them killed with SIGKILL and started again, the database stopped and started again,
 * every check of the coordinator passing, the report printed and written, no instance left running.
 */
class ClusterDemoTest {

    @Test
    void threeInstancesSendEveryRecipientOnceThroughAKillAndADatabaseRestart() throws Exception {
        Path work = Path.of("target/cluster-demo-test");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ClusterSettings settings = ClusterSettings.fromEnvironment(Map.of(
                "CLUSTER_RECIPIENTS", "3000", "CLUSTER_MESSAGES_PER_SECOND", "150", "CLUSTER_TIMEOUT_SECONDS", "150",
                "CLUSTER_RESEND_UNKNOWN_AFTER_SECONDS", "15", "CLUSTER_CAMPAIGN_ID", "cluster-test",
                "CLUSTER_WORK_DIR", work.toString()));

        ClusterChecks checks = ClusterCoordinator.run(settings,
                new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(checks.checks()).extracting(ClusterChecks.Check::name).containsExactlyInAnyOrder(
                "killed with SIGKILL", "every partition completed", "one message per recipient",
                "every status recorded once", "rate within +5 % of the limit", "the database outage seen and survived");
        assertThat(checks.checks()).allSatisfy(check -> assertThat(check.passed()).as(printed).isTrue());
        assertThat(printed).contains("Killing instance-1 with SIGKILL", "instance-1 started again",
                "Database started again after an outage", "===== Cluster campaign report",
                "CLUSTER CHECKS PASSED");
        assertThat(printed).containsPattern("Messages +3000");
        assertThat(printed).as("phone numbers stay out of the output").doesNotContain("+49151", "49151");
        assertThat(Files.readString(work.resolve("campaign-report.html")))
                .contains("<span id=\"campaign\">cluster-test</span>");
        assertThat(runningInstances()).as("no instance JVM left running").isEmpty();
    }

    @Test
    void theBusiestWindowCountsTheMostInstantsWithinItsWidth() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> instants = List.of(start, start.plusMillis(500), start.plusMillis(999), start.plusMillis(1000),
                start.plusMillis(1500), start.plusMillis(1600), start.plusMillis(1700));

        assertThat(ClusterChecks.busiestWindow(instants, Duration.ofSeconds(1))).isEqualTo(5);
        assertThat(ClusterChecks.busiestWindow(instants, Duration.ofMillis(100))).as("999 and 1000 ms").isEqualTo(2);
        assertThat(ClusterChecks.busiestWindow(instants, Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ClusterChecks.busiestWindow(List.of(), Duration.ofSeconds(1))).isZero();
    }

    private static List<ProcessHandle> runningInstances() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(ClusterInstance.class.getName()))
                .toList();
    }
}
