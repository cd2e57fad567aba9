package io.github.cwmarketing.whatsapp.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.metareference.WebhookSamples;
import io.github.cwmarketing.whatsapp.model.ErrorEvent;
import io.github.cwmarketing.whatsapp.model.FieldStatusEvent;
import io.github.cwmarketing.whatsapp.model.RoutedVia;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.UserActionEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookParserTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final WebhookParser parser = new WebhookParser(mapper);

    @Test
    void mapsEveryFieldOfTheMarketingLiteSample() throws Exception {
        StatusEvent event = onlyStatus(WebhookSamples.read("ASSEMBLED-status-sent-marketing_lite.json"));

        assertThat(event.getId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=");
        assertThat(event.getStatus()).isEqualTo("sent");
        assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1750030073));
        assertThat(event.getRecipientId()).isEqualTo("16505551234");
        assertThat(event.getBizOpaqueCallbackData()).isEqualTo("campaign-42:batch-7");
        assertThat(event.getConversation().getOrigin().getType()).isEqualTo("marketing_lite");
        assertThat(event.getPricing().getCategory()).isEqualTo("marketing_lite");
        assertThat(event.routedVia()).isEqualTo(RoutedVia.MARKETING_MESSAGES_API);
        assertThat(event.getWabaId()).isEqualTo("102290129340398");
        assertThat(event.getPhoneNumberId()).isEqualTo("106540352242922");
        assertThat(event.getDisplayPhoneNumber()).isEqualTo("15550783881");
        assertThat(mapper.readTree(event.getRawJson()))
                .isEqualTo(mapper.readTree(WebhookSamples.read("ASSEMBLED-status-sent-marketing_lite.json"))
                        .at("/entry/0/changes/0/value/statuses/0"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"1750030073\"", "1750030073", "1750030073.0", "\" 1750030073 \"",
                             "\"2025-06-15T23:27:53Z\"" })
    void readsTimestampsAsStringsOrNumbers(String timestamp) throws Exception {
        StatusEvent event = onlyStatus(statuses("{\"id\":\"w\",\"status\":\"sent\",\"timestamp\":" + timestamp + "}"));

        assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1750030073));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"soon\"", "\"\"", "null", "{}", "[1]", "true", "1e999999999", "\"1e999999999\"" })
    void unreadableTimestampsAreNullNotFatal(String timestamp) throws Exception {
        StatusEvent event = onlyStatus(statuses("{\"id\":\"w\",\"status\":\"sent\",\"timestamp\":" + timestamp + "}"));

        assertThat(event.getTimestamp()).isNull();
        assertThat(event.getId()).isEqualTo("w");
    }

    @Test
    void keepsFractionsOfSeconds() throws Exception {
        StatusEvent event = onlyStatus(statuses("{\"id\":\"w\",\"status\":\"sent\",\"timestamp\":\"1750030073.25\"}"));

        assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1750030073, 250_000_000));
    }

    @Test
    void skipsUnknownKeysAndElementsOfTheWrongJsonType() throws Exception {
        String body = "{\"object\":\"whatsapp_business_account\",\"unknown\":[1,{\"a\":null}],\"entry\":["
                      + "\"not an entry\",{\"id\":\"W\",\"changes\":{\"not\":\"an array\"}},"
                      + "{\"id\":\"W\",\"changes\":[{\"value\":\"text\",\"field\":\"messages\"},"
                      + "{\"field\":\"messages\"},"
                      + "{\"value\":{\"statuses\":{\"id\":\"x\"}},\"field\":\"messages\"},"
                      + "{\"value\":{\"statuses\":[42,null,{\"id\":\"ok\",\"status\":\"read\",\"extra\":{}}]},"
                      + "\"field\":\"messages\"}]}]}";

        List<WebhookEvent> events = parser.parse(utf8(body));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(((StatusEvent) event).getId()).isEqualTo("ok");
            assertThat(event.getWabaId()).isEqualTo("W");
            assertThat(event.getPhoneNumberId()).isNull();
        });
    }

    @Test
    void metadataAfterTheStatusesStillApplies() throws Exception {
        String body = "{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[{\"id\":\"w\",\"status\":\"sent\"}],"
                      + "\"metadata\":{\"phone_number_id\":\"PN\"}},\"field\":\"messages\"}],\"id\":\"W\"}],"
                      + "\"object\":\"whatsapp_business_account\"}";

        StatusEvent event = onlyStatus(utf8(body));

        assertThat(event.getPhoneNumberId()).isEqualTo("PN");
        assertThat(event.getWabaId()).isEqualTo("W");
    }

    @Test
    void statusesOfOtherFieldsAreNotMessageStatuses() throws Exception {
        String call = "{\"id\":\"wacid.CALL\",\"status\":\"RINGING\",\"timestamp\":\"1750030073\","
                      + "\"type\":\"call\",\"recipient_id\":\"16505551234\"}";
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":["
                      + "{\"value\":{\"statuses\":[" + call + "]},\"field\":\"calls\"},"
                      + "{\"value\":{\"statuses\":[{\"id\":\"wamid.NOFIELD\",\"status\":\"sent\"}]}},"
                      + "{\"value\":{\"statuses\":[{\"id\":\"wamid.OK\",\"status\":\"sent\"}]},"
                      + "\"field\":\"messages\"}]}]}";

        List<WebhookEvent> events = parser.parse(utf8(body));

        assertThat(events).extracting(WebhookEvent::eventType).containsExactly(WebhookEventType.field_status,
                WebhookEventType.field_status, WebhookEventType.status);
        FieldStatusEvent callStatus = (FieldStatusEvent) events.get(0);
        assertThat(callStatus.getField()).isEqualTo("calls");
        assertThat(callStatus.getId()).isEqualTo("wacid.CALL");
        assertThat(callStatus.getStatus()).isEqualTo("RINGING");
        assertThat(callStatus.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1750030073));
        assertThat(callStatus.getWabaId()).isEqualTo("W");
        assertThat(mapper.readTree(callStatus.getRawJson()).path("type").asText()).isEqualTo("call");
        assertThat(((FieldStatusEvent) events.get(1)).getField()).isNull();
        assertThat(((StatusEvent) events.get(2)).getId()).isEqualTo("wamid.OK");
        assertThat(DeduplicationKey.of(callStatus)).isEqualTo("wacid.CALL|calls:RINGING|16505551234");
    }

    @Test
    void messageArraysOfOtherFieldsAreNotEvents() throws Exception {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":["
                      + "{\"value\":{\"messages\":[{\"id\":\"wamid.ECHO\"}],\"errors\":[{\"code\":1}],"
                      + "\"user_actions\":[{\"action_type\":\"x\"}]},\"field\":\"smb_message_echoes\"}]}]}";

        assertThat(parser.parse(utf8(body))).isEmpty();
    }

    @Test
    void groupStatusesCarryTheirParticipantAndEachHasItsOwnKey() throws Exception {
        String first = "{\"id\":\"wamid.GROUP\",\"status\":\"read\",\"timestamp\":\"1750030073\","
                       + "\"recipient_id\":\"120363012345678901\",\"recipient_type\":\"group\","
                       + "\"recipient_participant_id\":\"16505551234\"}";
        String second = first.replace("16505551234", "16505559876");

        List<WebhookEvent> events = parser.parse(statuses(first, second));

        StatusEvent one = (StatusEvent) events.get(0);
        StatusEvent other = (StatusEvent) events.get(1);
        assertThat(one.getRecipientType()).isEqualTo("group");
        assertThat(one.getRecipientParticipantId()).isEqualTo("16505551234");
        assertThat(DeduplicationKey.of(one)).isNotEqualTo(DeduplicationKey.of(other));
        assertThat(DeduplicationKey.of(one)).isEqualTo(DeduplicationKey.of(parser.parse(statuses(first)).get(0)));
    }

    @Test
    void theStatusesOfOneMessageToDifferentRecipientsHaveDifferentKeys() throws Exception {
        String byPhone = "{\"id\":\"wamid.M\",\"status\":\"delivered\",\"recipient_id\":\"16505551234\"}";
        String byBsuid = "{\"id\":\"wamid.M\",\"status\":\"delivered\","
                         + "\"recipient_user_id\":\"US.13491208655302741918\"}";
        String otherBsuid = byBsuid.replace("US.1349", "US.9999");

        List<String> keys = parser.parse(statuses(byPhone, byBsuid, otherBsuid)).stream()
                .map(DeduplicationKey::of).toList();

        assertThat(keys).doesNotHaveDuplicates().containsExactly("wamid.M|delivered|16505551234",
                "wamid.M|delivered|US.13491208655302741918", "wamid.M|delivered|US.99991208655302741918");
    }

    @Test
    void mapsErrorsAndUserActions() throws Exception {
        ErrorEvent error = (ErrorEvent) parser.parse(WebhookSamples.read("errors-value-level.json")).get(0);
        UserActionEvent action = (UserActionEvent) parser.parse(WebhookSamples.read("user-actions-link-click.json"))
                .get(0);

        assertThat(error.getError().getCode()).isEqualTo(130429);
        assertThat(error.eventType()).isEqualTo(WebhookEventType.error);
        assertThat(action.getLinkClickData().getTrackingToken()).isEqualTo("example_token");
        assertThat(action.getTimestamp()).isEqualTo(Instant.ofEpochSecond(1750030200));
        assertThat(DeduplicationKey.of(action)).isEqualTo("click-0001|user_action");
        assertThat(DeduplicationKey.of(error)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "{", "{}", "[]", "null", "{\"object\":\"page\"}", "{\"object\":1}",
                             "{\"object\":\"whatsapp_business_account\"}{}",
                             "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":"
                             + "{\"statuses\":[{\"id\":\"w\",\"errors\":\"boom\"}]},\"field\":\"messages\"}]}]}" })
    void rejectsMalformedOrForeignBodiesWith400(String body) {
        assertThatThrownBy(() -> parser.parse(utf8(body)))
                .isInstanceOfSatisfying(WebhookRejection.class, e -> assertThat(e.getStatus()).isEqualTo(400));
    }

    @Test
    void serialisesEventsWithoutTheJsr310Module() throws Exception {
        StatusEvent event = onlyStatus(WebhookSamples.read("status-sent-marketing-cloudapi.json"));

        String json = mapper.writeValueAsString(event);
        StatusEvent copy = mapper.readValue(json, StatusEvent.class);

        assertThat(json).contains("\"timestamp\":\"1750030073\"", "\"waba_id\":\"102290129340398\"")
                .doesNotContain("raw_json", "rawJson");
        assertThat(copy.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(copy.getConversation().getExpirationTimestamp())
                .isEqualTo(event.getConversation().getExpirationTimestamp());
    }

    private StatusEvent onlyStatus(byte[] body) throws WebhookRejection {
        List<WebhookEvent> events = parser.parse(body);
        assertThat(events).hasSize(1);
        return (StatusEvent) events.get(0);
    }
}
