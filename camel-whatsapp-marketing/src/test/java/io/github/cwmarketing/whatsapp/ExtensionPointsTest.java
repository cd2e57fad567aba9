package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.pipeline.Pacer;
import io.github.cwmarketing.whatsapp.pipeline.PacerFactory;
import io.github.cwmarketing.whatsapp.spi.RetryEvent;
import io.github.cwmarketing.whatsapp.spi.RetryReason;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import io.github.cwmarketing.whatsapp.spi.WebhookEventOutcome;
import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.status;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's extension points, wired the Camel way: listener and pacer factory beans found in the registry are
 * used with no option set; several listeners are all told; a failing listener changes nothing.
 */
class ExtensionPointsTest extends WebhookTestSupport {

    private static final String SECRET = "a3f1c2b9a7e3d4c5b8a9f0e1d2c3b4a5";
    private static final String PATH = "/whatsapp-marketing/extension-points";
    private static GraphApiStub graphApi;

    private final RecordingListener first = new RecordingListener();
    private final RecordingListener second = new RecordingListener();
    private final FixedWaitPacers pacers = new FixedWaitPacers();

    @BeforeAll
    static void startGraphApi() {
        graphApi = new GraphApiStub();
    }

    @AfterAll
    static void stopGraphApi() {
        graphApi.close();
    }

