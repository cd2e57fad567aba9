package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PfxOptions;

/**
 * The Graph API on loopback, in its own JVM so that it costs the clients nothing: answers
 * {@code POST /lat<ms>/<version>/<phone-number-id>/(marketing_messages|messages)} with Meta's success response after
 * {@code <ms>} milliseconds, scheduled on the event loop (no thread sleeps). One Vert.x event loop; HTTP/1.1 with
 * keep-alive, and HTTP/2 for clients that ask (h2c upgrade or prior knowledge) with up to {@code maxStreams} concurrent
 * streams per connection. With a key store ({@link TlsCertificate}) it serves TLS instead, HTTP/2 chosen by ALPN
 * (HTTP/1.1 for clients without it), as the real Graph API does. Counts the most streams one connection carried.
 *
 * <p>Records the arrival time of every request to one phone number id on demand, to check pacing where it matters: at
 * the server.
 */
public final class GraphApiStubServer {

    private static final String USAGE = "{\"102290129340398\":[{\"type\":\"whatsapp\",\"call_count\":1,"
                                        + "\"total_cputime\":1,\"total_time\":1,\"estimated_time_to_regain_access\":0}]}";
    private static final int MAX_ARRIVALS = 1 << 20;

    private final Vertx vertx;
    private final LongAdder requests = new LongAdder();
    private final LongAdder http2Requests = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder notFound = new LongAdder();
    private final Map<io.vertx.core.http.HttpConnection, AtomicInteger> openStreams =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger maxStreams = new AtomicInteger();
    private final long[] arrivals = new long[MAX_ARRIVALS];
    private final AtomicInteger arrivalCount = new AtomicInteger();
    private volatile String recordedPhone;
    private long messageCounter;

    private GraphApiStubServer(Vertx vertx) {
        this.vertx = vertx;
    }

    public static void main(String[] args) throws Exception {
        int maxStreams = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String keyStore = args.length > 1 ? args[1] : null;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        GraphApiStubServer stub = new GraphApiStubServer(vertx);
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1").setPort(0)
                .setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(keyStore == null)
                .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(maxStreams));
        if (keyStore != null) {
            options.setSsl(true).setUseAlpn(true)
                    .setKeyCertOptions(new PfxOptions().setPath(keyStore).setPassword(TlsCertificate.PASSWORD));
        }
        HttpServer server = vertx.createHttpServer(options);
        server.connectionHandler(connection -> {
            stub.connections.increment();
            connection.closeHandler(closed -> stub.openStreams.remove(connection));
        });
        server.requestHandler(stub::handle);
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        AgentLoop.ready(Map.of("port", server.actualPort()));
        AgentLoop.serve(stub::command);
        vertx.close();
    }

    private void handle(HttpServerRequest request) {
        long arrival = System.nanoTime();
        String path = request.path();
        // /lat<ms>/<version>/<phone>/<operation>
        String[] segments = path.split("/");
        if (segments.length != 5 || !segments[1].startsWith("lat")
                || !(segments[4].equals("marketing_messages") || segments[4].equals("messages"))) {
            notFound.increment();
            request.response().setStatusCode(404).end();
            return;
        }
        long latencyMillis = Long.parseLong(segments[1].substring(3));
        requests.increment();
        if (request.version() == HttpVersion.HTTP_2) {
            http2Requests.increment();
        }
        AtomicInteger streams = openStreams.computeIfAbsent(request.connection(), c -> new AtomicInteger());
        maxStreams.accumulateAndGet(streams.incrementAndGet(), Math::max);
        request.response().endHandler(ended -> streams.decrementAndGet());
        String phone = recordedPhone;
        if (phone != null && phone.equals(segments[3])) {
            int index = arrivalCount.getAndIncrement();
            if (index < MAX_ARRIVALS) {
                arrivals[index] = arrival;
            }
        }
        request.body().onSuccess(body -> {
            Buffer response = response(++messageCounter);
            if (latencyMillis <= 0) {
                respond(request, response);
            } else {
                vertx.setTimer(latencyMillis, timer -> respond(request, response));
            }
        });
    }

    private static Buffer response(long counter) {
        String digits = String.format("4479460%05d", counter % 100_000);
        return Buffer.buffer("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+" + digits
                             + "\",\"wa_id\":\"" + digits + "\"}],\"messages\":[{\"id\":\"wamid.HBgM" + digits
                             + "FQIAERgS" + Long.toHexString(counter).toUpperCase() + "AA==\","
                             + "\"message_status\":\"accepted\"}]}");
    }

    private static void respond(HttpServerRequest request, Buffer body) {
        request.response()
                .putHeader("content-type", "application/json")
                .putHeader("x-business-use-case-usage", USAGE)
                .putHeader("x-fb-request-id", "AbCdEfGh")
                .end(body);
    }

    private Map<String, Object> command(String command, Map<String, String> arguments) {
        switch (command) {
            case "stats" -> {
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("requests", requests.sum());
                stats.put("http2Requests", http2Requests.sum());
                stats.put("connections", connections.sum());
                stats.put("notFound", notFound.sum());
                stats.put("openConnections", openStreams.size());
                stats.put("cpuNanos", ProcessMetrics.cpuNanos());
                return stats;
            }
            case "maxStreams" -> {
                return Map.of("maxStreamsPerConnection", maxStreams.getAndSet(0));
            }
            case "record" -> {
                arrivalCount.set(0);
                recordedPhone = AgentLoop.arg(arguments, "phone");
                return Map.of();
            }
            case "arrivals" -> {
                recordedPhone = null;
                return arrivalStats(AgentLoop.longArg(arguments, "windowMs", 30_000),
                        AgentLoop.intArg(arguments, "rate", 80));
            }
            default -> throw new IllegalArgumentException("Unknown command " + command);
        }
    }

    /**
     * Pacing as the server saw it: the rate over the first {@code windowMs} after the first arrival, and the most
     * arrivals in any one-second window (sliding, over the whole recording).
     */
    private Map<String, Object> arrivalStats(long windowMs, int rate) {
        int count = Math.min(arrivalCount.get(), MAX_ARRIVALS);
        long[] times = Arrays.copyOf(arrivals, count);
        Arrays.sort(times);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("arrivals", count);
        if (count < 2) {
            return stats;
        }
        long windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMs);
        long start = times[0];
        int inWindow = 0;
        while (inWindow < count && times[inWindow] - start < windowNanos) {
            inWindow++;
        }
        int maxPerSecond = 0;
        int tail = 0;
        for (int head = 0; head < count; head++) {
            while (times[head] - times[tail] >= TimeUnit.SECONDS.toNanos(1)) {
                tail++;
            }
            maxPerSecond = Math.max(maxPerSecond, head - tail + 1);
        }
        long minGap = Long.MAX_VALUE;
        for (int i = 1; i < count; i++) {
            minGap = Math.min(minGap, times[i] - times[i - 1]);
        }
        stats.put("recordedSeconds", (times[count - 1] - start) / 1e9);
        stats.put("windowSeconds", windowMs / 1000.0);
        stats.put("inWindow", inWindow);
        stats.put("rate", inWindow * 1000.0 / windowMs);
        stats.put("rateErrorPercent", (inWindow * 1000.0 / windowMs - rate) * 100.0 / rate);
        stats.put("maxInAnySecond", maxPerSecond);
        stats.put("minGapMillis", minGap / 1e6);
        return stats;
    }
}
