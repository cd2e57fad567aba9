package io.github.cwmarketing.whatsapp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Meta: signs bodies with an app secret and calls the webhook over real HTTP on loopback.
 */
public final class MetaClient {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    public static final String JSON = "application/json";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String baseUri;

    public MetaClient(int port) {
        this.baseUri = "http://localhost:" + port;
    }

    /** {@code sha256=<lowercase hex>} of the body's HMAC-SHA256 with the secret, as Meta sends it. */
    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    public HttpResponse<String> postSigned(String path, byte[] body, String secret) {
        return post(path, body, sign(secret, body), JSON);
    }

    public HttpResponse<String> post(String path, byte[] body, String signature, String contentType) {
        return send(request(path, BodyPublishers.ofByteArray(body), signature, contentType));
    }

    /** A JSON POST with these headers (name, value, name, value...) and no others. */
    public HttpResponse<String> postWithHeaders(String path, byte[] body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(TIMEOUT)
                .POST(BodyPublishers.ofByteArray(body)).header("Content-Type", JSON);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    /** The raw HMAC-SHA256 of the body with the secret. */
    public static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Without Content-Length: the body goes chunked, so its size is known only once read. */
    public HttpResponse<String> postChunked(String path, byte[] body, String signature) {
        return send(request(path, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), signature, JSON));
    }

    public CompletableFuture<HttpResponse<String>> postSignedAsync(String path, byte[] body, String secret) {
        HttpRequest request = request(path, BodyPublishers.ofByteArray(body), sign(secret, body), JSON);
        return http.sendAsync(request, BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String rawQuery) {
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        return send(HttpRequest.newBuilder(URI.create(baseUri + path + query)).timeout(TIMEOUT).GET().build());
    }

    public HttpResponse<String> method(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(TIMEOUT)
                .method(method, BodyPublishers.noBody()).build());
    }

    private HttpRequest request(String path, BodyPublisher body, String signature, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(TIMEOUT).POST(body);
        if (signature != null) {
            builder.header(SIGNATURE_HEADER, signature);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
