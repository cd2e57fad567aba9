package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the account and template operations against a WireMock Graph API on loopback. After each test, every
 * request sent must be valid against Meta's OpenAPI spec where the spec has the endpoint.
 * <p>
 * What the spec can check here: Meta's v23.0 spec has {@code GET|POST /{Version}/{WABA-ID}} and
 * {@code GET|POST /{Version}/{TEMPLATE_ID}}, so the version and id patterns, the {@code fields} query parameter of
 * the WABA GET and the Authorization and User-Agent headers are validated. It lacks the Marketing Messages fields
 * themselves: none of {@code degrees_of_freedom_spec}, {@code disable_marketing_messages_on_cloud_api},
 * {@code marketing_messages_onboarding_status} or {@code message_send_ttl_seconds} appears in it, and the POST bodies'
 * inline schemas (name/timezone_id, category/components/language/name) allow any other property. So the bodies are
 * checked against Meta's docs (the seeds and platform facts §5.4-5.7) by exact JSON comparison in the tests instead.
 */
abstract class OperationsTestSupport extends SendTestSupport {

    @Override
    @AfterEach
    void requestsMatchMetaSpec() {
        graphApi.assertNodeRequestsMatchMetaSpec();
        super.requestsMatchMetaSpec();
    }

    /** An account or template operation on the stub, with fast retries, plus the given extra options. */
    protected static String operationUri(String operation, String extraOptions) {
        return "whatsapp-marketing:" + operation + "?accessToken=" + GraphApiStub.TOKEN
               + "&baseUri=" + graphApi.baseUri()
               + "&retryDelay=10ms&retryMaxDelay=200ms"
               + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    protected Exchange call(String uri, Object body) {
        return call(uri, body, Map.of());
    }

    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        return send(uri, body, headers);
    }

    /** The only request the stub received. */
    protected static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = graphApi.allRequests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    protected static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** The request carries Meta's bearer token and nothing of 360dialog. */
    protected static void assertMetaAuthorization(LoggedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + GraphApiStub.TOKEN);
        assertThat(request.containsHeader("D360-API-KEY")).isFalse();
    }
}
