package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WhatsAppSandboxMainTest {

    @Test
    void readsOptionsFromArgumentsAndSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty("whatsapp.sandbox.port", "9999");
        properties.setProperty("whatsapp.sandbox.waba-id", "300000000000003");

        SandboxSettings settings = WhatsAppSandboxMain.configure(new String[] {
                "--port", "8090", "--callback-url=http://localhost:8080/webhook", "--app-secret", "s3cr3t",
                "--onboarded", "false", "--latency-ms", "50-300", "--status-delay-ms", "250"}, properties).settings();

        assertThat(settings.port()).isEqualTo(8090);
        assertThat(settings.wabaId()).isEqualTo("300000000000003");
        assertThat(settings.callbackUrl()).hasToString("http://localhost:8080/webhook");
        assertThat(settings.appSecret()).isEqualTo("s3cr3t");
        assertThat(settings.onboarded()).isFalse();
        assertThat(settings.minLatency()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.maxLatency()).isEqualTo(Duration.ofMillis(300));
        assertThat(settings.statusDelay()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void readsTheAccountOptions() {
        SandboxSettings settings = WhatsAppSandboxMain.configure(new String[] {
                "--onboarding-status", "pending_valid_payment_method", "--onboarded", "true",
                "--cloud-api-marketing-disabled", "true"}, new Properties()).settings();

        assertThat(settings.onboardingStatus()).isEqualTo("PENDING_VALID_PAYMENT_METHOD");
        assertThat(settings.onboarded()).isFalse();
        assertThat(settings.cloudApiMarketingDisabled()).isTrue();
    }

    @Test
    void defaultsToPort8089() {
        assertThat(WhatsAppSandboxMain.configure(new String[0], new Properties()).settings().port())
                .isEqualTo(WhatsAppSandboxMain.DEFAULT_PORT);
    }

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> WhatsAppSandboxMain.configure(new String[] {"--colour", "red"}, new Properties()))
                .hasMessageContaining("--colour");
    }

    @Test
    void neverShowsSecretsInTheSettingsText() {
        String text = WhatsAppSandbox.builder().accessToken("tok-123").appSecret("sec-456").settings().toString();

        assertThat(text).doesNotContain("tok-123").doesNotContain("sec-456");
    }
}