    @BeforeEach
    void clear() {
        graphApi.reset();
        first.clear();
        second.clear();
        pacers.reserved.set(0);
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("first", first);
        registry.bind("second", second);
        registry.bind("failing", new WhatsAppMarketingListener() {
            @Override
            public void onSendCompleted(SendResult result) {
                throw new IllegalStateException("a broken listener");
            }

            @Override
            public void onWebhookEvent(WebhookEvent event, WebhookEventOutcome outcome) {
                throw new IllegalStateException("a broken listener");
            }
        });
        registry.bind("pacers", pacers);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("whatsapp-marketing:webhook?webhookPath=" + PATH + "&appSecret=" + SECRET)
                        .filter(header(WhatsAppMarketingConstants.STATUS).isEqualTo("failed"))
                        .throwException(new IllegalStateException("the route fails on failed statuses"));
            }
        };
    }

    private String sendUri(String baseUri, String extra) {
        return "whatsapp-marketing:send?accessToken=" + GraphApiStub.TOKEN + "&phoneNumberId="
               + GraphApiStub.PHONE_NUMBER_ID + "&baseUri=" + baseUri + "&templateName=autumn_offer"
               + "&templateLanguage=en&retryDelay=10ms&retryMaxDelay=100ms&messagesPerSecond=40"
               + "&pairPacing=false" + extra; // one recipient again and again
    }

    private Exchange send(String uri) {
        return template.send(uri, exchange -> exchange.getMessage()
                .setHeaders(new java.util.HashMap<>(Map.of(WhatsAppMarketingConstants.TO, "+4915112345678"))));
    }

    @Test
    void everyListenerBeanIsToldOfAnAcceptedSend() {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH))
                .willReturn(GraphApiStub.accepted("wamid.ACCEPTED", "4915112345678")));

        Exchange result = send(sendUri(graphApi.baseUri(), ""));

        assertThat(result.getException()).as("a failing listener changes nothing").isNull();
        for (RecordingListener listener : List.of(first, second)) {
            assertThat(listener.sends).singleElement().satisfies(send -> {
                assertThat(send.outcome()).isEqualTo(SendOutcome.ACCEPTED);
                assertThat(send.messageId()).isEqualTo("wamid.ACCEPTED");
                assertThat(send.messageStatus()).isEqualTo("accepted");
                assertThat(send.phoneNumberId()).isEqualTo(GraphApiStub.PHONE_NUMBER_ID);
                assertThat(send.templateName()).isEqualTo("autumn_offer");
                assertThat(send.latency()).isPositive();
                assertThat(send.failure()).isNull();
            });
        }
    }

    @Test
    void aRejectionCarriesMetasCodeAndRetryClass() {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH))
                .willReturn(GraphApiStub.graphError(400, 132001, "(#132001) Template name does not exist", "no")));

        send(sendUri(graphApi.baseUri(), ""));

        assertThat(first.sends).singleElement().satisfies(send -> {
            assertThat(send.outcome()).isEqualTo(SendOutcome.REJECTED);
            assertThat(send.errorCode()).isEqualTo(132001);
            assertThat(send.retryClass()).isEqualTo(RetryClass.CONFIGURATION);
            assertThat(send.messageId()).isNull();
        });
    }

    @Test
    void aRetryIsToldWithItsReasonThenTheSuccess() {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("limit")
                .whenScenarioStateIs(STARTED).willSetStateTo("limited")
                .willReturn(GraphApiStub.graphError(400, 130429, "(#130429) Rate limit hit", "throughput")));
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).inScenario("limit")
                .whenScenarioStateIs("limited")
                .willReturn(GraphApiStub.accepted("wamid.AFTER_RETRY", "4915112345678")));

        send(sendUri(graphApi.baseUri(), ""));

        assertThat(first.retries).singleElement().satisfies(retry -> {
            assertThat(retry.operation()).isEqualTo("send");
            assertThat(retry.retry()).isEqualTo(1);
            assertThat(retry.reason()).isEqualTo(RetryReason.API_ERROR);
            assertThat(retry.errorCode()).isEqualTo(130429);
            assertThat(retry.phoneNumberId()).isEqualTo(GraphApiStub.PHONE_NUMBER_ID);
        });
        assertThat(first.sends).extracting(SendResult::outcome).containsExactly(SendOutcome.ACCEPTED);
    }

    @Test
    void aRefusedConnectionIsNotSentAndAResponseTimeoutIsUnknown() {
        send(sendUri("http://127.0.0.1:1", "&maxRetries=0"));
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH))
                .willReturn(aResponse().withFixedDelay(2_000).withStatus(200)));
        send(sendUri(graphApi.baseUri(), "&responseTimeout=200ms"));

        assertThat(first.sends).extracting(SendResult::outcome)
                .containsExactly(SendOutcome.NOT_SENT, SendOutcome.UNKNOWN);
        assertThat(first.sends).allSatisfy(send -> assertThat(send.failure()).isNotNull());
    }

    @Test
    void theAutowiredPacerFactoryPacesEverySendAndItsWaitsAreTold() {
        graphApi.acceptAll();

        send(sendUri(graphApi.baseUri(), ""));
        send(sendUri(graphApi.baseUri(), ""));

        assertThat(pacers.created).as("one pacer per phone number id, whatever the test order")
                .containsExactly(GraphApiStub.PHONE_NUMBER_ID + "@40");
        assertThat(pacers.reserved).hasValue(2);
        assertThat(first.pacingWaits).containsExactly(FixedWaitPacers.WAIT, FixedWaitPacers.WAIT);
    }

    @Test
    void webhookEventsAndRejectionsAreTold() {
        assertThat(meta.postSigned(PATH, statuses(status("wamid.A", "delivered")), SECRET).statusCode()).isEqualTo(200);
        assertThat(meta.postSigned(PATH, statuses(status("wamid.A", "delivered")), SECRET).statusCode()).isEqualTo(200);
        assertThat(meta.postSigned(PATH, statuses(status("wamid.B", "failed")), SECRET).statusCode()).isEqualTo(500);
        assertThat(meta.postSigned(PATH, statuses(status("wamid.C", "read")), "wrong-secret").statusCode())
                .isEqualTo(401);
        assertThat(meta.postSigned(PATH, "not json".getBytes(), SECRET).statusCode()).isEqualTo(400);

        assertThat(second.webhookEvents).containsExactly("wamid.A ROUTED", "wamid.A DUPLICATE", "wamid.B FAILED");
        assertThat(second.rejections).containsExactly(WebhookRejectionReason.SIGNATURE + " 401",
                WebhookRejectionReason.MALFORMED + " 400");
    }

    /** Records what it is told. */
    static final class RecordingListener implements WhatsAppMarketingListener {
        final List<SendResult> sends = new CopyOnWriteArrayList<>();
        final List<RetryEvent> retries = new CopyOnWriteArrayList<>();
        final List<Duration> pacingWaits = new CopyOnWriteArrayList<>();
        final List<String> webhookEvents = new CopyOnWriteArrayList<>();
        final List<String> rejections = new CopyOnWriteArrayList<>();

        void clear() {
            sends.clear();
            retries.clear();
            pacingWaits.clear();
            webhookEvents.clear();
            rejections.clear();
        }

        @Override
        public void onSendCompleted(SendResult result) {
            sends.add(result);
        }

        @Override
        public void onRetry(RetryEvent retry) {
            retries.add(retry);
        }

        @Override
        public void onPacingWait(String phoneNumberId, Duration wait) {
            pacingWaits.add(wait);
        }

        @Override
        public void onWebhookEvent(WebhookEvent event, WebhookEventOutcome outcome) {
            webhookEvents.add(((io.github.cwmarketing.whatsapp.model.StatusEvent) event).getId() + " " + outcome);
        }

        @Override
        public void onWebhookRejected(WebhookRejectionReason reason, int httpStatus) {
            rejections.add(reason + " " + httpStatus);
        }
    }

    /** Pacers that make every send wait a short fixed time, and remember what they were asked. */
    static final class FixedWaitPacers implements PacerFactory {
        static final Duration WAIT = Duration.ofMillis(20);
        final List<String> created = new CopyOnWriteArrayList<>();
        final AtomicInteger reserved = new AtomicInteger();

        @Override
        public Pacer createPacer(String pacingKey, int messagesPerSecond) {
            created.add(pacingKey + "@" + messagesPerSecond);
            return new Pacer() {
                @Override
                public CompletionStage<Long> acquire() {
                    reserved.incrementAndGet();
                    return CompletableFuture.completedFuture(WAIT.toNanos());
                }

                @Override
                public int messagesPerSecond() {
                    return messagesPerSecond;
                }
            };
        }
    }
}
