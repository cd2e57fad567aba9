package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.support.HeapMeter;
import io.github.cwmarketing.whatsapp.support.RawHttpUpload;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's memory is bounded by {@code maxBodySize} on the Vert.x engine, whatever Vert.x's own body limit says:
 * measured as heap after garbage collection while several uploads are held open by raw sockets.
 */
class WhatsAppMarketingWebhookBodyLimitsTest extends WebhookTestSupport {

    private static final int MIB = 1024 * 1024;
    /** 1 MiB, and a short drain after a refusal. */
    private static final String SMALL = "/limits/small";
    /** 1 MiB, the default read timeout: slow uploads within the limit. */
    private static final String WITHIN = "/limits/within";
    private static final String SLOW = "/limits/slow";
    private static final String LARGE = "/limits/large";
    private static final String SECRET = "limits-secret";
    private static final int UPLOADS = 8;
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final List<RawHttpUpload> uploads = new ArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("rejections", new WhatsAppMarketingListener() {
            @Override
            public void onWebhookRejected(WebhookRejectionReason reason, int httpStatus) {
                rejections.add(reason + " " + httpStatus);
            }
        });
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("whatsapp-marketing:webhook?webhookPath=" + SMALL + "&appSecret=" + SECRET + "&maxBodySize=" + MIB
                     + "&bodyReadTimeout=2s")
                        .to("mock:routed");
                from("whatsapp-marketing:webhook?webhookPath=" + WITHIN + "&appSecret=" + SECRET + "&maxBodySize=" + MIB)
                        .to("mock:routed");
                from("whatsapp-marketing:webhook?webhookPath=" + SLOW + "&appSecret=" + SECRET
                     + "&bodyReadTimeout=300ms")
                        .to("mock:routed");
                from("whatsapp-marketing:webhook?webhookPath=" + LARGE + "&appSecret=" + SECRET
                     + "&maxBodySize=" + 12 * MIB)
                        .to("mock:routed");
            }
        };
    }

    @BeforeEach
    void reset() {
        MockEndpoint.resetMocks(context);
        rejections.clear();
    }

    @AfterEach
    void closeUploads() throws IOException {
        for (RawHttpUpload upload : uploads) {
            upload.close();
        }
        uploads.clear();
    }

    private RawHttpUpload start(String path, long contentLength, byte[] body) throws IOException {
        RawHttpUpload upload = RawHttpUpload.start(port, path, contentLength, "X-Hub-Signature-256",
                MetaClient.sign(SECRET, body));
        uploads.add(upload);
        return upload;
    }

    /** Sends pieces of the body until {@code bytes} are sent or the server closed the connection. */
    private static void trickle(RawHttpUpload upload, int bytes) {
        byte[] piece = new byte[64 * 1024];
        for (int sent = 0; sent < bytes && upload.send(piece); sent += piece.length) {
            // the upload stays open afterwards
        }
    }

    @Test
    void slowUploadsAnnouncingTenMebibytesAreRefusedAtOnceAndHoldNoMemory() throws Exception {
        long before = HeapMeter.usedAfterGc();

        for (int i = 0; i < UPLOADS; i++) {
            trickle(start(SMALL, 10L * MIB, new byte[0]), 2 * MIB);
        }
        long held = HeapMeter.usedAfterGc() - before;
        List<Integer> answers = new ArrayList<>();
        for (RawHttpUpload upload : uploads) {
            answers.add(upload.awaitStatus(ANSWER));
        }

        assertThat(HeapMeter.mebibytes(held)).as("MiB held by %d open uploads announcing 10 MiB", UPLOADS)
                .isLessThan(4);
        assertThat(answers).as("413 while the uploads are still open").containsOnly(413).hasSize(UPLOADS);
        for (RawHttpUpload upload : uploads) {
            assertThat(upload.awaitClosedByServer(ANSWER)).as("connection closed after the drain").isTrue();
        }
        assertThat(rejections).hasSize(UPLOADS).containsOnly("SIZE 413");
    }

    @Test
    void slowUploadsWithinTheLimitHoldOnlyWhatArrivedAndAreRoutedWhenComplete() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            bodies.add(WebhookPayloads.ofSize("wamid.SLOW" + i, MIB));
        }
        int sent = 128 * 1024;
        long before = HeapMeter.usedAfterGc();

        for (byte[] body : bodies) {
            start(WITHIN, body.length, body).send(body, 0, sent);
        }
        for (RawHttpUpload upload : uploads) {
            assertThat(upload.awaitStatus(Duration.ofMillis(100))).as("no answer before the body is complete").isNull();
        }
        long held = HeapMeter.usedAfterGc() - before;

        assertThat(HeapMeter.mebibytes(held)).as("MiB held by %d uploads of 128 KiB out of 1 MiB", UPLOADS)
                .isLessThan(4);
        for (int i = 0; i < UPLOADS; i++) {
            uploads.get(i).send(bodies.get(i), sent, MIB - sent);
        }
        for (RawHttpUpload upload : uploads) {
            assertThat(upload.awaitStatus(ANSWER)).isEqualTo(200);
        }
        assertThat(getMockEndpoint("mock:routed").getReceivedCounter()).isEqualTo(UPLOADS);
    }

    @Test
    void chunkedUploadsAreCutOffAsSoonAsTheyPassTheLimitAndHoldNoMemory() throws Exception {
        long before = HeapMeter.usedAfterGc();

        for (int i = 0; i < UPLOADS; i++) {
            trickle(start(SMALL, -1, new byte[0]), 4 * MIB);
        }
        long held = HeapMeter.usedAfterGc() - before;
        List<Integer> answers = new ArrayList<>();
        for (RawHttpUpload upload : uploads) {
            answers.add(upload.awaitStatus(ANSWER));
        }

        assertThat(HeapMeter.mebibytes(held)).as("MiB held by %d open uploads of up to 4 MiB", UPLOADS).isLessThan(4);
        assertThat(answers).as("413 while the uploads are still open").containsOnly(413).hasSize(UPLOADS);
        assertThat(rejections).containsOnly("SIZE 413");
    }

    @Test
    void aBodyLargerThanVertxsOwnLimitIsAcceptedWhenMaxBodySizeAllowsIt() {
        byte[] body = WebhookPayloads.ofSize("wamid.ELEVEN", 11 * MIB);

        assertThat(meta.postSigned(LARGE, body, SECRET).statusCode()).isEqualTo(200);

        assertThat(getMockEndpoint("mock:routed").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aBodyThatDoesNotArriveWithinBodyReadTimeoutIsAnswered408() throws Exception {
        byte[] body = WebhookPayloads.ofSize("wamid.TRICKLE", 2048);
        RawHttpUpload upload = start(SLOW, body.length, body);
        upload.send(body, 0, 100);

        assertThat(upload.awaitStatus(ANSWER)).isEqualTo(408);
        assertThat(upload.awaitClosedByServer(ANSWER)).isTrue();
        assertThat(rejections).containsExactly("TIMEOUT 408");
        assertThat(getMockEndpoint("mock:routed").getReceivedCounter()).isZero();
    }

    @Test
    void vertxHandsTheBodyOverUnreadSoThatItsBodyHandlerBuffersNothing() {
        assertThat(context.getEndpoints()).filteredOn(PlatformHttpEndpoint.class::isInstance).hasSize(4)
                .allSatisfy(endpoint -> {
                    assertThat(((PlatformHttpEndpoint) endpoint).isUseBodyHandler()).isFalse();
                    assertThat(((PlatformHttpEndpoint) endpoint).isUseStreaming()).isFalse();
                });
    }

    @Test
    void aCompressedBodyIsRefusedUnread() throws Exception {
        byte[] body = WebhookPayloads.ofSize("wamid.GZIP", 1024);
        RawHttpUpload upload = RawHttpUpload.start(port, SMALL, body.length, "Content-Encoding", "gzip",
                "X-Hub-Signature-256", MetaClient.sign(SECRET, body));
        uploads.add(upload);

        assertThat(upload.awaitStatus(ANSWER)).isEqualTo(415);
        assertThat(rejections).containsExactly("CONTENT_TYPE 415");
    }
}
