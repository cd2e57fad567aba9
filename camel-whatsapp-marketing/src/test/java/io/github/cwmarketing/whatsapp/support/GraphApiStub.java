package io.github.cwmarketing.whatsapp.support;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
        stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(accepted("wamid.TEST1", "15551234567")));
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

    @Override
    public void close() {
        server.stop();
    }
}
