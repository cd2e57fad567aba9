package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Plays Meta: POSTs signed status webhooks to one receiver on loopback, closed-loop with a fixed number in flight (each
 * of {@code concurrency} senders posts the next webhook as soon as the previous one is acknowledged), from its own JVM
 * on one Vert.x event loop. Each body is new (unique message ids) and signed when it is built.
 */
public final class WebhookDriverAgent {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final Context eventLoop = vertx.getOrCreateContext();
    private final StatusWebhooks webhooks = new StatusWebhooks(
            UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase());
    private HttpClient client;
    private int clientConcurrency;

    public static void main(String[] args) throws Exception {
        WebhookDriverAgent agent = new WebhookDriverAgent();
        AgentLoop.ready(Map.of());
        AgentLoop.serve(agent::command);
        agent.vertx.close();
    }

    private Map<String, Object> command(String command, Map<String, String> arguments) throws Exception {
        if (!"post".equals(command)) {
            throw new IllegalArgumentException("Unknown command " + command);
        }
        return run(AgentLoop.intArg(arguments, "port", 0), AgentLoop.arg(arguments, "path"),
                AgentLoop.intArg(arguments, "statuses", 1), AgentLoop.intArg(arguments, "concurrency", 32),
                AgentLoop.longArg(arguments, "durationMs", 5000));
    }

    private HttpClient client(int concurrency) {
        if (client == null || clientConcurrency != concurrency) {
            if (client != null) {
                client.close();
            }
            client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                    .setMaxInitialLineLength(8192), new PoolOptions().setHttp1MaxSize(concurrency));
            clientConcurrency = concurrency;
        }
        return client;
    }

    private Map<String, Object> run(int port, String path, int statuses, int concurrency, long durationMs)
            throws Exception {
        Run run = new Run(client(concurrency), port, path, statuses, concurrency, durationMs);
        CompletableFuture<Void> done = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> run.start(done));
        long waitMs = durationMs + TimeUnit.SECONDS.toMillis(60);
        done.get(waitMs, TimeUnit.MILLISECONDS);
        return run.result();
    }

    /** One closed-loop run; everything but result() runs on the event loop. */
    private final class Run {
        private final HttpClient client;
        private final String host = "127.0.0.1";
        private final int port;
        private final String path;
        private final int statuses;
        private final int concurrency;
        private final long durationNanos;
        private final LatencyRecorder latencies = new LatencyRecorder();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private CompletableFuture<Void> done;
        private long start;
        private long end;
        private long cpuBefore;
        private long cpuAfter;
        private long elapsed;
        private int outstanding;
        private long acknowledged;
        private long rejected;
        private long failed;
        private int bodyBytes;

        Run(HttpClient client, int port, String path, int statuses, int concurrency, long durationMs) {
            this.client = client;
            this.port = port;
            this.path = path;
            this.statuses = statuses;
            this.concurrency = concurrency;
            this.durationNanos = TimeUnit.MILLISECONDS.toNanos(durationMs);
        }

        void start(CompletableFuture<Void> done) {
            this.done = done;
            cpuBefore = ProcessMetrics.cpuNanos();
            start = System.nanoTime();
            end = start + durationNanos;
            vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(durationNanos), timer -> {
                cpuAfter = ProcessMetrics.cpuNanos();
                elapsed = System.nanoTime() - start;
            });
            for (int i = 0; i < concurrency; i++) {
                postNext();
            }
        }

        private void postNext() {
            if (System.nanoTime() >= end) {
                if (outstanding == 0) {
                    if (cpuAfter == 0) {
                        cpuAfter = ProcessMetrics.cpuNanos();
                        elapsed = System.nanoTime() - start;
                    }
                    done.complete(null);
                }
                return;
            }
            byte[] body = webhooks.next(statuses);
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                    .setURI(path).setTimeout(30_000)
                    .putHeader("content-type", "application/json")
                    .putHeader("user-agent", "facebookexternalua")
                    .putHeader("x-hub-signature-256", webhooks.sign(body));
            bodyBytes = body.length;
            outstanding++;
            long sentAt = System.nanoTime();
            client.request(request)
                    .compose(req -> req.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(outcome -> {
                        long now = System.nanoTime();
                        outstanding--;
                        if (now <= end) {
                            if (outcome.failed()) {
                                failed++;
                                firstError.compareAndSet(null, String.valueOf(outcome.cause()));
                            } else if (outcome.result() == 200) {
                                acknowledged++;
                                latencies.recordNanos(now - sentAt);
                            } else {
                                rejected++;
                                firstError.compareAndSet(null, "HTTP " + outcome.result());
                            }
                        }
                        postNext();
                    });
        }

        Map<String, Object> result() {
            double seconds = elapsed / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("acknowledged", acknowledged);
            result.put("rejected", rejected);
            result.put("failed", failed);
            result.put("firstError", firstError.get());
            result.put("seconds", seconds);
            result.put("postsPerSecond", acknowledged / seconds);
            result.put("statusesPerSecond", acknowledged * statuses / seconds);
            result.put("bodyBytes", bodyBytes);
            result.put("driverCpuCores", (double) (cpuAfter - cpuBefore) / elapsed);
            result.put("latency", latencies.summary(0));
            return result;
        }
    }
}
