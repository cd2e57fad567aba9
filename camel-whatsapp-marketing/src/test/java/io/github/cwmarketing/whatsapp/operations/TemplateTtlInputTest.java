package io.github.cwmarketing.whatsapp.operations;

import java.math.BigInteger;
import java.time.Duration;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTtlInputTest {

    @Test
    void acceptsSecondsDurationsAndTheirText() {
        assertThat(TemplateTtlInput.readSeconds(43_200)).isEqualTo(43_200);
        assertThat(TemplateTtlInput.readSeconds(2_592_000L)).isEqualTo(2_592_000);
        assertThat(TemplateTtlInput.readSeconds(BigInteger.valueOf(86_400))).isEqualTo(86_400);
        assertThat(TemplateTtlInput.readSeconds(86_400.0)).isEqualTo(86_400);
        assertThat(TemplateTtlInput.readSeconds(Duration.ofDays(7))).isEqualTo(604_800);
        assertThat(TemplateTtlInput.readSeconds(" 86400 ")).isEqualTo(86_400);
        assertThat(TemplateTtlInput.readSeconds("PT12H")).isEqualTo(43_200);
        assertThat(TemplateTtlInput.readSeconds("p1d")).isEqualTo(86_400);
    }

    @Test
    void rejectsTheRestNamingTheField() {
        for (Object invalid : new Object[] { 43_199, 2_592_001, -1, 0, Double.NaN, 1.5e5 + 0.25, "", "12h", "PTxH",
                Duration.ofSeconds(86_400, 1), Boolean.TRUE, null }) {
            assertThatThrownBy(() -> TemplateTtlInput.readSeconds(invalid)).as("%s", invalid)
                    .isInstanceOf(WhatsAppMarketingValidationException.class)
                    .hasMessageStartingWith("message_send_ttl_seconds: ");
        }
    }
}
