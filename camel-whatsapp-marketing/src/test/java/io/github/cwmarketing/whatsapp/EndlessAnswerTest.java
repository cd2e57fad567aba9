package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingInvalidResponseException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cwmarketing.whatsapp.http.GraphApiTransport.MAX_RESPONSE_BODY_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that answers 200 with a chunked body that never ends (no Content-Length to refuse up front): the component
 * stops reading once the body passes {@code MAX_RESPONSE_BODY_BYTES}, drops the connection, and fails the exchange
 * typed, instead of buffering until the heap is gone or waiting forever.
 */
class EndlessAnswerTest extends CamelTestSupport {

    private static final int CHUNK = 64 * 1024;
    /** Where the server gives up on its own, so that a component that keeps reading fails the test, not the JVM. */
    private static final long SERVER_CAP = 256L * 1024 * 1024;

    private HttpServer server;
    private final AtomicLong bytesWritten = new AtomicLong();
    private final CountDownLatch answerEnded = new CountDownLatch(1);
    private volatile boolean droppedByClient;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answerForever);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answerForever(HttpExchange exchange) throws IOException {
        try (InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '{';
        try (OutputStream body = exchange.getResponseBody()) {
            while (bytesWritten.get() < SERVER_CAP) {
                body.write(chunk);
                bytesWritten.addAndGet(CHUNK);
                chunk[0] = ' ';
            }
        } catch (IOException dropped) {
            droppedByClient = true;
        } finally {
            answerEnded.countDown();
        }
    }

    private String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aSendAnsweredWithAnEndlessBodyIsAnUnknownOutcome() throws InterruptedException {
        Exchange result = template.request("whatsapp-marketing:send?templateName=autumn_offer&templateLanguage=de"
                                           + "&accessToken=T0KEN&phoneNumberId=106540352244458&pairPacing=false"
                                           + "&retryOnResponseTimeout=true&baseUri=" + baseUri(),
                exchange -> exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678"));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingUnknownOutcomeException.class)
                .hasMessageContaining("HTTP 200").hasMessageContaining("a body longer than " + MAX_RESPONSE_BODY_BYTES);
        assertReadingStoppedEarly();
    }

    @Test
    void anOperationAnsweredWithAnEndlessBodyIsAnInvalidResponse() throws InterruptedException {
        Exchange result = template.request("whatsapp-marketing:getOnboardingStatus?accessToken=T0KEN&wabaId=102290129340398"
                                           + "&baseUri=" + baseUri(), exchange -> { });

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingInvalidResponseException.class)
                .hasMessageContaining("a body longer than " + MAX_RESPONSE_BODY_BYTES);
        assertReadingStoppedEarly();
    }

    private void assertReadingStoppedEarly() throws InterruptedException {
        assertThat(answerEnded.await(10, TimeUnit.SECONDS)).as("the server's answer ended").isTrue();
        assertThat(droppedByClient).as("the component dropped the connection").isTrue();
        assertThat(bytesWritten.get()).as("bytes the server could write before the drop (socket buffers included)")
                .isLessThan(SERVER_CAP / 4);
    }
}
