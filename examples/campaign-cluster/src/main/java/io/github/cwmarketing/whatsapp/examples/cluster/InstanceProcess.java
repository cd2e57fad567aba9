package io.github.cwmarketing.whatsapp.examples.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * One instance's JVM, started with the coordinator's own java binary and class path, bounded memory, its settings in
 * the environment; its output is printed with its name. Killed with SIGKILL ({@link #kill()}) or stopped gracefully.
 */
final class InstanceProcess {

    /** 128 + 9: the exit code of a process that SIGKILL ended. */
    static final int SIGKILL_EXIT_CODE = 137;
    private static final String HEAP = "-Xmx256m";

    private final InstanceSettings settings;
    private final Consumer<String> console;
    private volatile Process process;
    private volatile CountDownLatch ready;
    private volatile CountDownLatch partitionDone;
    private volatile boolean partitionComplete;
    private final AtomicInteger storeFailures = new AtomicInteger();

    InstanceProcess(InstanceSettings settings, Consumer<String> console) {
        this.settings = settings;
        this.console = console;
    }

    String name() {
        return "instance-" + settings.index();
    }

    /** Starts (or starts again) the JVM. */
    synchronized void start() throws IOException {
        CountDownLatch startedReady = new CountDownLatch(1);
        CountDownLatch startedDone = new CountDownLatch(1);
        ready = startedReady;
        partitionDone = startedDone;
        partitionComplete = false;
        List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ClusterInstance.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(settings.toEnvironment());
        process = builder.start();
        Process started = process;
        Thread pump = new Thread(() -> pump(started, startedReady, startedDone), name() + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the current JVM finished its partition; true when it completed it. */
    boolean awaitPartition(Duration timeout) throws InterruptedException {
        return partitionDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && partitionComplete;
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux); returns the exit code once it is gone. */
    synchronized int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM (a graceful stop), SIGKILL when it is not gone within 10 s. Idempotent. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** For the shutdown hook: kills the JVM at once if it still runs. */
    void killIfAlive() {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroyForcibly();
        }
    }

    /** Prints a JVM's output and follows its markers (the latches of that JVM, not of a later one). */
    private void pump(Process source, CountDownLatch sourceReady, CountDownLatch sourceDone) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                onLine(line, sourceReady, sourceDone);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The sends that failed typed because the ledger or the pacing database could not be reached, all JVMs. */
    int storeFailures() {
        return storeFailures.get();
    }

    private void onLine(String line, CountDownLatch sourceReady, CountDownLatch sourceDone) {
        Matcher failures = PassOutcomes.STORE_FAILURES.matcher(line);
        if (line.startsWith(ClusterInstance.PASS) && failures.find()) {
            storeFailures.addAndGet(Integer.parseInt(failures.group(1)));
        }
        if (line.equals(ClusterInstance.READY)) {
            sourceReady.countDown();
        } else if (line.startsWith(ClusterInstance.PARTITION_DONE)
                   || line.startsWith(ClusterInstance.PARTITION_INCOMPLETE)) {
            if (sourceDone == partitionDone) {
                partitionComplete = line.startsWith(ClusterInstance.PARTITION_DONE);
            }
            sourceDone.countDown();
        }
        console.accept("[" + name() + "] " + line);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
