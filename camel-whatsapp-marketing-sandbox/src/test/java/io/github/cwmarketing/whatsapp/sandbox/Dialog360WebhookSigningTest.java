package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.template;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.TIMEOUT;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.fastSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwmarketing.whatsapp.webhook.WebhookSignature;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code webhookSigning(DIALOG360)} the sandbox signs its webhooks as 360dialog forwards them: the
 * {@code x-360dialog-signature} header, which the component's 360dialog check accepts, and no Meta header.
 */
class Dialog360WebhookSigningTest {

    static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    static final String PLATFORM_SECRET = "sandbox-360dialog-platform-secret";

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(fastSandbox()
            .callbackUrl(RECEIVER.url()).appSecret(PLATFORM_SECRET).webhookSigning(WebhookSigning.DIALOG360));

    private final WhatsAppSandbox sandbox;

    Dialog360WebhookSigningTest(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void signsEveryWebhookThe360dialogWay() throws Exception {
        new GraphClient(sandbox).accepted(template("16505551234"));
        sandbox.awaitStatuses(3, TIMEOUT);

        List<WebhookReceiver.Received> webhooks = RECEIVER.received();
        WebhookSignature dialog360 = WebhookSignature.dialog360(List.of(PLATFORM_SECRET));
        WebhookSignature otherSecret = WebhookSignature.dialog360(List.of("sandbox-app-secret"));
        assertThat(webhooks).hasSize(3).allSatisfy(webhook -> {
            assertThat(webhook.signature()).as("no Meta header").isNull();
            assertThat(webhook.dialog360Signature()).matches("[0-9a-f]{64}");
            assertThat(dialog360.verify(webhook.body(), webhook.dialog360Signature())).isTrue();
            assertThat(otherSecret.verify(webhook.body(), webhook.dialog360Signature())).isFalse();
        });
    }
}
