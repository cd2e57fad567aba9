package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's first screen: starting the sandbox (which compiles Meta's schema) logs no warning. In a JVM of its own,
 * since networknt warns about an unknown keyword only once per JVM.
 */
class SandboxStartupLogTest {

    private static final String READY = "WhatsApp Marketing Messages sandbox running";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void startingTheSandboxLogsNoWarning() throws Exception {
        Path log = Files.createTempFile("sandbox-startup", ".log");
        Process sandbox = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                WhatsAppSandboxMain.class.getName(), "--port", "0")
                .redirectError(log.toFile())
                .start();
        try {
            List<String> banner = CompletableFuture.supplyAsync(() -> readUntilReady(sandbox))
                    .get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(banner).as("stdout").anySatisfy(line -> assertThat(line).startsWith(READY));
        } finally {
            sandbox.destroy();
            assertThat(sandbox.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        List<String> logged = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.delete(log);

        assertThat(logged).as("the sandbox's log").isNotEmpty()
                .noneSatisfy(line -> assertThat(line).containsAnyOf(" WARN ", " ERROR ", "Unknown keyword"));
    }

    private static List<String> readUntilReady(Process sandbox) {
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith(READY)) {
                    return lines;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("The sandbox ended before it was ready: " + lines);
    }
}
