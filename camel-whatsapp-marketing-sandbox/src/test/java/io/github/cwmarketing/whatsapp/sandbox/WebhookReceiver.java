package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A webhook endpoint for tests: records every POST with its exact body bytes and answers 200 unless told otherwise. */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One received POST: Meta's signature header, 360dialog's, the content type and the exact body bytes. */
    record Received(String signature, String dialog360Signature, String contentType, byte[] body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<JsonNode> statuses() {
            List<JsonNode> statuses = new ArrayList<>();
            json().path("entry").forEach(entry -> entry.path("changes").forEach(
                    change -> change.path("value").path("statuses").forEach(statuses::add)));
            return statuses;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>(); // guarded by this
    private final Deque<Integer> plannedAnswers = new ArrayDeque<>(); // guarded by this

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/webhook", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** The next POSTs are answered with these statuses, in order; then 200 again. */
    synchronized void answerNext(int... statuses) {
        for (int status : statuses) {
            plannedAnswers.add(status);
        }
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("Expected " + count + " webhook POSTs, got " + received.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return List.copyOf(received);
    }

    synchronized void clear() {
        received.clear();
        plannedAnswers.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int status = record(new Received(exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
                exchange.getRequestHeaders().getFirst("x-360dialog-signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private synchronized int record(Received request) {
        received.add(request);
        notifyAll();
        Integer planned = plannedAnswers.poll();
        return planned == null ? 200 : planned;
    }
}
