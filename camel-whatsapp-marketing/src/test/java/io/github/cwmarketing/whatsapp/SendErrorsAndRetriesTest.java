package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.cwmarketing.whatsapp.model.AutomaticRetry;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class SendErrorsAndRetriesTest extends SendTestSupport {

    private static final Map<String, Object> TO = Map.of(WhatsAppMarketingConstants.TO, "4915112345678");
    private static final String TEMPLATE = "templateName=summer_sale&templateLanguage=en";

    /** The first {@code failures} calls answer {@code failure}; the next one is accepted. */
    private void failThenAccept(int failures, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        String state = STARTED;
        for (int i = 1; i <= failures; i++) {
            graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("retry")
                    .whenScenarioStateIs(state).willReturn(failure).willSetStateTo("failed-" + i));
            state = "failed-" + i;
        }
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("retry")
                .whenScenarioStateIs(state).willReturn(GraphApiStub.accepted("wamid.OK", "4915112345678")));
    }

    private void alwaysAnswer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).willReturn(response));
    }

    @Test
    void throughputLimitTwiceThenAcceptedSendsOneMessageInThreeRequests() {
        failThenAccept(2, GraphApiStub.graphError(429, 130429, "(#130429) Rate limit hit",
                "Cloud API message throughput has been reached."));

        Exchange result = send(sendUri(TEMPLATE), null, TO);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.OK");
        assertThat(graphApi.requestCount()).isEqualTo(3);
    }

    @Test
    void refusalsMetaAnswersBeforeAcceptingAnythingAreRetried() {
        for (var failure : List.of(
                GraphApiStub.graphError(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                        "Message failed to send because there were too many messages sent from this phone number to"
                                                                                                     + " the same phone number in a short period of time."),
                GraphApiStub.graphError(400, 131057, "(#131057) Account in maintenance mode", "throughput upgrade"),
                GraphApiStub.graphError(429, 4, "(#4) Application request limit reached", "app limit"),
                aResponse().withStatus(429).withBody("Too Many Requests"))) {
            graphApi.reset();
            failThenAccept(1, failure);

            Exchange result = send(sendUri(TEMPLATE), null, TO);

            assertThat(result.getException()).isNull();
            assertThat(graphApi.requestCount()).isEqualTo(2);
        }
    }

    private static List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> serverErrors() {
        return List.of(
                GraphApiStub.graphError(500, 131000, "(#131000) Something went wrong", "Unknown error"),
                GraphApiStub.graphError(500, 1, "(#1) An unknown error occurred", "Unknown"),
                GraphApiStub.graphError(503, 2, "(#2) Service temporarily unavailable", "Overloaded"),
                GraphApiStub.graphError(503, 131016, "(#131016) Service unavailable", "A service is unavailable"),
                aResponse().withStatus(503).withBody("upstream unavailable"));
    }

    @Test
    void serverErrorsDoNotProveTheMessageWasNotAcceptedSoAreNotRetriedByDefault() {
        for (var failure : serverErrors()) {
            graphApi.reset();
            failThenAccept(1, failure);

            Exchange result = send(sendUri(TEMPLATE), null, TO);

            WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
            assertThat(error.getAutomaticRetry()).isEqualTo(AutomaticRetry.SERVER_ERROR);
            assertThat(error.getRetryClass()).isEqualTo(RetryClass.TRANSIENT);
            assertThat(graphApi.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void serverErrorsAreRetriedWhenTheUserOptsIn() {
        for (var failure : serverErrors()) {
            graphApi.reset();
            failThenAccept(1, failure);

            Exchange result = send(sendUri(TEMPLATE + "&retryOnServerError=true"), null, TO);

            assertThat(result.getException()).isNull();
            assertThat(graphApi.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void retryAfterInSecondsIsWaitedForBeforeTheRetry() {
        failThenAccept(1, GraphApiStub.graphError(429, 130429, "(#130429) Rate limit hit", "throughput")
                .withHeader("Retry-After", "1"));

        Exchange result = send(sendUriWith(TEMPLATE + "&retryDelay=10ms&retryMaxDelay=5s"), null, TO);

        assertThat(result.getException()).isNull();
        List<Long> arrivals = graphApi.marketingMessageRequests().stream()
                .map(request -> request.getLoggedDate().getTime()).sorted().toList();
        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(1) - arrivals.get(0)).as("waited at least Retry-After").isGreaterThanOrEqualTo(990);
    }

    @Test
    void retryAfterLongerThanRetryMaxDelayIsNotRetriedAndSaysHowLongToWait() {
        alwaysAnswer(GraphApiStub.graphError(429, 130429, "(#130429) Rate limit hit", "throughput")
                .withHeader("Retry-After", "120"));

        Exchange result = send(sendUri(TEMPLATE), null, TO);

        assertThat(((WhatsAppMarketingApiException) result.getException()).getRetryAfter()).hasSeconds(120);
        assertThat(graphApi.requestCount()).isEqualTo(1);

        graphApi.reset();
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        alwaysAnswer(aResponse().withStatus(503).withHeader("Retry-After", inAnHour).withBody("maintenance"));

        result = send(sendUri(TEMPLATE + "&retryOnServerError=true"), null, TO);

        assertThat(((WhatsAppMarketingApiException) result.getException()).getRetryAfter())
                .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60));
        assertThat(graphApi.requestCount()).isEqualTo(1);
    }

    @Test
    void retriesStopAtMaxRetriesWithTheLastError() {
        alwaysAnswer(GraphApiStub.graphError(429, 130429, "(#130429) Rate limit hit", "throughput reached"));

        Exchange result = send(sendUri(TEMPLATE + "&maxRetries=2"), null, TO);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingApiException.class);
        assertThat(((WhatsAppMarketingApiException) result.getException()).getRetryClass())
                .isEqualTo(RetryClass.RATE_LIMITED);
        assertThat(graphApi.requestCount()).isEqualTo(3);
    }

    @Test
    void perUserLimitIsNeverRetried() {
        alwaysAnswer(GraphApiStub.graphError(400, 131049, "(#131049) This message was not delivered to maintain healthy"
                                                          + " ecosystem engagement.", "per-user marketing limit"));

        Exchange result = send(sendUri(TEMPLATE), null, TO);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getCode()).isEqualTo(131049);
        assertThat(error.getRetryClass()).isEqualTo(RetryClass.PER_RECIPIENT);
        assertThat(error.isTransient()).isFalse();
        assertThat(graphApi.requestCount()).isEqualTo(1);
    }

    @Test
    void invalidParameterErrorCarriesEveryGraphApiField() {
        alwaysAnswer(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"error_subcode":2494010,
                 "error_data":{"messaging_product":"whatsapp","details":"Parameter 'template' is invalid"},
                 "fbtrace_id":"AXyZ123","is_transient":false}}"""));

        Exchange result = send(sendUri(TEMPLATE), null, TO);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getHttpStatus()).isEqualTo(400);
        assertThat(error.getCode()).isEqualTo(100);
        assertThat(error.getSubcode()).isEqualTo(2494010);
        assertThat(error.getType()).isEqualTo("OAuthException");
        assertThat(error.getErrorMessage()).isEqualTo("(#100) Invalid parameter");
        assertThat(error.getDetails()).isEqualTo("Parameter 'template' is invalid");
        assertThat(error.getFbtraceId()).isEqualTo("AXyZ123");
        assertThat(error.isTransient()).isFalse();
        assertThat(error.getRetryClass()).isEqualTo(RetryClass.VALIDATION);
        assertThat(error.getMessage()).contains("100", "Invalid parameter", "AXyZ123");
        assertThat(graphApi.requestCount()).isEqualTo(1);
    }

    @Test
    void expiredTokenIsAConfigurationErrorAndNotRetried() {
        alwaysAnswer(GraphApiStub.graphError(401, 190, "Error validating access token: Session has expired", "expired"));

        Exchange result = send(sendUri(TEMPLATE), null, TO);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getRetryClass()).isEqualTo(RetryClass.CONFIGURATION);
        assertThat(graphApi.requestCount()).isEqualTo(1);
    }

    @Test
    void usageHeaderAskingForMinutesIsNotWaitedForButReported() {
        alwaysAnswer(GraphApiStub.graphError(400, 80007, "(#80007) Rate limit issues", "WABA rate limit")
                .withHeader("x-business-use-case-usage", """
                        {"102290129340398":[{"type":"whatsapp","call_count":100,"total_cputime":1,"total_time":1,
                         "estimated_time_to_regain_access":5}]}"""));

        Exchange result = send(sendUri(TEMPLATE), null, TO);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getRetryAfter()).hasMinutes(5);
        assertThat(graphApi.requestCount()).as("5 minutes exceed retryMaxDelay").isEqualTo(1);
    }

    @Test
    void nonJsonErrorBodyStillGivesAnApiException() {
        alwaysAnswer(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));

        Exchange result = send(sendUri(TEMPLATE + "&maxRetries=0"), null, TO);

        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getHttpStatus()).isEqualTo(502);
        assertThat(error.getRetryClass()).isEqualTo(RetryClass.TRANSIENT);
        assertThat(error.getMessage()).contains("Bad gateway");
    }

    @Test
    void responseTimeoutCompletesPromptlyAndIsNotRetried() {
        alwaysAnswer(GraphApiStub.accepted("wamid.LATE", "4915112345678").withFixedDelay(3_000));

        long start = System.nanoTime();
        Exchange result = send(sendUri(TEMPLATE + "&responseTimeout=300ms"), null, TO);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingTransportException.class);
        assertThat(((WhatsAppMarketingTransportException) result.getException()).isRequestSent()).isTrue();
        assertThat(millis).as("completes on the response timeout, not the server's delay").isLessThan(2_500);
        assertThat(graphApi.requestCount()).isEqualTo(1);
    }

    @Test
    void responseTimeoutIsRetriedWhenTheUserOptsIn() {
        failThenAccept(1, GraphApiStub.accepted("wamid.LATE", "4915112345678").withFixedDelay(3_000));

        Exchange result = send(sendUri(TEMPLATE + "&responseTimeout=300ms&retryOnResponseTimeout=true"), null, TO);

        assertThat(result.getException()).isNull();
        assertThat(graphApi.requestCount()).isEqualTo(2);
    }

    @Test
    void connectionResetAfterSendingIsNotRetried() {
        alwaysAnswer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Exchange result = send(sendUri(TEMPLATE), null, TO);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingTransportException.class);
        assertThat(graphApi.requestCount()).isEqualTo(1);
    }

    @Test
    void connectionRefusedCompletesPromptlyWithATransportError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String uri = "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId=1&baseUri=http://127.0.0.1:"
                     + closedPort + "&" + TEMPLATE + "&connectTimeout=1s&retryDelay=10ms&retryMaxDelay=50ms";

        long start = System.nanoTime();
        Exchange result = send(uri, null, TO);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingTransportException.class);
        assertThat(((WhatsAppMarketingTransportException) result.getException()).isRequestSent()).isFalse();
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void stalledServerThatAcceptsButNeverAnswersCompletesWithinTheTimeouts() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!stalled.isClosed()) {
                        accepted.add(stalled.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String uri = "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId=1&baseUri=http://127.0.0.1:"
                         + stalled.getLocalPort() + "&" + TEMPLATE + "&connectTimeout=500ms&responseTimeout=500ms";

            long start = System.nanoTime();
            Exchange result = send(uri, null, TO);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(result.getException()).isInstanceOf(WhatsAppMarketingTransportException.class);
            assertThat(millis).isLessThan(3_000);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
