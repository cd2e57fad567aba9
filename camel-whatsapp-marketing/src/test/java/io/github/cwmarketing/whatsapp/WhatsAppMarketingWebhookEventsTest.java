package io.github.cwmarketing.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cwmarketing.whatsapp.model.FieldStatusEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.spi.WebhookEventOutcome;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import org.apache.camel.Message;
import org.apache.logging.log4j.Level;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.WABA_ID;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.entry;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.status;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.utf8;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.value;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.webhook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events of a POST become exchanges: every status of a message, one per recipient and group participant; only
 * the statuses of {@code messages} changes; inbound messages dropped (logged once, counted) with {@code events=statuses};
 * and how many re-deliveries the default deduplication store remembers.
 */
class WhatsAppMarketingWebhookEventsTest extends WebhookTestSupport {

    private static final String STATUSES_PATH = "/events/statuses";
    private static final String ALL_PATH = "/events/all";
    private static final String SMALL_CACHE_PATH = "/events/small-cache";
    private static final String SECRET = "events-secret";
    private static final String GROUP = "120363012345678901";
    private static final String INBOUND = "{\"from\":\"16505551234\",\"id\":\"wamid.IN1\",\"timestamp\":\"1750030100\","
                                          + "\"type\":\"text\",\"text\":{\"body\":\"Please call me back\"}}";

    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("outcomes", new WhatsAppMarketingListener() {
            @Override
            public void onWebhookEvent(WebhookEvent event, WebhookEventOutcome outcome) {
                outcomes.add(event.eventType() + " " + outcome);
            }
        });
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("whatsapp-marketing:webhook?webhookPath=" + STATUSES_PATH + "&appSecret=" + SECRET)
                        .to("mock:statuses");
                from("whatsapp-marketing:webhook?webhookPath=" + ALL_PATH + "&appSecret=" + SECRET + "&events=all")
                        .to("mock:all");
                from("whatsapp-marketing:webhook?webhookPath=" + SMALL_CACHE_PATH + "&appSecret=" + SECRET
                     + "&deduplicationCacheSize=2")
                        .to("mock:small");
            }
        };
    }

    @BeforeEach
    void reset() {
        MockEndpoint.resetMocks(context);
        outcomes.clear();
    }

    private List<Message> routed(String mock) {
        return getMockEndpoint(mock).getReceivedExchanges().stream().map(exchange -> exchange.getMessage()).toList();
    }

    private int post(String path, byte[] body) {
        return meta.postSigned(path, body, SECRET).statusCode();
    }

    private static String groupStatus(String status, String participant) {
        return "{\"id\":\"wamid.GROUP1\",\"status\":\"" + status + "\",\"timestamp\":\"1750030073\","
               + "\"recipient_id\":\"" + GROUP + "\",\"recipient_type\":\"group\","
               + "\"recipient_participant_id\":\"" + participant + "\"}";
    }

    @Test
    void everyParticipantOfAGroupGetsItsOwnStatusEventAndRedeliveriesRouteOnce() {
        byte[] body = statuses(groupStatus("read", "16505551234"), groupStatus("read", "16505559876"),
                groupStatus("read", "16505550000"));

        assertThat(post(STATUSES_PATH, body)).isEqualTo(200);
        assertThat(post(STATUSES_PATH, body)).isEqualTo(200);

        assertThat(routed("mock:statuses")).hasSize(3).allSatisfy(message -> {
            assertThat(message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.GROUP1");
            assertThat(message.getHeader(WhatsAppMarketingConstants.RECIPIENT_ID)).isEqualTo(GROUP);
        });
        assertThat(routed("mock:statuses"))
                .extracting(message -> message.getHeader(WhatsAppMarketingConstants.RECIPIENT_PARTICIPANT_ID))
                .containsExactly("16505551234", "16505559876", "16505550000");
        assertThat(outcomes).containsExactly("status ROUTED", "status ROUTED", "status ROUTED",
                "status DUPLICATE", "status DUPLICATE", "status DUPLICATE");
    }

    @Test
    void oneMessageIdStatusedForTwoRecipientsIsTwoEvents() {
        String toPhone = status("wamid.SAME", "delivered");
        String toBsuid = "{\"id\":\"wamid.SAME\",\"status\":\"delivered\",\"timestamp\":\"1750030073\","
                         + "\"recipient_user_id\":\"US.13491208655302741918\"}";

        assertThat(post(STATUSES_PATH, statuses(toPhone, toBsuid))).isEqualTo(200);
        assertThat(post(STATUSES_PATH, statuses(toBsuid))).isEqualTo(200);

        assertThat(routed("mock:statuses"))
                .extracting(message -> message.getHeader(WhatsAppMarketingConstants.RECIPIENT_ID))
                .containsExactly("16505551234", "US.13491208655302741918");
    }

    private static byte[] callStatusWebhook() {
        String call = "{\"id\":\"wacid.CALL1\",\"status\":\"RINGING\",\"timestamp\":\"1750030090\",\"type\":\"call\","
                      + "\"recipient_id\":\"16505551234\"}";
        String calls = "{\"value\":" + value(PHONE_NUMBER_ID, "statuses", call) + ",\"field\":\"calls\"}";
        return utf8(webhook(entry(WABA_ID, calls)));
    }

    @Test
    void statusesOfOtherFieldsAreNotRoutedAsMessageStatuses() {
        assertThat(post(STATUSES_PATH, callStatusWebhook())).isEqualTo(200);

        assertThat(routed("mock:statuses")).isEmpty();
        assertThat(outcomes).containsExactly("field_status IGNORED");
    }

    @Test
    void withAllEventsStatusesOfOtherFieldsComeAsFieldStatusEvents() {
        assertThat(post(ALL_PATH, callStatusWebhook())).isEqualTo(200);
        assertThat(post(ALL_PATH, callStatusWebhook())).isEqualTo(200);

        assertThat(routed("mock:all")).singleElement().satisfies(message -> {
            assertThat(message.getHeaders())
                    .containsEntry(WhatsAppMarketingConstants.EVENT_TYPE, "field_status")
                    .containsEntry(WhatsAppMarketingConstants.FIELD, "calls")
                    .containsEntry(WhatsAppMarketingConstants.STATUS, "RINGING")
                    .containsEntry(WhatsAppMarketingConstants.TIMESTAMP, Instant.ofEpochSecond(1750030090))
                    .containsEntry(WhatsAppMarketingConstants.PHONE_NUMBER_ID, PHONE_NUMBER_ID)
                    .containsEntry(WhatsAppMarketingConstants.WABA_ID, WABA_ID)
                    .doesNotContainKey(WhatsAppMarketingConstants.MESSAGE_ID);
            FieldStatusEvent event = message.getBody(FieldStatusEvent.class);
            assertThat(event.getId()).isEqualTo("wacid.CALL1");
            assertThat(event.getRawJson()).contains("\"type\":\"call\"");
        });
        assertThat(outcomes).containsExactly("field_status ROUTED", "field_status DUPLICATE");
    }

    @Test
    void inboundMessagesAreAcknowledgedDroppedCountedAndLoggedOnce() {
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + PHONE_NUMBER_ID
                       + "\"},\"messages\":[" + INBOUND + "," + INBOUND.replace("IN1", "IN2") + "],"
                       + "\"statuses\":[" + status("wamid.OUT1", "read") + "]}";
        byte[] body = utf8(webhook(entry(WABA_ID, "{\"value\":" + value + ",\"field\":\"messages\"}")));

        try (LogCapture log = LogCapture.open()) {
            assertThat(post(STATUSES_PATH, body)).isEqualTo(200);
            List<String> afterFirst = droppedMessageWarnings(log);
            assertThat(post(STATUSES_PATH, body)).isEqualTo(200);

            assertThat(droppedMessageWarnings(log)).as("nothing more logged").isEqualTo(afterFirst);
            assertThat(afterFirst.stream().distinct()).singleElement().satisfies(line -> {
                assertThat(line).contains(STATUSES_PATH, "events=all", "dropped");
                assertThat(line).doesNotContain("16505551234", "Please call me back", "wamid.IN1");
            });
        }
        assertThat(routed("mock:statuses")).extracting(m -> m.getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                .containsExactly("wamid.OUT1");
        assertThat(outcomes).containsExactly("message IGNORED", "message IGNORED", "status ROUTED",
                "message IGNORED", "message IGNORED", "status DUPLICATE");
    }

    /** The capture sees a line once per logger configuration it passes, so a line logged once may appear twice. */
    private static List<String> droppedMessageWarnings(LogCapture log) {
        return log.entries().stream()
                .filter(line -> line.level().isMoreSpecificThan(Level.WARN) && line.text().contains("inbound"))
                .map(LogCapture.Line::text).toList();
    }

    @Test
    void theDefaultStoreRemembersDeduplicationCacheSizeKeys() {
        byte[] first = statuses(status("wamid.C1", "sent"));

        assertThat(post(SMALL_CACHE_PATH, first)).isEqualTo(200);
        assertThat(post(SMALL_CACHE_PATH, statuses(status("wamid.C2", "sent")))).isEqualTo(200);
        assertThat(post(SMALL_CACHE_PATH, first)).as("still remembered").isEqualTo(200);
        assertThat(post(SMALL_CACHE_PATH, statuses(status("wamid.C3", "sent")))).isEqualTo(200);
        assertThat(post(SMALL_CACHE_PATH, first)).as("evicted by the third key").isEqualTo(200);

        assertThat(routed("mock:small")).extracting(m -> m.getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                .containsExactly("wamid.C1", "wamid.C2", "wamid.C3", "wamid.C1");
    }
}
