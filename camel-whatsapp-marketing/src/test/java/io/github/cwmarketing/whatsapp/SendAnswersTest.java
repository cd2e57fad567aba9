package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.cwmarketing.whatsapp.model.MarketingMessageResponse;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.cwmarketing.whatsapp.http.GraphApiTransport.MAX_RESPONSE_BODY_BYTES;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every 2xx answer to a send gets a typed outcome: a message id is the only proof of acceptance, so an answer that is
 * not a valid send response, or has no message id, fails the exchange as an unknown outcome (never retried: the
 * message may have been accepted), and the listener is told UNKNOWN.
 */
class SendAnswersTest extends SendTestSupport {

    private static final String RECIPIENT = "4915112345678";
    private static final Map<String, Object> TO = Map.of(WhatsAppMarketingConstants.TO, "+" + RECIPIENT);
    private static final String URI = sendUri("templateName=autumn_offer&templateLanguage=de");

    private final List<SendResult> results = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("results", new WhatsAppMarketingListener() {
            @Override
            public void onSendCompleted(SendResult result) {
                results.add(result);
            }
        });
    }

    @BeforeEach
    void clear() {
        results.clear();
    }

    private void answer(ResponseDefinitionBuilder response) {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String contentType, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }

    static Stream<Arguments> answersThatAreNotAValidSendResponse() {
        String contacts = "\"contacts\":[{\"input\":\"+" + RECIPIENT + "\",\"wa_id\":\"" + RECIPIENT + "\"}]";
        return Stream.of(
                Arguments.of("empty 200", aResponse().withStatus(200), "an empty body"),
                Arguments.of("204", aResponse().withStatus(204), "an empty body"),
                Arguments.of("blank", ok("application/json", "  \n "), "an empty body"),
                Arguments.of("not JSON", ok("text/html", "<html>Welcome +" + RECIPIENT + "</html>"),
                        "not JSON (text/html"),
                Arguments.of("truncated", ok("application/json", "{\"messaging_product\":\"whatsapp\"," + contacts
                                                                  + ",\"messages\":[{\"id\":\"wamid.HBgM"),
                        "truncated JSON"),
                Arguments.of("array", ok("application/json", "[{\"id\":\"wamid.X\"}]"), "a JSON array, not an object"),
                Arguments.of("messages an object", ok("application/json", "{" + contacts
                                                                          + ",\"messages\":{\"id\":\"wamid.X\"}}"),
                        "messages that is a JSON object, not an array"),
                Arguments.of("messages a string", ok("application/json", "{\"messages\":\"wamid.X\"}"),
                        "messages that is a JSON string, not an array"),
                Arguments.of("no messages", ok("application/json", "{\"messaging_product\":\"whatsapp\"," + contacts
                                                                   + "}"),
                        "an answer without messages"),
                Arguments.of("messages null", ok("application/json", "{\"messages\":null}"),
                        "an answer without messages"),
                Arguments.of("empty messages", ok("application/json", "{" + contacts + ",\"messages\":[]}"),
                        "an empty messages array"),
                Arguments.of("message not an object", ok("application/json", "{\"messages\":[\"wamid.X\"]}"),
                        "messages[0] that is a JSON string, not an object"),
                Arguments.of("message without id", ok("application/json", "{" + contacts
                                                                          + ",\"messages\":[{\"message_status\":"
                                                                          + "\"accepted\"}]}"),
                        "messages[0] without a message id"),
                Arguments.of("id a number", ok("application/json", "{\"messages\":[{\"id\":42}]}"),
                        "messages[0] without a message id"),
                Arguments.of("id blank", ok("application/json", "{\"messages\":[{\"id\":\" \"}]}"),
                        "messages[0] without a message id"),
                Arguments.of("over the size limit", ok("application/json", "{\"messages\":[{\"id\":\"wamid.X\"}]"
                                                                           + " ".repeat(MAX_RESPONSE_BODY_BYTES) + "}"),
                        "a body longer than " + MAX_RESPONSE_BODY_BYTES + " bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersThatAreNotAValidSendResponse")
    void aTwoHundredThatIsNotAValidSendResponseIsAnUnknownOutcomeAndNotRetried(String name,
                                                                                ResponseDefinitionBuilder response,
                                                                                String reason) {
        answer(response);

        Exchange result = send(URI + "&retryOnResponseTimeout=true&retryOnServerError=true", null, TO);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingUnknownOutcomeException.class);
        WhatsAppMarketingUnknownOutcomeException unknown = (WhatsAppMarketingUnknownOutcomeException) result
                .getException();
        assertThat(unknown.isRequestSent()).isTrue();
        assertThat(unknown.isTransient()).isFalse();
        assertThat(unknown.getHttpStatus()).isIn(200, 204);
        assertThat(unknown.getReason()).contains(reason);
        assertThat(unknown.getMessage()).startsWith("Request sent, outcome unknown").contains(reason)
                .doesNotContain(RECIPIENT).doesNotContain(GraphApiStub.TOKEN).doesNotContain("wamid");
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isNull();
        assertThat(graphApi.requestCount()).as("never retried, whatever the options").isEqualTo(1);
        assertThat(results).singleElement().satisfies(send -> {
            assertThat(send.outcome()).isEqualTo(SendOutcome.UNKNOWN);
            assertThat(send.failure()).isSameAs(unknown);
            assertThat(send.messageId()).isNull();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "held_for_quality_assessment", "paused" })
    void heldOrPausedMessagesAreAcceptedWithTheirStatus(String status) {
        answer(ok("application/json", """
                {"messaging_product":"whatsapp","contacts":[{"input":"+%s","wa_id":"%s"}],
                 "messages":[{"id":"wamid.HELD","message_status":"%s"}]}""".formatted(RECIPIENT, RECIPIENT, status)));

        Exchange result = send(URI, null, TO);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.HELD");
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_STATUS)).isEqualTo(status);
        assertThat(result.getMessage().getBody(MarketingMessageResponse.class).firstMessage().getMessageStatus())
                .isEqualTo(status);
        assertThat(results).singleElement().satisfies(send -> {
            assertThat(send.outcome()).isEqualTo(SendOutcome.ACCEPTED);
            assertThat(send.messageStatus()).isEqualTo(status);
        });
    }

    @Test
    void aMessageIdIsAcceptanceEvenWhenTheRestOfTheAnswerIsOdd() {
        answer(ok("application/json", """
                {"messaging_product":"whatsapp","contacts":"unexpected","success":true,
                 "messages":[{"id":"wamid.ODD","message_status":{"unexpected":true}}]}"""));

        Exchange result = send(URI, null, TO);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.ODD");
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_STATUS)).isNull();
        assertThat(results).extracting(SendResult::outcome).containsExactly(SendOutcome.ACCEPTED);
    }

    @Test
    void aMessageWithoutStatusIsAcceptedAsMetasOlderAnswersAre() {
        answer(ok("application/json", """
                {"messaging_product":"whatsapp","contacts":[{"input":"+%s","wa_id":"%s"}],
                 "messages":[{"id":"wamid.NO_STATUS"}]}""".formatted(RECIPIENT, RECIPIENT)));

        Exchange result = send(URI, null, TO);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.NO_STATUS");
        assertThat(result.getMessage().getHeaders()).doesNotContainKey(WhatsAppMarketingConstants.MESSAGE_STATUS);
    }
}
