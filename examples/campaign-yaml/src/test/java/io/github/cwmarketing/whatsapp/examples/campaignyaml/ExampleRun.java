package io.github.cwmarketing.whatsapp.examples.campaignyaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxBean;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Registry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of the example as a user starts it: Camel's own Main with the example's properties and YAML, on free
 * ports, writing into its own folder; optionally a Camel Main profile and more properties. The sandbox the YAML
 * starts is kept once Camel started, so what it received can be read after the run ended.
 */
final class ExampleRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Main main = new Main();
    private final Path output;
    private final int managementPort = freePort();
    private final CompletableFuture<Void> run;
    private final CompletableFuture<WhatsAppSandbox> sandbox = new CompletableFuture<>();
    private final Set<DataSource> dataSources = ConcurrentHashMap.newKeySet();

    private ExampleRun(Path output, String profile, Map<String, String> properties) {
        this.output = output;
        if (profile != null) {
            main.configure().setProfile(profile);
        }
        main.addOverrideProperty("sandbox.port", Integer.toString(freePort()));
        main.addOverrideProperty("camel.server.port", Integer.toString(freePort()));
        main.addOverrideProperty("camel.management.port", Integer.toString(managementPort));
        main.addOverrideProperty("campaign.output", output.toString());
        main.addOverrideProperty("campaign.report-quiet-ms", "500");
        main.addOverrideProperty("camel.main.durationMaxIdleSeconds", "3");
        properties.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                Registry registry = started.getCamelContext().getRegistry();
                sandbox.complete(registry.lookupByNameAndType("whatsappSandbox", WhatsAppSandboxBean.class).sandbox());
                dataSources.addAll(registry.findByType(DataSource.class));
            }
        });
        run = CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The example as it ships (the default profile), into {@code output}. */
    static ExampleRun start(Path output) {
        return new ExampleRun(output, null, Map.of());
    }

    /** The example with a Camel Main profile and these properties (as -D options would give them). */
    static ExampleRun start(Path output, String profile, Map<String, String> properties) {
        return new ExampleRun(output, profile, properties);
    }

    /** The sandbox of this run, once Camel started. */
    WhatsAppSandbox sandbox() throws Exception {
        return sandbox.get(60, TimeUnit.SECONDS);
    }

    /** Waits until statuses.jsonl has {@code count} JSON lines (the run must not have ended before). */
    List<JsonNode> awaitStatuses(int count) throws Exception {
        Path file = output.resolve("statuses.jsonl");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline && !run.isDone()) {
            lines = statusLines(file);
            if (lines.size() >= count) {
                return lines.stream().map(ExampleRun::parse).toList();
            }
            Thread.sleep(100);
        }
        if (run.isDone()) {
            run.join(); // the run's own failure, if it failed
        }
        throw new AssertionError("statuses.jsonl has " + lines.size() + " of " + count + " lines; run ended: "
                                 + run.isDone());
    }

    /**
     * Waits until the run ended by itself; then every status it wrote. The connection pools its properties made are
     * closed then, as the end of the JVM closes them for a user (Camel Main does not close a bean it bound).
     */
    List<JsonNode> awaitEnd() throws Exception {
        try {
            run.get(60, TimeUnit.SECONDS);
        } finally {
            for (DataSource dataSource : dataSources) {
                if (dataSource instanceof AutoCloseable pool) {
                    pool.close();
                }
            }
        }
        return statusLines(output.resolve("statuses.jsonl")).stream().map(ExampleRun::parse).toList();
    }

    /** The campaign report the run wrote (report.txt). */
    String report() throws IOException {
        Path report = output.resolve("report.txt");
        assertThat(report).as("the campaign report").exists();
        return Files.readString(report);
    }

    /** The HTML page of the campaign report the run wrote (report.html). */
    String reportPage() throws IOException {
        Path page = output.resolve("report.html");
        assertThat(page).as("the campaign report's page").exists();
        return Files.readString(page);
    }

    /** The Prometheus scrape of camel-main's management server, while the run goes on. */
    String scrapeMetrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + managementPort + "/observe/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<String> statusLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not one JSON status per line: " + line, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
