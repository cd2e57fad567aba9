package io.github.cwmarketing.whatsapp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access token appears in no log line and no exception, whatever happens: success, retries, errors, a route
 * that logs its endpoints.
 */
class SendSecretsTest extends SendTestSupport {

    private static final Map<String, Object> TO = Map.of(WhatsAppMarketingConstants.TO, "4915112345678");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:campaign").routeId("campaign")
                        .to(sendUri("templateName=a&templateLanguage=en&maxRetries=2"));
            }
        };
    }

    @Test
    void tokenIsInNoLogLineAndNoExceptionText() {
        Exchange failed;
        try (LogCapture logs = LogCapture.open()) {
            context.getRouteController(); // routes started: Camel logs the (masked) endpoint URIs
            graphApi.stub(com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                    .willReturn(GraphApiStub.graphError(429, 130429, "(#130429) Rate limit hit", "throughput")));
            failed = template.send("direct:campaign", exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(TO)));
            graphApi.reset();
            graphApi.stub(com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                    .willReturn(GraphApiStub.graphError(401, 190, "Invalid OAuth access token", "bad token")));
            Exchange unauthorised = template.send("direct:campaign",
                    exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(TO)));
            context.getRoute("campaign").getEndpoint().toString();

            assertThat(failed.getException()).isNotNull();
            assertThat(unauthorised.getException()).isNotNull();
            assertThat(logs.lines()).as("captured lines").isNotEmpty();
            assertThat(logs.lines()).noneMatch(line -> line.contains(GraphApiStub.TOKEN));
            assertThat(stackTrace(failed.getException())).doesNotContain(GraphApiStub.TOKEN);
            assertThat(stackTrace(unauthorised.getException())).doesNotContain(GraphApiStub.TOKEN);
        }
        assertThat(context.getEndpoints()).allSatisfy(
                endpoint -> assertThat(endpoint.toString()).doesNotContain(GraphApiStub.TOKEN));
        graphApi.reset();
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
