package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.Map;
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

    @Test
    void pacingOffSendsWithoutSpacing() {
        graphApi.acceptAll();
        String uri = sendUri("templateName=a&templateLanguage=en&messagesPerSecond=0");

        Exchange result = template.send(uri, exchange -> exchange.getMessage()
                .setHeaders(new java.util.HashMap<>(Map.of(WhatsAppMarketingConstants.TO, "4915112345678"))));

        assertThat(result.getException()).isNull();
        assertThat(context.getEndpoint(uri, WhatsAppMarketingEndpoint.class).pacer("1")).isNull();
    }
}
