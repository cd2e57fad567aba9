package io.github.cwmarketing.whatsapp.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page of a {@link HeadlessChromium}, driven over the Chrome DevTools protocol through the JDK's WebSocket client:
 * navigate and wait for the load event, evaluate JavaScript in the page, list the requests the page made, take a
 * full-page PNG screenshot.
 */
public final class DevToolsPage implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<JsonNode>>> awaitedEvents = new ConcurrentHashMap<>();
    private final List<String> requestedUrls = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    private DevToolsPage() {
    }

    static DevToolsPage connect(URI webSocketUrl) throws Exception {
        DevToolsPage page = new DevToolsPage();
        page.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(webSocketUrl, page.new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        page.send("Page.enable", Map.of());
        page.send("Network.enable", Map.of());
        return page;
    }

    /** Sends a command and waits for its result. */
    public JsonNode send(String method, Map<String, ?> params) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(command), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.path("result");
    }

    /** Opens the URL and waits until the page has loaded; {@link #requestedUrls} starts again. */
    public void navigate(URI url) throws Exception {
        requestedUrls.clear();
        CompletableFuture<JsonNode> loaded = nextEvent("Page.loadEventFired");
        JsonNode result = send("Page.navigate", Map.of("url", url.toString()));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("Cannot open " + url + ": " + result.get("errorText").asText());
        }
        loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Evaluates a JavaScript expression in the page; its value, as JSON. */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page (beyond the window), at the window's width. */
    public byte[] screenshot() throws Exception {
        JsonNode size = send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", Math.ceil(size.path("width").asDouble()),
                "height", Math.ceil(size.path("height").asDouble()), "scale", 1);
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", clip));
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    /** Every URL the page requested since the last {@link #navigate}, in order. */
    public List<String> requestedUrls() {
        return new ArrayList<>(requestedUrls);
    }

    private CompletableFuture<JsonNode> nextEvent(String method) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        awaitedEvents.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(event);
        return event;
    }

    private void onMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        String method = message.path("method").asText();
        if (method.equals("Network.requestWillBeSent")) {
            requestedUrls.add(message.path("params").path("request").path("url").asText());
        }
        List<CompletableFuture<JsonNode>> waiting = awaitedEvents.remove(method);
        if (waiting != null) {
            waiting.forEach(event -> event.complete(message.path("params")));
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    /** Collects the frames of each message (a screenshot spans many) and hands over whole messages. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                onMessage(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
