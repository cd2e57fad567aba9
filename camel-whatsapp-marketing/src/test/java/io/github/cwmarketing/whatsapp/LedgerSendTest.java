package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.Suppression;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingSuppressedException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import io.github.cwmarketing.whatsapp.support.MutableClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send producer with a JDBC ledger on PostgreSQL (autowired from the registry): re-runs send nothing twice,
 * opt-outs and parks are honoured with no request, unknown outcomes are not re-sent, the send key travels as
 * callback data, and US or impossible numbers are refused before any request.
 */
class LedgerSendTest extends SendTestSupport {

    private static final String KEY = "autumn-2026:";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T08:00:00Z"));
    private JdbcMessageLedger ledger;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ledger = new JdbcMessageLedger(LedgerDatabase.freshSchema());
        ledger.setClock(clock);
        context.getRegistry().bind("ledger", ledger);
        return context;
    }

    private String uri(String extra) {
        return sendUri("templateName=autumn_offer&templateLanguage=en&messagesPerSecond=0&campaign=autumn"
                       + (extra.isEmpty() ? "" : "&" + extra));
    }

    private Exchange sendTo(String phone, String key, Map<String, Object> extraHeaders) {
        Map<String, Object> headers = new java.util.HashMap<>(extraHeaders);
        headers.put(WhatsAppMarketingConstants.TO, phone);
        headers.put(WhatsAppMarketingConstants.SEND_KEY, key);
        return send(uri(""), null, headers);
    }

    private Exchange sendTo(String phone, String key) {
        return send(uri(""), null, key == null ? Map.of(WhatsAppMarketingConstants.TO, phone)
                : Map.of(WhatsAppMarketingConstants.TO, phone, WhatsAppMarketingConstants.SEND_KEY, key));
    }

    /** Every request accepted with a message id of its own. */
    private static void acceptEach() {
        graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(uniqueAccepted()));
    }

    private static ResponseDefinitionBuilder uniqueAccepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],
                         "messages":[{"id":"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}","message_status":"accepted"}]}""");
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aCompletedCampaignRunAgainSendsNothingAndReportsEveryKeyAsDuplicate() throws Exception {
        acceptEach();
        for (int i = 0; i < 20; i++) {
            Exchange first = sendTo("+49151100000" + String.format("%02d", i), KEY + i);
            assertThat(first.getException()).isNull();
            assertThat(first.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)).isNull();
        }
        assertThat(graphApi.marketingMessageRequests()).hasSize(20);
        await(ledger.flush());

        for (int i = 0; i < 20; i++) {
            Exchange again = sendTo("+49151100000" + String.format("%02d", i), KEY + i);
            assertThat(again.getException()).isNull();
            assertThat(again.getMessage().getHeader(WhatsAppMarketingConstants.DUPLICATE)).isEqualTo(true);
            assertThat(again.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID, String.class))
                    .startsWith("wamid.");
        }
        assertThat(graphApi.marketingMessageRequests()).as("no request on the re-run").hasSize(20);
        CampaignReport report = await(ledger.campaignReport("autumn"));
        assertThat(report.messages()).isEqualTo(20);
        assertThat(report.count(FinalStatus.ACCEPTED)).isEqualTo(20);
        assertThat(report.duplicatesSkipped()).isEqualTo(20);
    }

    @Test
    void theSendKeyTravelsAsCallbackDataUnlessTheMessageHasItsOwn() throws Exception {
        acceptEach();
        sendTo("+4915110000100", KEY + "callback");
        assertThat(lastRequestBody().path("biz_opaque_callback_data").asText()).isEqualTo(KEY + "callback");

        send(uri(""), io.github.cwmarketing.whatsapp.model.MarketingMessageRequest.builder().to("+4915110000101")
                .template("autumn_offer", "en").bizOpaqueCallbackData("mine").build(),
                Map.of(WhatsAppMarketingConstants.SEND_KEY, KEY + "own"));
        assertThat(lastRequestBody().path("biz_opaque_callback_data").asText()).isEqualTo("mine");

        sendTo("+4915110000102", KEY + "header", Map.of(WhatsAppMarketingConstants.BIZ_OPAQUE_CALLBACK_DATA, "crm-42"));
        assertThat(lastRequestBody().path("biz_opaque_callback_data").asText()).as("the header wins over the key")
                .isEqualTo("crm-42");
    }

    @Test
    void aJsonPayloadIsSentWholeWithTheSendKeyAddedAsItsLastField() throws Exception {
        acceptEach();
        String payload = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                         + "\"to\":\"4915110000110\",\"type\":\"template\",\"template\":{\"name\":\"autumn_offer\","
                         + "\"language\":{\"code\":\"de\",\"policy\":\"deterministic\"},\"components\":[{\"type\":\"body\","
                         + "\"parameters\":[{\"type\":\"date_time\",\"date_time\":{\"fallback_value\":\"25.02.1977\","
                         + "\"calendar\":\"GREGORIAN\"}}]}]}}";

        Exchange sent = send(uri(""), payload, Map.of(WhatsAppMarketingConstants.SEND_KEY, KEY + "json"));

        assertThat(sent.getException()).isNull();
        String body = graphApi.marketingMessageRequests().get(0).getBodyAsString();
        assertThat(body).isEqualTo(payload.substring(0, payload.length() - 1)
                                   + ",\"biz_opaque_callback_data\":\""
                                   + KEY + "json\"}");
        graphApi.reset(); // Meta's spec does not know date_time's calendar
    }

    @Test
    void noAnswerAfterSendingIsAnUnknownOutcomeButARequestNeverSentIsSentAgain() throws Exception {
        graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(uniqueAccepted()
                .withFixedDelay(2_000)));
        Exchange timedOut = send(uri("responseTimeout=100ms&maxRetries=0"), null,
                Map.of(WhatsAppMarketingConstants.TO, "+4915110000410", WhatsAppMarketingConstants.SEND_KEY,
                        KEY + "timeout"));
        assertThat(timedOut.getException()).isInstanceOfSatisfying(WhatsAppMarketingTransportException.class,
                e -> assertThat(e.isRequestSent()).isTrue());
        String refusedUri = sendUriWith("templateName=autumn_offer&templateLanguage=en&messagesPerSecond=0"
                                        + "&campaign=autumn&maxRetries=0").replace(graphApi.baseUri(),
                "http://127.0.0.1:" + org.apache.camel.test.AvailablePortFinder.getNextAvailable());
        Exchange refused = send(refusedUri, null, Map.of(WhatsAppMarketingConstants.TO, "+4915110000411",
                WhatsAppMarketingConstants.SEND_KEY, KEY + "refused"));
        assertThat(refused.getException()).isInstanceOfSatisfying(WhatsAppMarketingTransportException.class,
                e -> assertThat(e.isRequestSent()).isFalse());
        await(ledger.flush());
        graphApi.reset();
        acceptEach();

        assertThat(sendTo("+4915110000410", KEY + "timeout").getException())
                .as("it may have reached Meta").isInstanceOf(WhatsAppMarketingUnknownOutcomeException.class);
        assertThat(sendTo("+4915110000411", KEY + "refused").getException()).as("it never left").isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
        CampaignReport report = await(ledger.campaignReport("autumn"));
        assertThat(report.unknownOutcomes()).isEqualTo(1);
        assertThat(report.accepted()).isEqualTo(1);
    }

    @Test
    void an131050OptOutRefusesTheNextSendToThatRecipientWithoutARequest() throws Exception {
        graphApi.stub(post(urlPathMatching("/.*/marketing_messages"))
                .willReturn(GraphApiStub.graphError(400, 131050, "(#131050) User stopped marketing", "Opted out")));
        Exchange optedOut = sendTo("+4915110000200", KEY + "optout-1");
        assertThat(optedOut.getException()).isNotNull();
        await(ledger.flush());
        int requests = graphApi.marketingMessageRequests().size();

        Exchange refused = sendTo("+49 151 1000-0200", KEY + "optout-2");

        assertThat(refused.getException()).isInstanceOf(WhatsAppMarketingSuppressedException.class)
                .hasMessageContaining("OPTED_OUT").hasMessageNotContaining("4915110000200");
        assertThat(((WhatsAppMarketingSuppressedException) refused.getException()).getRecipient())
                .isEqualTo("+4915110000200");
        assertThat(graphApi.marketingMessageRequests()).hasSize(requests);
        assertThat(await(ledger.campaignReport("autumn")).suppressed()).isEqualTo(1);
    }

    @Test
    void an131049ParksTheRecipientForTheParkDurationOnTheInjectedClock() throws Exception {
        graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).withRequestBody(containing("4915110000300"))
                .willReturn(GraphApiStub.graphError(400, 131049, "(#131049) Ecosystem engagement", "Per-user limit")));
        sendTo("+4915110000300", KEY + "park");
        await(ledger.flush());

        assertThat(sendTo("+4915110000300", KEY + "park").getException())
                .isInstanceOf(WhatsAppMarketingSuppressedException.class).hasMessageContaining("PARKED")
                .hasMessageContaining("2026-10-02T08:00:00Z");
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(sendTo("+4915110000300", KEY + "park").getException())
                .isInstanceOf(WhatsAppMarketingSuppressedException.class);
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        graphApi.reset();
        acceptEach();
        assertThat(sendTo("+4915110000300", KEY + "park").getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
    }

    @Test
    void anUnknownOutcomeIsNotSentAgain() throws Exception {
        graphApi.stub(post(urlPathMatching("/.*/marketing_messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messaging_product\":\"whatsapp\"}")));
        Exchange first = sendTo("+4915110000400", KEY + "unknown");
        await(ledger.flush());

        Exchange again = sendTo("+4915110000400", KEY + "unknown");

        assertThat(first.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isNull();
        assertThat(again.getException()).isInstanceOf(WhatsAppMarketingUnknownOutcomeException.class)
                .hasMessageContaining("send key");
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
        assertThat(await(ledger.campaignReport("autumn")).unknownOutcomes()).isEqualTo(1);
    }

    @Test
    void sendsWithoutAKeyAreRecordedAndSuppressionsAddedByTheOperationAreHonoured() throws Exception {
        acceptEach();
        assertThat(sendTo("+4915110000500", null).getException()).isNull();
        assertThat(sendTo("+4915110000500", null).getException()).isNull();
        Object added = template.requestBody("whatsapp-marketing:suppress", List.of("+49 151 1000 0501", "+4915110000502"));
        assertThat(added).isEqualTo(2);

        assertThat(sendTo("+4915110000501", null).getException()).isInstanceOf(WhatsAppMarketingSuppressedException.class);
        assertThat(template.requestBody("whatsapp-marketing:unsuppress", "+4915110000501")).isEqualTo(true);
        assertThat(sendTo("+4915110000501", null).getException()).isNull();
        await(ledger.flush());

        CampaignReport report = template.requestBodyAndHeader("whatsapp-marketing:getCampaignReport", null,
                WhatsAppMarketingConstants.CAMPAIGN, "autumn", CampaignReport.class);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(graphApi.marketingMessageRequests()).hasSize(3);
        assertThat(await(ledger.suppression("+4915110000502"))).get().extracting(Suppression::note)
                .isEqualTo("suppress operation");
    }

    @Test
    void usAndImpossibleNumbersAreRefusedBeforeAnyRequestAndFormattedOnesAccepted() {
        acceptEach();
        assertThat(sendTo("+1 (202) 555-0143", KEY + "us").getException())
                .isInstanceOf(WhatsAppMarketingValidationException.class).hasMessageContaining("United States");
        assertThat(sendTo("+4915", KEY + "short").getException())
                .isInstanceOf(WhatsAppMarketingValidationException.class).hasMessageContaining("not a possible");
        assertThat(graphApi.marketingMessageRequests()).isEmpty();

        assertThat(sendTo("+1 416 555 0143", KEY + "canada").getException()).as("Canada is +1 too").isNull();
        assertThat(sendTo("+49 (151) 1000-0600", KEY + "formatted").getException()).isNull();
        assertThat(send(uri("usRecipients=SEND"), null, Map.of(WhatsAppMarketingConstants.TO, "+12025550143"))
                .getException()).isNull();
        assertThat(graphApi.marketingMessageRequests()).hasSize(3);
    }
}
