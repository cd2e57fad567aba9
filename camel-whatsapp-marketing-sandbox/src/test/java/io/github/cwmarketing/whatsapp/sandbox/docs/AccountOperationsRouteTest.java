package io.github.cwmarketing.whatsapp.sandbox.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwmarketing.whatsapp.model.OnboardingStatus;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountOperationsRouteTest extends CamelTestSupport {

    // snippet:start account-operations
    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(
            WhatsAppSandbox.builder().onboarded(false));

    @Test
    void blocksTheCloudApiFallback(WhatsAppSandbox sandbox) {
        String account = "whatsapp-marketing:%s?baseUri=" + sandbox.baseUri() + "&accessToken=" + sandbox.accessToken()
                + "&wabaId=" + sandbox.wabaId();
        assertThat(template.requestBody(account.formatted("getOnboardingStatus"), null, OnboardingStatus.class)
                .isEligible()).isTrue();

        template.requestBody(account.formatted("setCloudApiMarketingDisabled"), true);

        assertThat(sandbox.cloudApiMarketingDisabled()).isTrue();   // and sends without STRICT now fail with 131063
    }
    // snippet:end account-operations
}
