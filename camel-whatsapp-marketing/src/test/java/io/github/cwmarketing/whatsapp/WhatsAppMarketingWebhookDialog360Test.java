package io.github.cwmarketing.whatsapp;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.status;
import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code provider=DIALOG360} the webhook verifies what 360dialog sends: the {@code x-360dialog-signature} HMAC of
 * the body with the platform secret (hex or base64, nothing else), and/or the custom header with a secret value
 * registered with the webhook URL.
 */
class WhatsAppMarketingWebhookDialog360Test extends WebhookTestSupport {

    private static final String SIGNED = "/360dialog/signed";
    private static final String HEADER_ONLY = "/360dialog/header";
    private static final String BOTH = "/360dialog/both";
    private static final String PLATFORM_SECRET = "360-platform-secret";
    private static final String ROTATED_SECRET = "360-platform-secret-next";
    private static final String HEADER_SECRET = "Bearer c2VjcmV0LXJlZ2lzdGVyZWQ";
    private static final String SIGNATURE = "x-360dialog-signature";

    private final AtomicInteger messages = new AtomicInteger();
    /** A status no consumer has seen yet, so that no test meets another one's duplicate. */
    private byte[] body;
    private final List<WebhookRejectionReason> rejections = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("rejections", new WhatsAppMarketingListener() {
            @Override
            public void onWebhookRejected(WebhookRejectionReason reason, int httpStatus) {
                rejections.add(reason);
            }
        });
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("whatsapp-marketing:webhook?provider=DIALOG360&webhookPath=" + SIGNED + "&appSecret="
                     + PLATFORM_SECRET + "," + ROTATED_SECRET)
                        .to("mock:routed");
                from("whatsapp-marketing:webhook?provider=DIALOG360&webhookPath=" + HEADER_ONLY
                     + "&webhookHeaderName=Authorization&webhookHeaderSecret=RAW(" + HEADER_SECRET + ")")
                        .to("mock:routed");
                from("whatsapp-marketing:webhook?provider=DIALOG360&webhookPath=" + BOTH + "&appSecret="
                     + PLATFORM_SECRET + "&webhookHeaderName=X-Webhook-Token&webhookHeaderSecret=t0ken")
                        .to("mock:routed");
            }
        };
    }

    @BeforeEach
    void reset() {
        MockEndpoint.resetMocks(context);
        rejections.clear();
        body = statuses(status("wamid.D360-" + messages.incrementAndGet(), "delivered"));
    }

    private int routed() {
        return getMockEndpoint("mock:routed").getReceivedCounter();
    }

    private static String hex(String secret, byte[] body) {
        return HexFormat.of().formatHex(MetaClient.hmac(secret, body));
    }

    private static String base64(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(MetaClient.hmac(secret, body));
    }

    @Test
    void hexSignatureWithThePlatformSecretIsRouted() {
        assertThat(meta.postWithHeaders(SIGNED, body, SIGNATURE, hex(PLATFORM_SECRET, body)).statusCode())
                .isEqualTo(200);
        assertThat(routed()).isEqualTo(1);
    }

    @Test
    void uppercaseHexAndBase64OfTheSameMacAreRouted() {
        byte[] other = statuses(status("wamid.D360-OTHER", "read"));

        assertThat(meta.postWithHeaders(SIGNED, body, SIGNATURE,
                hex(PLATFORM_SECRET, body).toUpperCase(Locale.ROOT)).statusCode()).isEqualTo(200);
        assertThat(meta.postWithHeaders(SIGNED, other, SIGNATURE, base64(PLATFORM_SECRET, other)).statusCode())
                .isEqualTo(200);
        assertThat(routed()).isEqualTo(2);
    }

    @Test
    void aRotatedPlatformSecretIsAccepted() {
        assertThat(meta.postWithHeaders(SIGNED, body, SIGNATURE, base64(ROTATED_SECRET, body)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void otherEncodingsOfTheSameMacAreRefused() {
        String base64 = base64(PLATFORM_SECRET, body);
        List<String> others = List.of(
                "sha256=" + hex(PLATFORM_SECRET, body),
                base64.replace("=", ""),
                Base64.getUrlEncoder().encodeToString(MetaClient.hmac(PLATFORM_SECRET, body)),
                hex(PLATFORM_SECRET, body).substring(2),
                " " + base64 + "x");

        for (String other : others) {
            if (!other.equals(base64)) {
                assertThat(meta.postWithHeaders(SIGNED, body, SIGNATURE, other).statusCode()).as(other).isEqualTo(401);
            }
        }
        assertThat(routed()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "another-secret", "360-platform-secre" })
    void aSignatureWithAnotherSecretIsRefused(String secret) {
        assertThat(meta.postWithHeaders(SIGNED, body, SIGNATURE, hex(secret, body)).statusCode()).isEqualTo(401);
        assertThat(rejections).containsExactly(WebhookRejectionReason.SIGNATURE);
    }

    @Test
    void metasSignatureHeaderDoesNotStandInFor360dialogs() {
        assertThat(meta.postSigned(SIGNED, body, PLATFORM_SECRET).statusCode()).isEqualTo(401);
        assertThat(meta.postWithHeaders(SIGNED, body).statusCode()).isEqualTo(401);
        assertThat(routed()).isZero();
    }

    @Test
    void theSecretHeaderAloneAuthenticates() {
        assertThat(meta.postWithHeaders(HEADER_ONLY, body, "Authorization", HEADER_SECRET).statusCode())
                .isEqualTo(200);
        assertThat(routed()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer c2VjcmV0LXJlZ2lzdGVyZWQx", "Bearer c2VjcmV0LXJlZ2lzdGVyZW",
                             "bearer c2VjcmV0LXJlZ2lzdGVyZWQ", "c2VjcmV0LXJlZ2lzdGVyZWQ", "" })
    void aWrongOrMissingSecretHeaderIsRefused(String value) {
        HttpResponse<String> response = value.isEmpty() ? meta.postWithHeaders(HEADER_ONLY, body)
                : meta.postWithHeaders(HEADER_ONLY, body, "Authorization", value);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(HEADER_SECRET);
        assertThat(rejections).containsExactly(WebhookRejectionReason.SECRET_HEADER);
        assertThat(routed()).isZero();
    }

    @Test
    void withBothConfiguredBothAreRequired() {
        String signature = hex(PLATFORM_SECRET, body);

        assertThat(meta.postWithHeaders(BOTH, body, SIGNATURE, signature).statusCode()).isEqualTo(401);
        assertThat(meta.postWithHeaders(BOTH, body, "X-Webhook-Token", "t0ken").statusCode()).isEqualTo(401);
        assertThat(meta.postWithHeaders(BOTH, body, SIGNATURE, signature, "X-Webhook-Token", "t0ken").statusCode())
                .isEqualTo(200);
        assertThat(routed()).isEqualTo(1);
        assertThat(rejections).containsExactly(WebhookRejectionReason.SECRET_HEADER, WebhookRejectionReason.SIGNATURE);
    }
}
