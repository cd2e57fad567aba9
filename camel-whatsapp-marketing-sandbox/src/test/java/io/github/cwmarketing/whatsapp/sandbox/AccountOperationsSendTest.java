package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.template;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.graphError;
import static io.github.cwmarketing.whatsapp.sandbox.TestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the account settings change sending: Cloud API fallback, STRICT, and the Cloud API marketing flag. */
class AccountOperationsSendTest {

    private static final String DISABLE = "{\"disable_marketing_messages_on_cloud_api\":true}";

    @RegisterExtension
    static final WhatsAppSandboxExtension NOT_ONBOARDED = new WhatsAppSandboxExtension(
            WhatsAppSandbox.builder().onboarded(false));

    private final WhatsAppSandbox sandbox;
    private final GraphClient client;

    AccountOperationsSendTest(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new GraphClient(sandbox);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "CLOUD_API_FALLBACK")
    void refusesTheCloudApiFallbackWith131063OnceCloudApiMarketingIsDisabled(String productPolicy) {
        ObjectNode request = template("16505551234");
        if (productPolicy != null) {
            request.put("product_policy", productPolicy);
        }
        assertThat(client.send(request).statusCode()).as("routed via Cloud API before").isEqualTo(200);

        ok(client.update(sandbox.wabaId(), DISABLE));
        JsonNode error = graphError(client.send(request), 400, 131063);

        assertThat(error.path("message").asText()).isEqualTo("(#131063) Marketing templates disabled for Cloud API");
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        assertThat(error.at("/error_data/details").asText()).contains("disable_marketing_messages_on_cloud_api");
        assertThat(sandbox.sentMessages()).hasSize(1);
    }

    @Test
    void keepsRefusingStrictSendsWith131055() {
        ok(client.update(sandbox.wabaId(), DISABLE));

        graphError(client.send(template("16505551234").put("product_policy", "STRICT")), 400, 131055);
    }

    @Test
    void routesViaCloudApiAgainAfterReset() {
        ok(client.update(sandbox.wabaId(), DISABLE));

        sandbox.reset();

        assertThat(client.send(template("16505551234")).statusCode()).isEqualTo(200);
        assertThat(sandbox.sentMessages().get(0).pricingCategory()).isEqualTo("marketing");
    }

    @Test
    void refusesFromTheStartWhenBuiltWithCloudApiMarketingDisabled() {
        try (WhatsAppSandbox disabled = WhatsAppSandbox.builder().onboarded(false).cloudApiMarketingDisabled(true)
                .build().start()) {
            graphError(new GraphClient(disabled).send(template("16505551234")), 400, 131063);
        }
    }

    @Test
    void sendsThroughMarketingMessagesWhenOnboardedWhateverTheFlag() {
        try (WhatsAppSandbox onboarded = WhatsAppSandbox.builder().cloudApiMarketingDisabled(true).build().start()) {
            GraphClient onboardedClient = new GraphClient(onboarded);

            assertThat(onboardedClient.send(template("16505551234")).statusCode()).isEqualTo(200);
            assertThat(onboarded.sentMessages().get(0).pricingCategory()).isEqualTo("marketing_lite");
        }
    }
}
