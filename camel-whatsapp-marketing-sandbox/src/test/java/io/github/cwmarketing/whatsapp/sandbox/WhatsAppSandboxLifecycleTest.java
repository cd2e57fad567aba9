package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatsAppSandboxLifecycleTest {

    @Test
    void startsOnAFreeLoopbackPortAndStopsIdempotently() {
        WhatsAppSandbox sandbox = WhatsAppSandbox.builder().build();
        assertThatThrownBy(sandbox::port).isInstanceOf(IllegalStateException.class);

        assertThat(sandbox.start()).isSameAs(sandbox.start());
        assertThat(sandbox.port()).isPositive();
        assertThat(sandbox.baseUri()).hasToString("http://127.0.0.1:" + sandbox.port());
        assertThat(sandbox.marketingMessagesUri()).hasToString(
                "http://127.0.0.1:" + sandbox.port() + "/v23.0/100000000000001/marketing_messages");

        sandbox.stop();
        sandbox.close();
        assertThat(sandbox.isRunning()).isFalse();
        assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> WhatsAppSandbox.builder().accessToken(" ").build())
                .hasMessageContaining("accessToken");
        assertThatThrownBy(() -> WhatsAppSandbox.builder().messagesPerSecond(-1).build())
                .hasMessageContaining("messagesPerSecond");
        assertThatThrownBy(() -> WhatsAppSandbox.builder().statusesPerCallback(0).build())
                .hasMessageContaining("statusesPerCallback");
        assertThatThrownBy(() -> WhatsAppSandbox.builder().callbackUrl("ftp://example.com/hook").build())
                .hasMessageContaining("callback URL");
        assertThatThrownBy(() -> WhatsAppSandbox.builder().build().callbackUrl("/webhook"))
                .hasMessageContaining("callback URL");
        assertThatThrownBy(() -> WhatsAppSandbox.builder()
                .callbackUrls(List.of(URI.create("http://127.0.0.1:1/a"), URI.create("mailto:x@example.com"))).build())
                .hasMessageContaining("callback URL");
        assertThatThrownBy(() -> WhatsAppSandbox.builder().build().callbackUrls(List.of()))
                .hasMessageContaining("At least one callback URL");
    }
}
