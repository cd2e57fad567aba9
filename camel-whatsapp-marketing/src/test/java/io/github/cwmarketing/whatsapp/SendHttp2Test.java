package io.github.cwmarketing.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cwmarketing.whatsapp.support.LogCapture;
import io.github.cwmarketing.whatsapp.support.TlsGraphApiStub;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends over TLS to a server with a small HTTP/2 stream limit: the component multiplexes on several connections, each
 * under the limit (not one request per connection, not everything on one), falls back to HTTP/1.1 when the server
 * does not choose HTTP/2, and stops with requests in flight without an error from an I/O thread.
 */
class SendHttp2Test extends CamelTestSupport {

    private static final int STREAM_LIMIT = 100;
    private static TlsGraphApiStub http2;

    @BeforeAll
    static void startServer() {
        http2 = new TlsGraphApiStub(true, STREAM_LIMIT, 300);
    }

    @AfterAll
    static void stopServer() {
        http2.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("trustStub", http2.trust());
    }

    private static String sendUri(TlsGraphApiStub server, String options) {
        return "whatsapp-marketing:send?accessToken=EAAtestTOKEN0123456789secret&phoneNumberId=106540352242922"
               + "&baseUri=" + server.baseUri() + "&templateName=autumn_offer&templateLanguage=en"
               + "&messagesPerSecond=0&sslContextParameters=#trustStub" + options;
    }

    private List<CompletableFuture<Exchange>> sendAtOnce(String uri, int messages) {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String to = "49151" + (10_000_000 + i);
            sends.add(template.asyncSend(uri, exchange -> exchange.getMessage()
                    .setHeader(WhatsAppMarketingConstants.TO, to)));
        }
        return sends;
    }

    @Test
    void requestsInFlightAreSpreadOverSeveralHttp2ConnectionsEachUnderTheStreamLimit() {
        int before = http2.connections();
        List<CompletableFuture<Exchange>> sends = sendAtOnce(sendUri(http2, ""), 250);

        sends.forEach(send -> assertThat(send.join().getException()).isNull());

        assertThat(http2.http2Requests()).isGreaterThanOrEqualTo(250);
        assertThat(http2.maxStreamsPerConnection()).isLessThanOrEqualTo(STREAM_LIMIT).isGreaterThan(50);
        assertThat(http2.connections() - before).as("250 in flight at 100 streams each").isBetween(3, 4);
    }

    @Test
    void aServerThatDoesNotChooseHttp2GetsHttp11() {
        try (TlsGraphApiStub http1Only = new TlsGraphApiStub(false, STREAM_LIMIT, 10)) {
            context.getRegistry().bind("trustHttp1", http1Only.trust());
            String uri = sendUri(http1Only, "&retryDelay=10ms").replace("#trustStub", "#trustHttp1");

            List<CompletableFuture<Exchange>> sends = sendAtOnce(uri, 5);

            sends.forEach(send -> assertThat(send.join().getException()).isNull());
            assertThat(http1Only.requests()).isEqualTo(5);
            assertThat(http1Only.http2Requests()).isZero();
        }
    }

    @Test
    void stoppingWithRequestsInFlightLogsNoErrorFromAnIoThread() throws Exception {
        List<CompletableFuture<Exchange>> sends = sendAtOnce(sendUri(http2, ""), 300);
        try (LogCapture log = LogCapture.open()) {
            while (http2.requests() < 300 && sends.stream().noneMatch(CompletableFuture::isDone)) {
                Thread.sleep(5);
            }

            context.stop();

            assertThat(sends).allSatisfy(send -> assertThat(send).isDone());
            assertThat(log.lines()).noneMatch(line -> line.contains("ConcurrentModificationException"))
                    .noneMatch(line -> line.contains("I/O dispatch worker terminated abnormally"));
        }
    }
}
