package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.spi.PacingStatus;
import io.github.cwmarketing.whatsapp.spi.RateChangeReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pacing seen from the server: requests sent concurrently arrive no faster than the configured rate. Only a lower
 * bound on the spread is asserted, which a slow machine cannot break; the rest: starting, sharing and adapting rates.
 */
class SendPacingTest extends SendTestSupport {

    private final List<String> pacingEvents = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("pacingEvents", new WhatsAppMarketingListener() {
            @Override
            public void onPacingStarted(PacingStatus status) {
                pacingEvents.add("started " + status.phoneNumberId() + " at " + status.messagesPerSecond() + " max "
                                 + status.maxMessagesPerSecond());
            }

            @Override
            public void onRateChanged(PacingStatus status, int previousRate, RateChangeReason reason) {
                pacingEvents.add(previousRate + "->" + status.messagesPerSecond() + " " + reason);
            }
        });
    }

    /**
     * Measured from a moment before the warm-up send, which is no later than the warm-up's slot, to the last arrival,
     * which is no earlier than the last slot: the bucket holds one token, so the last of the concurrent sends has a
     * slot at least {@code messages} intervals after the warm-up's. A stall of the machine (a busy scheduler, a slow
     * warm-up answer) can only lengthen this, never shorten it. The warm-up opens the connection.
     */
    @Test
    void concurrentSendsThroughOnePhoneNumberArriveAtTheConfiguredRate() {
        graphApi.acceptAll();
        int messages = 11;
        int rate = 50;
        String uri = sendUri("templateName=a&templateLanguage=en&messagesPerSecond=" + rate);
        long before = System.currentTimeMillis();
        assertThat(template.send(uri, exchange -> exchange.getMessage()
                .setHeader(WhatsAppMarketingConstants.TO, "4915112345600")).getException()).isNull();

        List<CompletableFuture<Exchange>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String to = "49151123456" + (10 + i);
            sends.add(template.asyncSend(uri, exchange -> exchange.getMessage()
                    .setHeader(WhatsAppMarketingConstants.TO, to)));
        }
        sends.forEach(send -> assertThat(send.join().getException()).isNull());

        long lastArrival = graphApi.marketingMessageRequests().stream()
                .map(LoggedRequest::getLoggedDate).mapToLong(java.util.Date::getTime).max().orElseThrow();
        long pacedMillis = messages * 1000L / rate;
        // 1 ms: both clocks are read in whole milliseconds
        assertThat(lastArrival - before).isGreaterThanOrEqualTo(pacedMillis - 1);
    }

    /**
     * With pacing off the sends go out unspaced, although the component's default rate is 1 per second and a paced
     * endpoint of the same phone number has just booked its bucket: paced, the six would need at least 5 s.
     */
    @Test
    void pacingOffSendsWithoutSpacing() {
        graphApi.acceptAll();
        context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).getConfiguration()
                .setMessagesPerSecond(1);
        Exchange paced = template.send(sendUri("templateName=a&templateLanguage=en"), exchange -> exchange.getMessage()
                .setHeader(WhatsAppMarketingConstants.TO, "4915112345678"));
        assertThat(paced.getException()).isNull();
        String unpaced = sendUri("templateName=a&templateLanguage=en&messagesPerSecond=0");

        List<CompletableFuture<Exchange>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(template.asyncSend(unpaced, exchange -> exchange.getMessage()
                    .setHeader(WhatsAppMarketingConstants.TO, "4915112345678")));
        }
        sends.forEach(send -> assertThat(send.join().getException()).isNull());

        List<Long> arrivals = graphApi.marketingMessageRequests().stream()
                .map(LoggedRequest::getLoggedDate).map(java.util.Date::getTime).sorted().toList();
        assertThat(arrivals).hasSize(6);
        assertThat(arrivals.get(5) - arrivals.get(0)).as("six sends paced at 1/s would spread over 5 s")
                .isLessThan(2_500);
    }

    @Test
    void endpointsThatDisagreeOnANumbersRateFailAtStartUpNamingBoth() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fast").to(sendUri("templateName=a&templateLanguage=en&messagesPerSecond=80"));
                from("direct:faster").to(sendUri("templateName=a&templateLanguage=en&messagesPerSecond=1000"));
            }
        })).hasStackTraceContaining("Phone number id " + GraphApiStub.PHONE_NUMBER_ID + " is paced at")
                .hasStackTraceContaining("messagesPerSecond=80")
                .hasStackTraceContaining("asks for messagesPerSecond=1000")
                .hasStackTraceContaining("one number has one rate");
    }

    @Test
    void endpointsThatDisagreeOnlyOnPairPacingShareTheFirstOnesWithAWarning() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:paired").to(sendUri("templateName=a&templateLanguage=en&pairPacing=true"));
                    from("direct:unpaired").to(sendUri("templateName=a&templateLanguage=en&pairPacing=false"));
                }
            });

            assertThat(log.lines()).anyMatch(line -> line.contains("keeps pairPacing=true")
                                                     && line.contains("pairPacing=false, maxPendingSends=1000 are not used"));
        }
    }

    @Test
    void anAdaptiveRateStartsAtTheNumbersThroughputLevelWhenTheTokenMayReadIt() throws Exception {
        graphApi.stub(get(urlPathEqualTo("/v25.0/" + GraphApiStub.PHONE_NUMBER_ID))
                .willReturn(GraphApiStub.json("{\"throughput\":{\"level\":\"HIGH\"},\"id\":\"1\"}")));

        String uri = sendUri("templateName=a&templateLanguage=en&maxMessagesPerSecond=1000");
        startProducer(uri);
        context.getEndpoint(uri, WhatsAppMarketingEndpoint.class).throughputLevelRead().join();

        assertThat(pacingEvents).containsExactly("started " + GraphApiStub.PHONE_NUMBER_ID + " at 80 max 1000",
                "80->1000 THROUGHPUT_LEVEL");
        assertThat(graphApi.allRequests()).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).endsWith("?fields=throughput"));
    }

    @Test
    void withoutPermissionToReadTheLevelTheAdaptiveRateStartsAtMessagesPerSecond() throws Exception {
        graphApi.stub(get(urlPathEqualTo("/v25.0/" + GraphApiStub.PHONE_NUMBER_ID))
                .willReturn(GraphApiStub.graphError(403, 200, "(#200) Permissions error", "no permission")));

        String uri = sendUri("templateName=a&templateLanguage=en&maxMessagesPerSecond=1000");
        startProducer(uri);
        context.getEndpoint(uri, WhatsAppMarketingEndpoint.class).throughputLevelRead().join();

        assertThat(graphApi.allRequests()).hasSize(1);
        assertThat(pacingEvents).as("no change after the refused read")
                .containsExactly("started " + GraphApiStub.PHONE_NUMBER_ID + " at 80 max 1000");
    }

    @Test
    void aFixedRateDoesNotReadTheLevel() throws Exception {
        String uri = sendUri("templateName=a&templateLanguage=en&messagesPerSecond=50");
        startProducer(uri);

        assertThat(pacingEvents).containsExactly("started " + GraphApiStub.PHONE_NUMBER_ID + " at 50 max 50");
        assertThat(context.getEndpoint(uri, WhatsAppMarketingEndpoint.class).throughputLevelRead()).isNull();
        assertThat(graphApi.allRequests()).isEmpty();
    }

    @Test
    void maxMessagesPerSecondBelowTheStartingRateIsRefusedAtStartUp() {
        assertThatThrownBy(() -> startProducer(sendUri(
                "templateName=a&templateLanguage=en&messagesPerSecond=80&maxMessagesPerSecond=40")))
                .hasStackTraceContaining("maxMessagesPerSecond (40) must be 0 (fixed rate) or at least"
                                         + " messagesPerSecond (80)");
    }

    private void startProducer(String uri) throws Exception {
        context.getEndpoint(uri).createProducer().start();
    }
}
