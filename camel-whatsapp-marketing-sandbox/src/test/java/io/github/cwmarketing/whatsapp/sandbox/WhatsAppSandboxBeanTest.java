package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

class WhatsAppSandboxBeanTest {

    @Test
    void startsASandboxWithTheOptionsItWasGiven() {
        int port = AvailablePortFinder.getNextAvailable();
        WhatsAppSandboxBean bean = new WhatsAppSandboxBean();
        bean.setPort(port);
        bean.setHost("127.0.0.1");
        bean.setAccessToken("bean-token");
        bean.setAppSecret("bean-secret");
        bean.setPhoneNumberId("100000000000009");
        bean.setCallbackUrl("http://127.0.0.1:1/webhook");
        bean.setMessagesPerSecond(5);
        bean.setStatusDelayMs(40);
        bean.setOptions(Map.of("onboarded", "false"));

        bean.start();
        bean.start(); // once
        try {
            WhatsAppSandbox sandbox = bean.sandbox();
            SandboxSettings settings = sandbox.settings();
            assertThat(sandbox.isRunning()).isTrue();
            assertThat(sandbox.baseUri()).hasToString("http://127.0.0.1:" + port);
            assertThat(settings.accessToken()).isEqualTo("bean-token");
            assertThat(settings.appSecret()).isEqualTo("bean-secret");
            assertThat(settings.phoneNumberId()).isEqualTo("100000000000009");
            assertThat(settings.callbackUrl()).hasToString("http://127.0.0.1:1/webhook");
            assertThat(settings.messagesPerSecond()).isEqualTo(5);
            assertThat(settings.statusDelay()).isEqualTo(Duration.ofMillis(40));
            assertThat(settings.onboarded()).isFalse();
        } finally {
            bean.stop();
        }
        assertThatThrownBy(bean::sandbox).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownOptionFailsTheStart() {
        WhatsAppSandboxBean bean = new WhatsAppSandboxBean();
        bean.setOptions(Map.of("colour", "green"));

        assertThatThrownBy(bean::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
    }
}
