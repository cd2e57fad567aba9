package io.github.cwmarketing.whatsapp;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.metareference.WebhookSamples;
import io.github.cwmarketing.whatsapp.model.ErrorEvent;
import io.github.cwmarketing.whatsapp.model.MessageEvent;
import io.github.cwmarketing.whatsapp.model.StatusEvent;
import io.github.cwmarketing.whatsapp.model.UserActionEvent;
import io.github.cwmarketing.whatsapp.model.WebhookError;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.WABA_ID;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.change;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.entry;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.status;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.utf8;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.value;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.webhook;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook consumer over real HTTP: Meta (a JDK HttpClient) calls the Vert.x platform-http server on loopback.
 */
class WhatsAppMarketingWebhookConsumerTest extends WebhookTestSupport {

    private static final String PATH = "/whatsapp-marketing/webhook";
    private static final String ALL_PATH = "/whatsapp-marketing/all";
    private static final String SECRET = "6f1c2b9a7e3d4c5b8a9f0e1d2c3b4a59";
    private static final String ROTATED_SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String TOKEN = "meatyhamhock";
    private static final int FIVE_MIB = 5 * 1024 * 1024;

    private final ObjectMapper mapper = new ObjectMapper();
    private final MemoryIdempotentRepository statusesSeen = new MemoryIdempotentRepository();
    private final MemoryIdempotentRepository allSeen = new MemoryIdempotentRepository();
    /** Every event the statuses route was entered with, as "id|status", including failed attempts. */
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Set<String> failingIds = ConcurrentHashMap.newKeySet();
    private volatile String blockingId;
    private volatile CountDownLatch blockedEntered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("statusesSeen", statusesSeen);
        registry.bind("allSeen", allSeen);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("whatsapp-marketing:webhook?appSecret=" + SECRET + "," + ROTATED_SECRET + "&verifyToken=" + TOKEN
                     + "&idempotentRepository=#statusesSeen")
                        .routeId("statuses")
                        .process(exchange -> enterRoute(exchange.getMessage()))
                        .to("mock:statuses");
                from("whatsapp-marketing:webhook?webhookPath=" + ALL_PATH + "&appSecret=" + SECRET
                     + "&events=all&idempotentRepository=#allSeen")
                        .routeId("all")
                        .to("mock:all");
            }
        };
    }

    private void enterRoute(Message message) throws InterruptedException {
        String id = message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID, String.class);
        attempts.add(id + "|" + message.getHeader(WhatsAppMarketingConstants.STATUS));
        if (id.equals(blockingId)) {
            blockedEntered.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).as("released").isTrue();
        }
        if (failingIds.contains(id)) {
            throw new IllegalStateException("Simulated failure for " + id);
        }
    }

    @BeforeEach
    void reset() {
        MockEndpoint.resetMocks(context);
        statusesSeen.clear();
        allSeen.clear();
        attempts.clear();
        failingIds.clear();
        blockingId = null;
    }

    private HttpResponse<String> post(byte[] body) {
        return meta.postSigned(PATH, body, SECRET);
    }

    private MockEndpoint statusesMock() {
        return getMockEndpoint("mock:statuses");
    }

    private List<Exchange> routed() {
        return statusesMock().getReceivedExchanges();
    }

    private Message onlyRouted() {
        assertThat(routed()).hasSize(1);
        return routed().get(0).getMessage();
    }

    @Nested
    class Handshake {

        @Test
        void rightTokenIsAnsweredWithTheChallengeAsPlainText() {
            HttpResponse<String> response = meta.get(PATH,
                    "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + TOKEN);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("1158201444");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("hub."));
            assertThat(attempts).isEmpty();
        }

        @Test
        void challengeIsReturnedUnchanged() {
            HttpResponse<String> response = meta.get(PATH,
                    "hub.mode=subscribe&hub.challenge=a%20b%2Bc%26d&hub.verify_token=" + TOKEN);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("a b+c&d");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "hub.mode=subscribe&hub.challenge=42&hub.verify_token=wrong",
                "hub.mode=subscribe&hub.challenge=42&hub.verify_token=" + TOKEN + "x",
                "hub.mode=subscribe&hub.challenge=42&hub.verify_token=meatyhamhoc",
                "hub.mode=unsubscribe&hub.challenge=42&hub.verify_token=" + TOKEN })
        void wrongTokenOrModeIsForbidden(String query) {
            HttpResponse<String> response = meta.get(PATH, query);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("42");
            assertThat(attempts).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "",
                "hub.mode=subscribe",
                "hub.mode=subscribe&hub.verify_token=" + TOKEN,
                "hub.challenge=42&hub.verify_token=" + TOKEN,
                "hub.mode=&hub.challenge=42&hub.verify_token=" + TOKEN,
                "hub.mode=subscribe&hub.challenge=42&hub.verify_token=",
                "hub.mode=subscribe&hub.challenge=&hub.verify_token=" + TOKEN,
                "hub.mode=subscribe&hub.challenge=42&hub.challenge=43&hub.verify_token=" + TOKEN,
                "hub.mode&hub.challenge&hub.verify_token" })
        void missingEmptyOrRepeatedParametersAreAClientError(String query) {
            HttpResponse<String> response = meta.get(PATH, query);

            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(attempts).isEmpty();
        }

        @Test
        void endpointWithoutVerifyTokenRefusesEveryHandshake() {
            HttpResponse<String> response = meta.get(ALL_PATH, "hub.mode=subscribe&hub.challenge=42&hub.verify_token=x");

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Signatures {

        private final byte[] body = statuses(status("wamid.SIG1", "delivered"));

        @Test
        void validSignatureIsAcknowledgedWith200AndRouted() {
            HttpResponse<String> response = post(body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(onlyRouted().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.SIG1");
        }

        @Test
        void missingSignatureIsUnauthorized() {
            assertRejected(meta.post(PATH, body, null, MetaClient.JSON), 401);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "sha256=0000000000000000000000000000000000000000000000000000000000000000",
                "sha256=zz",
                "sha256=",
                "",
                "sha1=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12" })
        void wrongOrMalformedSignatureIsUnauthorized(String signature) {
            assertRejected(meta.post(PATH, body, signature, MetaClient.JSON), 401);
        }

        @Test
        void signatureWithoutItsPrefixIsUnauthorized() {
            String hexOnly = MetaClient.sign(SECRET, body).substring("sha256=".length());

            assertRejected(meta.post(PATH, body, hexOnly, MetaClient.JSON), 401);
        }

        @Test
        void tamperedBodyIsUnauthorized() {
            byte[] tampered = statuses(status("wamid.SIG1", "read"));

            assertRejected(meta.post(PATH, tampered, MetaClient.sign(SECRET, body), MetaClient.JSON), 401);
        }

        @Test
        void wrongSecretIsUnauthorized() {
            assertRejected(meta.postSigned(PATH, body, "not-the-app-secret"), 401);
        }

        @Test
        void secondSecretOfARotationIsAccepted() {
            HttpResponse<String> response = meta.postSigned(PATH, body, ROTATED_SECRET);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(routed()).hasSize(1);
        }

        @Test
        void uppercaseHexIsAccepted() {
            String signature = "sha256=" + MetaClient.sign(SECRET, body).substring(7).toUpperCase();

            assertThat(meta.post(PATH, body, signature, MetaClient.JSON).statusCode()).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = { MetaClient.JSON, "application/json; charset=ISO-8859-1" })
        void nonAsciiPayloadIsVerifiedOverItsRawBytes(String contentType) throws Exception {
            String status = "{\"id\":\"wamid.UTF8\",\"status\":\"read\",\"timestamp\":\"1750030073\","
                            + "\"recipient_id\":\"16505551234\",\"biz_opaque_callback_data\":\"Zoë 😀\","
                            + "\"name\":\"Zoë 😀\",\"escaped\":\"\\u00e4\\u00f6\\u00e5 \\/ \\u003C\"}";
            byte[] raw = statuses(status);

            HttpResponse<String> response = meta.post(PATH, raw, MetaClient.sign(SECRET, raw), contentType);

            assertThat(response.statusCode()).isEqualTo(200);
            StatusEvent event = onlyRouted().getBody(StatusEvent.class);
            assertThat(event.getBizOpaqueCallbackData()).isEqualTo("Zoë 😀");
            JsonNode rawJson = mapper.readTree(event.getRawJson());
            assertThat(rawJson.path("name").asText()).isEqualTo("Zoë 😀");
            assertThat(rawJson.path("escaped").asText()).isEqualTo("äöå / <");
        }

        private void assertRejected(HttpResponse<String> response, int status) {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(attempts).isEmpty();
            assertThat(routed()).isEmpty();
        }
    }

    @Nested
    class Samples {

        static List<String> samples() {
            return WebhookSamples.statusPayloads();
        }

        @ParameterizedTest
        @MethodSource("samples")
        void everySharedSampleRoutesEachOfItsStatuses(String sample) throws Exception {
            byte[] body = WebhookSamples.read(sample);
            List<String> expectedIds = mapper.readTree(body).findValues("statuses").stream()
                    .flatMap(statuses -> java.util.stream.StreamSupport.stream(statuses.spliterator(), false))
                    .map(status -> status.path("id").asText() + "|" + status.path("status").asText())
                    .toList();

            HttpResponse<String> response = post(body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(expectedIds).isNotEmpty();
            assertThat(attempts).containsExactlyElementsOf(expectedIds);
            for (Exchange exchange : routed()) {
                StatusEvent event = exchange.getMessage().getBody(StatusEvent.class);
                assertThat(event.getWabaId()).isEqualTo(WABA_ID);
                assertThat(event.getPhoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
                assertThat(event.getDisplayPhoneNumber()).isEqualTo("15550783881");
                assertThat(mapper.readTree(event.getRawJson()).path("id").asText()).isEqualTo(event.getId());
                assertThat(exchange.getMessage().getHeader(WhatsAppMarketingConstants.EVENT_TYPE)).isEqualTo("status");
            }
        }

        @Test
        void cloudApiRoutedMarketingStatus() {
            assertThat(post(WebhookSamples.read("status-sent-marketing-cloudapi.json")).statusCode()).isEqualTo(200);

            Message message = onlyRouted();
            assertThat(message.getHeaders())
                    .containsEntry(WhatsAppMarketingConstants.MESSAGE_ID,
                            "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=")
                    .containsEntry(WhatsAppMarketingConstants.STATUS, "sent")
                    .containsEntry(WhatsAppMarketingConstants.RECIPIENT_ID, "16505551234")
                    .containsEntry(WhatsAppMarketingConstants.TIMESTAMP, Instant.ofEpochSecond(1750030073))
                    .containsEntry(WhatsAppMarketingConstants.PHONE_NUMBER_ID, PHONE_NUMBER_ID)
                    .containsEntry(WhatsAppMarketingConstants.WABA_ID, WABA_ID)
                    .containsEntry(WhatsAppMarketingConstants.PRICING_CATEGORY, "marketing")
                    .containsEntry(WhatsAppMarketingConstants.ROUTED_VIA, "CLOUD_API")
                    .containsEntry(WhatsAppMarketingConstants.EVENT_TYPE, "status")
                    .doesNotContainKeys(WhatsAppMarketingConstants.ERROR_CODE, WhatsAppMarketingConstants.ERROR_TITLE,
                            MetaClient.SIGNATURE_HEADER, "Content-Type", Exchange.HTTP_METHOD);
            StatusEvent event = message.getBody(StatusEvent.class);
            assertThat(event.getConversation().getId()).isEqualTo("72b14d6bd5407799e66f64d1b338e567");
            assertThat(event.getConversation().getExpirationTimestamp()).isEqualTo(Instant.ofEpochSecond(1750116480));
            assertThat(event.getConversation().getOrigin().getType()).isEqualTo("marketing");
            assertThat(event.getPricing().getBillable()).isTrue();
            assertThat(event.getPricing().getPricingModel()).isEqualTo("PMP");
            assertThat(event.getPricing().getType()).isEqualTo("regular");
        }

        @Test
        void marketingMessagesApiRoutedStatus() {
            assertThat(post(WebhookSamples.read("ASSEMBLED-status-sent-marketing_lite.json")).statusCode())
                    .isEqualTo(200);

            Message message = onlyRouted();
            assertThat(message.getHeader(WhatsAppMarketingConstants.ROUTED_VIA)).isEqualTo("MARKETING_MESSAGES_API");
            assertThat(message.getHeader(WhatsAppMarketingConstants.PRICING_CATEGORY)).isEqualTo("marketing_lite");
            assertThat(message.getBody(StatusEvent.class).getBizOpaqueCallbackData()).isEqualTo("campaign-42:batch-7");
        }

        @Test
        void documentedMarketingLiteFragmentInAStatus() throws Exception {
            String fragment = new String(WebhookSamples.read("mm-marketing_lite-status-fragment.json"),
                    java.nio.charset.StandardCharsets.UTF_8).trim();
            String status = "{\"id\":\"wamid.FRAG\",\"status\":\"delivered\",\"timestamp\":1750030073,"
                            + "\"recipient_id\":\"16505551234\"," + fragment.substring(1);

            assertThat(post(statuses(status)).statusCode()).isEqualTo(200);

            Message message = onlyRouted();
            assertThat(message.getHeader(WhatsAppMarketingConstants.ROUTED_VIA)).isEqualTo("MARKETING_MESSAGES_API");
            assertThat(message.getBody(StatusEvent.class).getConversation().getId()).isEqualTo("<CONVERSATION_ID>");
        }

        @Test
        void failedStatusCarriesItsFirstError() {
            assertThat(post(WebhookSamples.read("status-failed-131049.json")).statusCode()).isEqualTo(200);

            Message message = onlyRouted();
            assertThat(message.getHeader(WhatsAppMarketingConstants.STATUS)).isEqualTo("failed");
            assertThat(message.getHeader(WhatsAppMarketingConstants.ERROR_CODE)).isEqualTo(131049);
            assertThat(message.getHeader(WhatsAppMarketingConstants.ERROR_TITLE))
                    .isEqualTo("This message was not delivered to maintain healthy ecosystem engagement.");
            assertThat(message.getHeaders()).doesNotContainKeys(WhatsAppMarketingConstants.ROUTED_VIA,
                    WhatsAppMarketingConstants.PRICING_CATEGORY);
            WebhookError error = message.getBody(StatusEvent.class).firstError();
            assertThat(error.getMessage()).isEqualTo(error.getTitle());
            assertThat(error.getErrorData().getDetails()).startsWith("In order to maintain a healthy ecosystem");
            assertThat(error.getHref()).isEqualTo("/documentation/business-messaging/whatsapp/support/error-codes");
        }

        @Test
        void deliveredStatusWithBusinessScopedUserIds() {
            assertThat(post(WebhookSamples.read("status-delivered-bsuid-parent-phone.json")).statusCode())
                    .isEqualTo(200);

            Message message = onlyRouted();
            StatusEvent event = message.getBody(StatusEvent.class);
            assertThat(event.getRecipientUserId()).isEqualTo("US.13491208655302741918");
            assertThat(event.getRecipientParentUserId()).isEqualTo("US.ENT.11815799212886844830");
            assertThat(message.getHeader(WhatsAppMarketingConstants.RECIPIENT_ID)).isEqualTo("16505551234");
            assertThat(message.getHeader(WhatsAppMarketingConstants.ROUTED_VIA)).isEqualTo("CLOUD_API");
        }
    }

    @Nested
    class PayloadShapes {

        @Test
        void bsuidOnlyStatusWithoutRecipientIdUsesTheBsuidAsRecipient() {
            String status = "{\"id\":\"wamid.BSUID\",\"status\":\"delivered\",\"timestamp\":\"1750030073\","
                            + "\"recipient_user_id\":\"US.13491208655302741918\"}";

            assertThat(post(statuses(status)).statusCode()).isEqualTo(200);

            Message message = onlyRouted();
            assertThat(message.getHeader(WhatsAppMarketingConstants.RECIPIENT_ID)).isEqualTo("US.13491208655302741918");
            assertThat(message.getBody(StatusEvent.class).getRecipientId()).isNull();
        }

        @Test
        void v24StatusWithoutConversationNorPricingHasNoRoutingHeaders() {
            String status = "{\"id\":\"wamid.V24\",\"status\":\"read\",\"timestamp\":1750030099,"
                            + "\"recipient_id\":\"16505551234\",\"some_future_field\":{\"nested\":[1,2,3]}}";

            assertThat(post(statuses(status)).statusCode()).isEqualTo(200);

            Message message = onlyRouted();
            assertThat(message.getHeader(WhatsAppMarketingConstants.TIMESTAMP)).isEqualTo(
                    Instant.ofEpochSecond(1750030099));
            assertThat(message.getHeaders()).doesNotContainKeys(WhatsAppMarketingConstants.ROUTED_VIA,
                    WhatsAppMarketingConstants.PRICING_CATEGORY, WhatsAppMarketingConstants.ERROR_CODE);
            StatusEvent event = message.getBody(StatusEvent.class);
            assertThat(event.getConversation()).isNull();
            assertThat(event.getPricing()).isNull();
            assertThat(event.getRawJson()).contains("some_future_field");
        }

        @Test
        void routedViaFromPricingCategoryAlone() {
            String lite = "{\"id\":\"wamid.LITE\",\"status\":\"delivered\",\"timestamp\":\"1\","
                          + "\"pricing\":{\"type\":\"regular\",\"category\":\"marketing_lite\"}}";
            String cloud = "{\"id\":\"wamid.CLOUD\",\"status\":\"delivered\",\"timestamp\":\"1\","
                           + "\"pricing\":{\"type\":\"regular\",\"category\":\"marketing\"}}";
            String utility = "{\"id\":\"wamid.UTIL\",\"status\":\"delivered\",\"timestamp\":\"1\","
                             + "\"pricing\":{\"type\":\"regular\",\"category\":\"utility\"}}";

            assertThat(post(statuses(lite, cloud, utility)).statusCode()).isEqualTo(200);

            assertThat(routed()).extracting(e -> e.getMessage().getHeader(WhatsAppMarketingConstants.ROUTED_VIA))
                    .containsExactly("MARKETING_MESSAGES_API", "CLOUD_API", null);
        }

        @Test
        void batchWithSeveralEntriesChangesAndStatusesIsRoutedInDocumentOrder() {
            String body = webhook(
                    entry("WABA-1",
                            change(value("PN-1", "statuses", status("wamid.1", "sent"), status("wamid.2", "sent"))),
                            change(value("PN-2", "statuses", status("wamid.3", "delivered")))),
                    entry("WABA-2",
                            change(value("PN-3", "statuses", status("wamid.4", "read"), status("wamid.5", "failed"),
                                    status("wamid.1", "delivered")))));

            assertThat(post(utf8(body)).statusCode()).isEqualTo(200);

            assertThat(attempts).containsExactly("wamid.1|sent", "wamid.2|sent", "wamid.3|delivered",
                    "wamid.4|read", "wamid.5|failed", "wamid.1|delivered");
            assertThat(routed()).extracting(e -> e.getMessage().getHeader(WhatsAppMarketingConstants.WABA_ID) + "/"
                                                 + e.getMessage().getHeader(WhatsAppMarketingConstants.PHONE_NUMBER_ID))
                    .containsExactly("WABA-1/PN-1", "WABA-1/PN-1", "WABA-1/PN-2", "WABA-2/PN-3", "WABA-2/PN-3",
                            "WABA-2/PN-3");
        }

        @Test
        void fullBatchOfAThousandStatusesIsRoutedCompletelyBeforeTheAcknowledgement() {
            String[] batch = java.util.stream.IntStream.range(0, 1000)
                    .mapToObj(i -> status("wamid.BATCH" + i, "delivered")).toArray(String[]::new);

            assertThat(post(statuses(batch)).statusCode()).isEqualTo(200);

            assertThat(attempts).hasSize(1000).startsWith("wamid.BATCH0|delivered").endsWith("wamid.BATCH999|delivered");
            assertThat(routed()).hasSize(1000);
        }

        @Test
        void valuesWithoutStatusesAreAcknowledgedAndNotRouted() {
            byte[] errors = WebhookSamples.read("errors-value-level.json");

            assertThat(post(errors).statusCode()).isEqualTo(200);
            assertThat(attempts).isEmpty();
        }

        @Test
        void emptyEntryListIsAcknowledged() {
            assertThat(post(utf8(webhook())).statusCode()).isEqualTo(200);
            assertThat(attempts).isEmpty();
        }
    }

    @Nested
    class HostileInput {

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[]} trailing",
                "[{\"object\":\"whatsapp_business_account\"}]",
                "\"whatsapp_business_account\"",
                "{\"object\":\"page\",\"entry\":[]}",
                "{\"entry\":[]}",
                "not json at all" })
        void malformedJsonOrWrongObjectIsABadRequest(String json) {
            HttpResponse<String> response = post(utf8(json));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(attempts).isEmpty();
        }

        @Test
        void truncatedRealPayloadIsABadRequest() {
            byte[] sample = WebhookSamples.read("status-sent-marketing-cloudapi.json");

            assertThat(post(Arrays.copyOf(sample, sample.length / 2)).statusCode()).isEqualTo(400);
            assertThat(attempts).isEmpty();
        }

        @Test
        void emptySignedBodyIsABadRequestAndUnsignedIsUnauthorized() {
            assertThat(post(new byte[0]).statusCode()).isEqualTo(400);
            assertThat(meta.post(PATH, new byte[0], null, MetaClient.JSON).statusCode()).isEqualTo(401);
            assertThat(attempts).isEmpty();
        }

        @Test
        void hugeBodyWithContentLengthIsTooLarge() {
            HttpResponse<String> response = post(hugeBody());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(attempts).isEmpty();
        }

        @Test
        void hugeChunkedBodyIsTooLarge() {
            byte[] body = hugeBody();

            HttpResponse<String> response = meta.postChunked(PATH, body, MetaClient.sign(SECRET, body));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(attempts).isEmpty();
        }

        @Test
        void chunkedBodyWithinTheLimitIsAccepted() {
            byte[] body = statuses(status("wamid.CHUNKED", "sent"));

            assertThat(meta.postChunked(PATH, body, MetaClient.sign(SECRET, body)).statusCode()).isEqualTo(200);
            assertThat(attempts).containsExactly("wamid.CHUNKED|sent");
        }

        @Test
        void threeMegabytePayloadIsAccepted() {
            byte[] body = bodyOfSize(3 * 1024 * 1024);

            assertThat(post(body).statusCode()).isEqualTo(200);
            assertThat(attempts).containsExactly("wamid.BIG|sent");
        }

        @ParameterizedTest
        @ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml",
                                 "application/jsonp" })
        void wrongContentTypeIsUnsupported(String contentType) {
            byte[] body = statuses(status("wamid.CT", "sent"));

            HttpResponse<String> response = meta.post(PATH, body, MetaClient.sign(SECRET, body), contentType);

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(attempts).isEmpty();
        }

        @Test
        void missingContentTypeIsUnsupported() {
            byte[] body = statuses(status("wamid.CT", "sent"));

            assertThat(meta.post(PATH, body, MetaClient.sign(SECRET, body), null).statusCode()).isEqualTo(415);
            assertThat(attempts).isEmpty();
        }

        @Test
        void statusOfTheWrongShapeIsABadRequest() {
            String status = "{\"id\":\"wamid.SHAPE\",\"status\":\"sent\",\"pricing\":\"not an object\"}";

            assertThat(post(statuses(status)).statusCode()).isEqualTo(400);
            assertThat(attempts).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = { "PUT", "DELETE", "PATCH" })
        void otherMethodsAreRefused(String method) {
            assertThat(meta.method(method, PATH).statusCode()).isBetween(400, 499);
            assertThat(attempts).isEmpty();
        }

        private byte[] hugeBody() {
            return bodyOfSize(FIVE_MIB);
        }

        private byte[] bodyOfSize(int size) {
            return WebhookPayloads.ofSize("wamid.BIG", size);
        }
    }

    @Nested
    class AcknowledgementAndDeduplication {

        @Test
        void samePostTwiceIsRoutedOnceAndAcknowledgedTwice() {
            byte[] body = statuses(status("wamid.DUP", "sent"), status("wamid.DUP", "delivered"));

            assertThat(post(body).statusCode()).isEqualTo(200);
            assertThat(post(body).statusCode()).isEqualTo(200);

            assertThat(attempts).containsExactly("wamid.DUP|sent", "wamid.DUP|delivered");
        }

        @Test
        void sameStatusTwiceInOnePostIsRoutedOnce() {
            assertThat(post(statuses(status("wamid.TWICE", "read"), status("wamid.TWICE", "read"))).statusCode())
                    .isEqualTo(200);

            assertThat(attempts).containsExactly("wamid.TWICE|read");
        }

        @Test
        void failedStatusGets500AndOnlyItIsRoutedAgainOnRedelivery() {
            byte[] body = statuses(status("wamid.A", "sent"), status("wamid.B", "sent"), status("wamid.C", "sent"));
            failingIds.add("wamid.B");

            HttpResponse<String> first = post(body);

            assertThat(first.statusCode()).isEqualTo(500);
            assertThat(attempts).containsExactly("wamid.A|sent", "wamid.B|sent", "wamid.C|sent");
            assertThat(routed()).extracting(e -> e.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                    .containsExactly("wamid.A", "wamid.C");

            failingIds.clear();
            HttpResponse<String> redelivery = post(body);

            assertThat(redelivery.statusCode()).isEqualTo(200);
            assertThat(attempts).containsExactly("wamid.A|sent", "wamid.B|sent", "wamid.C|sent", "wamid.B|sent");
            assertThat(routed()).extracting(e -> e.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                    .containsExactly("wamid.A", "wamid.C", "wamid.B");
        }

        @Test
        void statusThatKeepsFailingIsNeverAcknowledged() {
            byte[] body = statuses(status("wamid.POISON", "sent"));
            failingIds.add("wamid.POISON");

            assertThat(post(body).statusCode()).isEqualTo(500);
            assertThat(post(body).statusCode()).isEqualTo(500);

            assertThat(attempts).containsExactly("wamid.POISON|sent", "wamid.POISON|sent");
            assertThat(routed()).isEmpty();
        }

        @Test
        void concurrentDeliveriesOfTheSameStatusRouteItOnce() throws Exception {
            blockingId = "wamid.RACE";
            blockedEntered = new CountDownLatch(1);
            release = new CountDownLatch(1);
            byte[] firstBatch = statuses(status("wamid.RACE", "delivered"));
            byte[] secondBatch = statuses(status("wamid.OTHER", "sent"), status("wamid.RACE", "delivered"));

            CompletableFuture<HttpResponse<String>> first = meta.postSignedAsync(PATH, firstBatch, SECRET);
            assertThat(blockedEntered.await(10, TimeUnit.SECONDS)).as("first delivery in the route").isTrue();
            CompletableFuture<HttpResponse<String>> second = meta.postSignedAsync(PATH, secondBatch, SECRET);
            assertThat(first).isNotDone();
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(attempts).containsExactlyInAnyOrder("wamid.RACE|delivered", "wamid.OTHER|sent");
        }
    }

    @Nested
    class AllEvents {

        private MockEndpoint allMock() {
            return getMockEndpoint("mock:all");
        }

        @Test
        void valueLevelErrorsAreRoutedAsErrorEvents() {
            assertThat(meta.postSigned(ALL_PATH, WebhookSamples.read("errors-value-level.json"), SECRET).statusCode())
                    .isEqualTo(200);

            assertThat(allMock().getReceivedExchanges()).hasSize(1);
            Message message = allMock().getReceivedExchanges().get(0).getMessage();
            assertThat(message.getHeader(WhatsAppMarketingConstants.EVENT_TYPE)).isEqualTo("error");
            assertThat(message.getHeader(WhatsAppMarketingConstants.ERROR_CODE)).isEqualTo(130429);
            assertThat(message.getHeader(WhatsAppMarketingConstants.ERROR_TITLE)).isEqualTo("Rate limit hit");
            assertThat(message.getHeader(WhatsAppMarketingConstants.PHONE_NUMBER_ID)).isEqualTo(PHONE_NUMBER_ID);
            ErrorEvent event = message.getBody(ErrorEvent.class);
            assertThat(event.getError().getErrorData().getDetails())
                    .isEqualTo("Cloud API message throughput has been reached.");
        }

        @Test
        void repeatedValueLevelErrorsAreRoutedEachTime() {
            byte[] errors = WebhookSamples.read("errors-value-level.json");

            meta.postSigned(ALL_PATH, errors, SECRET);
            meta.postSigned(ALL_PATH, errors, SECRET);

            assertThat(allMock().getReceivedExchanges()).hasSize(2);
        }

        @Test
        void userActionsAreRoutedOnce() {
            byte[] clicks = WebhookSamples.read("user-actions-link-click.json");

            assertThat(meta.postSigned(ALL_PATH, clicks, SECRET).statusCode()).isEqualTo(200);
            assertThat(meta.postSigned(ALL_PATH, clicks, SECRET).statusCode()).isEqualTo(200);

            assertThat(allMock().getReceivedExchanges()).hasSize(1);
            Message message = allMock().getReceivedExchanges().get(0).getMessage();
            assertThat(message.getHeader(WhatsAppMarketingConstants.EVENT_TYPE)).isEqualTo("user_action");
            assertThat(message.getHeader(WhatsAppMarketingConstants.TIMESTAMP)).isEqualTo(Instant.ofEpochSecond(1750030200));
            UserActionEvent event = message.getBody(UserActionEvent.class);
            assertThat(event.getActionType()).isEqualTo("marketing_messages_link_click");
            assertThat(event.getLinkClickData().getClickComponent()).isEqualTo("cta");
            assertThat(event.getLinkClickData().getClickId()).isEqualTo("click-0001");
        }

        @Test
        void messagesAndStatusesOfOneValueAreRoutedInDocumentOrder() {
            String inbound = "{\"from\":\"16505551234\",\"id\":\"wamid.IN\",\"timestamp\":\"1750030100\","
                             + "\"type\":\"text\",\"text\":{\"body\":\"STOP\"}}";
            String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"PN\"},"
                           + "\"messages\":[" + inbound + "],\"statuses\":[" + status("wamid.OUT", "read") + "]}";
            byte[] body = utf8(webhook(entry(WABA_ID, change(value))));

            assertThat(meta.postSigned(ALL_PATH, body, SECRET).statusCode()).isEqualTo(200);
            assertThat(post(body).statusCode()).isEqualTo(200);

            List<WebhookEvent> events = allMock().getReceivedExchanges().stream()
                    .map(e -> e.getMessage().getBody(WebhookEvent.class)).toList();
            assertThat(events).hasSize(2);
            MessageEvent message = (MessageEvent) events.get(0);
            assertThat(message.getFrom()).isEqualTo("16505551234");
            assertThat(message.getType()).isEqualTo("text");
            assertThat(message.getRawJson()).contains("STOP");
            assertThat(events.get(1)).isInstanceOf(StatusEvent.class);
            assertThat(allMock().getReceivedExchanges().get(0).getMessage()
                    .getHeader(WhatsAppMarketingConstants.EVENT_TYPE)).isEqualTo("message");
            assertThat(attempts).as("events=statuses ignores the message").containsExactly("wamid.OUT|read");
        }
    }
}
