package io.github.cwmarketing.whatsapp.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.OnboardingStatus;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationResponsesTest {

    private final OperationResponses responses = new OperationResponses(new ObjectMapper());

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cloudApiMarketingDisabled() throws Exception {
        assertThat(responses.cloudApiMarketingDisabled(bytes("{\"disable_marketing_messages_on_cloud_api\":true}"))).isTrue();
        assertThat(responses.cloudApiMarketingDisabled(bytes("{\"disable_marketing_messages_on_cloud_api\":\"true\"}")))
                .isTrue();
        assertThat(responses.cloudApiMarketingDisabled(bytes("{\"disable_marketing_messages_on_cloud_api\":false}")))
                .isFalse();
        assertThat(responses.cloudApiMarketingDisabled(bytes("{\"id\":\"1\"}"))).isFalse();
    }

    @Test
    void onboardingStatus() throws Exception {
        assertThat(responses.onboardingStatus(bytes("{\"marketing_messages_onboarding_status\":\"ELIGIBLE\"}")))
                .isSameAs(OnboardingStatus.ELIGIBLE);
        assertThat(responses.onboardingStatus(bytes("{\"marketing_messages_onboarding_status\":\"NEW_VALUE\"}")).value())
                .isEqualTo("NEW_VALUE");
        assertThat(responses.onboardingStatus(bytes("{\"marketing_messages_onboarding_status\":null}"))).isNull();
        assertThat(responses.onboardingStatus(bytes("{}"))).isNull();
    }

    @Test
    void updateResult() throws Exception {
        UpdateResult success = responses.updateResult(bytes("{\"success\":true}"));
        assertThat(success.getSuccess()).isTrue();
        assertThat(success.isSuccessful()).isTrue();
        UpdateResult id = responses.updateResult(bytes("{\"id\":\"102290129340398\"}"));
        assertThat(id.getId()).isEqualTo("102290129340398");
        assertThat(id.isSuccessful()).isTrue();
        assertThat(responses.updateResult(bytes("{\"success\":false}")).isSuccessful()).isFalse();
    }

    @Test
    void aBodyThatIsNotAJsonObjectFails() {
        assertThatThrownBy(() -> responses.onboardingStatus(bytes("<html>")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> responses.updateResult(bytes("[true]"))).isInstanceOf(IOException.class);
    }
}
