package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.metareference.WebhookSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Small helpers shared by the tests. */
final class TestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration FAST_STATUSES = Duration.ofMillis(20);

    private TestSupport() {
    }

    /** A sandbox that plays statuses and retries webhooks quickly. */
    static WhatsAppSandbox.Builder fastSandbox() {
        return WhatsAppSandbox.builder().statusDelay(FAST_STATUSES).callbackRetryBackoff(FAST_STATUSES);
    }

    /** Polls {@code condition} until true, failing after {@link #TIMEOUT}. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Independent of the sandbox's own signing code: {@code sha256=} + hex HMAC-SHA256. */
    static String expectedSignature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** The {@code error} object of a Graph error answer, after checking its HTTP status and code. */
    static JsonNode graphError(HttpResponse<String> response, int httpStatus, int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(httpStatus);
        JsonNode error = GraphClient.json(response).path("error");
        assertThat(error.path("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
        return error;
    }

    /** The JSON body of a 200 answer. */
    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GraphClient.json(response);
    }

    /** One of Meta's webhook samples ({@link WebhookSamples}), parsed. */
    static JsonNode webhookSample(String name) {
        try {
            return GraphClient.MAPPER.readTree(WebhookSamples.read(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field path of a JSON tree, array elements as {@code []}: the "shape" to compare with Meta's samples. */
    static Set<String> shape(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "/" + field.getKey();
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", paths));
        }
    }
}
