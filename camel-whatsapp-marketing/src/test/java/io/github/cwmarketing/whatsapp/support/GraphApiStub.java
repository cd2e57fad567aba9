package io.github.cwmarketing.whatsapp.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WireMock Graph API on loopback for the producer tests, with Meta-shaped responses and a check that every request
 * the producer sent is valid against Meta's OpenAPI spec.
 */
public final class GraphApiStub implements AutoCloseable {

    public static final String TOKEN = "EAAtestTOKEN0123456789secret";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String MARKETING_MESSAGES_PATH = "/v25.0/" + PHONE_NUMBER_ID + "/marketing_messages";
    /** The WhatsApp Business Account of the account operations (Meta's example id). */
    public static final String WABA_ID = "102290129340398";
    /** The message template of the template operations (Meta's example id). */
    public static final String TEMPLATE_ID = "920070352646140";
    public static final String WABA_SPEC_PATH = "/{Version}/{WABA-ID}";
    public static final String TEMPLATE_SPEC_PATH = "/{Version}/{TEMPLATE_ID}";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    public GraphApiStub() {
        server.start();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Any marketing_messages POST answers an accepted message. */
    public void acceptAll() {
        stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(accepted("wamid.TEST1", "4915112345678")));
    }

    public static ResponseDefinitionBuilder accepted(String wamid, String waId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"messaging_product":"whatsapp","contacts":[{"input":"+%s","wa_id":"%s"}],
                 "messages":[{"id":"%s","message_status":"accepted"}]}""".formatted(waId, waId, wamid));
    }

    public static ResponseDefinitionBuilder graphError(int httpStatus, int code, String message, String details) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"%s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AbCdEfG123"}}"""
                .formatted(message, code, details));
    }

    /** A 200 answer with this JSON body. */
    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Every request received, whatever the method and path. */
    public List<LoggedRequest> allRequests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    public int totalRequestCount() {
        return allRequests().size();
    }

    /** The requests to a template or WABA node ({@code /<version>/<id>}), i.e. of the account and template operations. */
    public List<LoggedRequest> nodeRequests() {
        return allRequests().stream().filter(request -> request.getUrl().split("\\?")[0].matches("/v[0-9.]+/[0-9]+"))
                .toList();
    }

    public List<LoggedRequest> marketingMessageRequests() {
        return server.findAll(postRequestedFor(urlPathMatching("/.*/marketing_messages")));
    }

    public int requestCount() {
        return server.findAll(postRequestedFor(anyUrl())).size();
    }

    /** Every marketing_messages request received so far is valid against Meta's OpenAPI spec. */
    public void assertRequestsMatchMetaSpec() {
        for (LoggedRequest request : marketingMessageRequests()) {
            assertThat(MetaOpenApi.headerViolations(request.getHeader("Content-Type"),
                    request.getHeader("Authorization"), request.getHeader("User-Agent")))
                    .as("headers of %s", request.getUrl()).isEmpty();
            assertThat(MetaOpenApi.payloadViolations(request.getBodyAsString()))
                    .as("body %s", request.getBodyAsString()).isEmpty();
        }
    }

    /**
     * Every template or WABA node request received so far is valid against Meta's OpenAPI spec: {@code GET|POST
     * /{Version}/{TEMPLATE_ID}} for {@link #TEMPLATE_ID}, {@code /{Version}/{WABA-ID}} for other ids. The spec's one
     * known gap allowed: its {@code GET /{Version}/{TEMPLATE_ID}} (getTemplateByIdDefaultFields) declares no
     * {@code fields} query parameter, although Meta's docs read a template's {@code degrees_of_freedom_spec} with it.
     */
    public void assertNodeRequestsMatchMetaSpec() {
        for (LoggedRequest request : nodeRequests()) {
            String[] path = request.getUrl().split("\\?")[0].split("/");
            String version = path[1];
            String id = path[2];
            boolean template = TEMPLATE_ID.equals(id);
            String specPath = template ? TEMPLATE_SPEC_PATH : WABA_SPEC_PATH;
            Map<String, String> query = new LinkedHashMap<>();
            request.getQueryParams().forEach((name, value) -> query.put(name, value.firstValue()));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of("Authorization", "User-Agent", "Content-Type")) {
                if (request.containsHeader(name)) {
                    headers.put(name, request.getHeader(name));
                }
            }
            String method = request.getMethod().getName();
            String body = request.getBody() == null || request.getBody().length == 0 ? null : request.getBodyAsString();
            List<String> violations = MetaOpenApi.requestViolations(specPath, method,
                    Map.of("Version", version, template ? "TEMPLATE_ID" : "WABA-ID", id), query, headers, body)
                    .stream()
                    .filter(violation -> !(template && "GET".equals(method)
                                           && violation.equals("query parameter fields is not declared by GET "
                                                               + TEMPLATE_SPEC_PATH)))
                    .toList();
            assertThat(violations).as("%s %s %s", method, request.getUrl(), body).isEmpty();
            if (body != null) {
                assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
