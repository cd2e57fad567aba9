package io.github.cwmarketing.whatsapp.springboot;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.cwmarketing.whatsapp.support.HeapMeter;
import io.github.cwmarketing.whatsapp.support.RawHttpUpload;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.APP_SECRET;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.signature;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot's web server (Tomcat through camel-platform-http-starter, which reads a whole body before the
 * consumer runs) the starter's servlet filter bounds webhook bodies by {@code maxBodySize}: measured as heap after
 * garbage collection while raw-socket uploads are held open.
 */
class StarterWebhookBodyLimitsTest extends StarterWebTestSupport {

    private static final int MIB = 1024 * 1024;
    private static final int UPLOADS = 8;
    private static final Duration ANSWER = Duration.ofSeconds(5);

    @Autowired
    CamelContext camelContext;

    private final List<RawHttpUpload> uploads = new ArrayList<>();

    @BeforeEach
    void resetMock() {
        limited().reset();
    }

    @AfterEach
    void closeUploads() throws IOException {
        for (RawHttpUpload upload : uploads) {
            upload.close();
        }
        uploads.clear();
    }

    private MockEndpoint limited() {
        return camelContext.getEndpoint("mock:limited", MockEndpoint.class);
    }

    private RawHttpUpload start(long contentLength, String... headers) throws IOException {
        RawHttpUpload upload = RawHttpUpload.start(port, LIMITED_WEBHOOK_PATH, contentLength, headers);
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

    private List<Integer> answers() throws IOException {
        List<Integer> answers = new ArrayList<>();
        for (RawHttpUpload upload : uploads) {
            answers.add(upload.awaitStatus(ANSWER));
        }
        return answers;
    }

    @Test
    void uploadsAnnouncingMoreThanMaxBodySizeAreRefusedAtOnceAndHoldNoMemory() throws Exception {
        long before = HeapMeter.usedAfterGc();

        for (int i = 0; i < UPLOADS; i++) {
            trickle(start(10L * MIB), 2 * MIB);
        }
        long held = HeapMeter.usedAfterGc() - before;

        assertThat(HeapMeter.mebibytes(held)).as("MiB held by %d open uploads announcing 10 MiB", UPLOADS)
                .isLessThan(4);
        assertThat(answers()).as("413 while the uploads are still open").containsOnly(413).hasSize(UPLOADS);
    }

    @Test
    void chunkedUploadsAreCutOffAsSoonAsTheyPassMaxBodySizeAndHoldNoMemory() throws Exception {
        long before = HeapMeter.usedAfterGc();

        for (int i = 0; i < UPLOADS; i++) {
            trickle(start(-1), 4 * MIB);
        }
        long held = HeapMeter.usedAfterGc() - before;

        assertThat(HeapMeter.mebibytes(held)).as("MiB held by %d open uploads of up to 4 MiB", UPLOADS).isLessThan(4);
        assertThat(answers()).as("413 while the uploads are still open").containsOnly(413).hasSize(UPLOADS);
        assertThat(limited().getReceivedCounter()).isZero();
    }

    @Test
    void aBodyTricklingPastBodyReadTimeoutIsAnswered408() throws Exception {
        RawHttpUpload upload = start(4096);
        Integer status = null;
        for (int sent = 0; status == null && sent < 4000; sent++) {
            upload.send(new byte[1]);
            status = upload.awaitStatus(Duration.ofMillis(50));
        }

        assertThat(status).isEqualTo(408);
    }

    @Test
    void springBootHandsTheBodyOverAsRawBytesNotAsAReader() {
        assertThat(camelContext.getEndpoints()).filteredOn(PlatformHttpEndpoint.class::isInstance).hasSize(3)
                .allSatisfy(endpoint -> assertThat(((PlatformHttpEndpoint) endpoint).isUseStreaming()).isTrue());
    }

    @Test
    void aBodyOfElevenMebibytesIsAcceptedWhenMaxBodySizeAllowsIt() throws Exception {
        String head = "{\"object\":\"whatsapp_business_account\",\"padding\":\"";
        String tail = "\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{\"statuses\":[{\"id\":\"wamid.ELEVEN\","
                      + "\"status\":\"sent\"}]},\"field\":\"messages\"}]}]}";
        byte[] body = (head + "x".repeat(11 * MIB) + tail).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = httpPost(LARGE_WEBHOOK_PATH, body, "X-Hub-Signature-256",
                signature(body, APP_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(limited().getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aCompressedBodyIsRefusedUnread() throws Exception {
        start(1024, "Content-Encoding", "gzip");

        assertThat(answers()).containsExactly(415);
    }

    @Test
    void aSignedBodyWithinTheLimitSentInPiecesIsRoutedWithItsExactBytes() throws Exception {
        String status = "{\"id\":\"wamid.PIECES\",\"status\":\"read\",\"timestamp\":\"1750030073\","
                        + "\"recipient_id\":\"16505551234\",\"biz_opaque_callback_data\":\"Zoë 😀\"}";
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
                       + "{\"statuses\":[" + status + "]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
        RawHttpUpload upload = start(-1, "X-Hub-Signature-256", signature(body, APP_SECRET),
                "Content-Type", "application/json; charset=ISO-8859-1");

        upload.send(body, 0, 40);
        upload.send(body, 40, body.length - 40);
        upload.finish();

        assertThat(upload.awaitStatus(ANSWER)).isEqualTo(200);
        assertThat(limited().getReceivedCounter()).isEqualTo(1);
    }
}
