package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Sends requests to a sandbox the way the component will: JSON over HTTP with a bearer token. */
final class GraphClient {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final WhatsAppSandbox sandbox;

    GraphClient(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
    }

    HttpResponse<String> send(JsonNode body) {
        return send(body.toString());
    }

    HttpResponse<String> send(String body) {
        return post(sandbox.marketingMessagesUri(), body, "Bearer " + sandbox.accessToken());
    }

    /** A POST with any URI and {@code Authorization} header ({@code null} for none). */
    HttpResponse<String> post(URI uri, String body, String authorization) {
        return exchange(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), authorization);
    }

    /** A GET with any URI and {@code Authorization} header ({@code null} for none). */
    HttpResponse<String> get(URI uri, String authorization) {
        return exchange(HttpRequest.newBuilder(uri).GET(), authorization);
    }

    /** {@code GET /v23.0/{nodeId}?fields=...} with the sandbox's token. */
    HttpResponse<String> getFields(String nodeId, String fields) {
        return get(nodeUri(nodeId, fields), bearer());
    }

    /** {@code POST /v23.0/{nodeId}} with a JSON body and the sandbox's token. */
    HttpResponse<String> update(String nodeId, String json) {
        return post(nodeUri(nodeId, null), json, bearer());
    }

    URI nodeUri(String nodeId, String fields) {
        return sandbox.baseUri().resolve("/" + WhatsAppSandbox.DEFAULT_API_VERSION + "/" + nodeId
                + (fields == null ? "" : "?fields=" + fields));
    }

    private String bearer() {
        return "Bearer " + sandbox.accessToken();
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and returns the wamid of an accepted message. */
    String accepted(JsonNode body) {
        HttpResponse<String> response = send(body);
        if (response.statusCode() != 200) {
            throw new AssertionError("Expected 200, got " + response.statusCode() + ": " + response.body());
        }
        return json(response).at("/messages/0/id").asText();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid marketing template message to {@code to}. */
    static ObjectNode template(String to) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        if (to != null) {
            body.put("to", to);
        }
        body.put("type", "template");
        ObjectNode template = body.putObject("template");
        template.put("name", "summer_sale");
        ObjectNode language = template.putObject("language");
        language.put("code", "en_US");
        language.put("policy", "deterministic");
        ObjectNode bodyComponent = template.putArray("components").addObject();
        bodyComponent.put("type", "body");
        ObjectNode parameter = bodyComponent.putArray("parameters").addObject();
        parameter.put("type", "text");
        parameter.put("text", "Ada");
        return body;
    }
}
