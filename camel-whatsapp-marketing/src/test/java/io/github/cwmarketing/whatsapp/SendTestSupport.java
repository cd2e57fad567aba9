package io.github.cwmarketing.whatsapp;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Producer tests against a WireMock Graph API on loopback. After each test, every request the producer sent must be
 * valid against Meta's OpenAPI spec.
 */
abstract class SendTestSupport extends CamelTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static GraphApiStub graphApi;

    @BeforeAll
    static void startGraphApi() {
        graphApi = new GraphApiStub();
    }

    @AfterAll
    static void stopGraphApi() {
        graphApi.close();
    }

    @AfterEach
    void requestsMatchMetaSpec() {
        graphApi.assertRequestsMatchMetaSpec();
        graphApi.reset();
    }

    /** The send endpoint on the stub, with fast retries, plus the given extra options. */
    protected static String sendUri(String extraOptions) {
        return sendUriWith("retryDelay=10ms&retryMaxDelay=200ms" + (extraOptions.isEmpty() ? "" : "&" + extraOptions));
    }

    /** The send endpoint on the stub with these options only (besides the token and phone number id). */
    protected static String sendUriWith(String options) {
        return "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN
               + "&phoneNumberId=" + GraphApiStub.PHONE_NUMBER_ID
               + "&baseUri=" + graphApi.baseUri()
               + (options.isEmpty() ? "" : "&" + options);
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    protected static JsonNode lastRequestBody() throws Exception {
        var requests = graphApi.marketingMessageRequests();
        return JSON.readTree(requests.get(requests.size() - 1).getBodyAsString());
    }
}
