package io.github.cwmarketing.whatsapp.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's {@code chromium} package, or the binary in {@code CHROMIUM_BIN}) driven over the
 * DevTools protocol: started with a fresh profile and a DevTools port on loopback, closed with its child processes.
 * Absent, a test using it fails when {@code CI=true} (CI must run it; {@code .ci/run} installs chromium) and is
 * skipped otherwise.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The flags this machine needs (no sandbox as root, no GPU, nothing fetched from the network). */
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", "--window-size=1280,900");

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://([^/\\s]+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final String hostAndPort;
    private final Deque<String> lastErrorLines;

    private HeadlessChromium(Process process, Path profile, String hostAndPort, Deque<String> lastErrorLines) {
        this.process = process;
        this.profile = profile;
        this.hostAndPort = hostAndPort;
        this.lastErrorLines = lastErrorLines;
    }

    /** The chromium binary: {@code CHROMIUM_BIN}, else {@code chromium} on the PATH. */
    public static Optional<Path> executable() {
        String configured = System.getenv("CHROMIUM_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, "chromium"))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts chromium; without it, fails the test in CI ({@code CI=true}) and skips it elsewhere, saying how to
     * install it.
     */
    public static HeadlessChromium startOrSkip() throws IOException {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            String missing = "No chromium found (PATH or CHROMIUM_BIN): install Debian's package with"
                             + " 'apt-get install -y chromium' to run the report page in a real browser";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing + " (CI=true: this test must run in CI)");
            }
            Assumptions.abort(missing + " (skipped: not in CI)");
        }
        return start(executable.get());
    }

    public static HeadlessChromium start(Path executable) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> readErrors(process, lastLines, endpoint), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            String hostAndPort = endpoint.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            return new HeadlessChromium(process, profile, hostAndPort, lastLines);
        } catch (Exception e) {
            stop(process);
            deleteQuietly(profile);
            throw new IllegalStateException("chromium did not open its DevTools port within " + STARTUP + "; its"
                                            + " last lines: " + String.join("\n", snapshot(lastLines)), e);
        }
    }

    private static void readErrors(Process process, Deque<String> lastLines, CompletableFuture<String> endpoint) {
        try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = errors.readLine()) != null) {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    endpoint.complete(listening.group(1));
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            endpoint.completeExceptionally(new IllegalStateException("chromium closed its standard error"));
        }
    }

    private static List<String> snapshot(Deque<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The page chromium opened at start, as a DevTools session. */
    public DevToolsPage page() throws Exception {
        HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + hostAndPort + "/json/list")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(targets.body())) {
            if ("page".equals(target.path("type").asText())) {
                return DevToolsPage.connect(URI.create(target.path("webSocketDebuggerUrl").asText()));
            }
        }
        throw new IllegalStateException("chromium has no page target: " + targets.body());
    }

    /** The last lines chromium wrote to its standard error (for a failure message). */
    public List<String> lastErrorLines() {
        return snapshot(lastErrorLines);
    }

    @Override
    public void close() {
        stop(process);
        deleteQuietly(profile);
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile; the OS cleans up what is left
        }
    }
}
