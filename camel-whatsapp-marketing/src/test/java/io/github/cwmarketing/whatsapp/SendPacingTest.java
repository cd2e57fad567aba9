package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pacing seen from the server: requests sent concurrently arrive no faster than the configured rate. Only a lower
 * bound on the spread is asserted, which a slow machine cannot break.
 */
class SendPacingTest extends SendTestSupport {

    @Test
    void concurrentSendsThroughOnePhoneNumberArriveAtTheConfiguredRate() {
        graphApi.acceptAll();
        int messages = 11;
        int rate = 50;
        String uri = sendUri("templateName=a&templateLanguage=en&messagesPerSecond=" + rate);

        List<CompletableFuture<Exchange>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sends.add(template.asyncSend(uri, exchange -> exchange.getMessage()
                    .setHeader(WhatsAppMarketingConstants.TO, "4915112345678")));
        }
        sends.forEach(send -> assertThat(send.join().getException()).isNull());

        List<Long> arrivals = graphApi.marketingMessageRequests().stream()
                .map(LoggedRequest::getLoggedDate).map(java.util.Date::getTime).sorted().toList();
        long spreadMillis = arrivals.get(arrivals.size() - 1) - arrivals.get(0);
        long pacedMillis = (messages - 1) * 1000L / rate;
        assertThat(spreadMillis).isGreaterThanOrEqualTo(pacedMillis * 8 / 10);
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
}
