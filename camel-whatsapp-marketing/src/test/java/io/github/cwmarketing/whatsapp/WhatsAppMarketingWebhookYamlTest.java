package io.github.cwmarketing.whatsapp;

import java.net.http.HttpResponse;
import java.time.Instant;

import io.github.cwmarketing.whatsapp.metareference.WebhookSamples;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML DSL route consuming the webhook, as a Camel JBang or Kaoto user would write it.
 */
class WhatsAppMarketingWebhookYamlTest extends WebhookTestSupport {

    private static final String YAML = """
            - route:
                id: whatsapp-statuses
                from:
                  uri: whatsapp-marketing:webhook
                  parameters:
                    webhookPath: /meta/webhook
                    appSecret: yaml-app-secret
                    verifyToken: yaml-verify-token
                  steps:
                    - filter:
                        simple: "${header.CamelWhatsAppMarketingStatus} == 'sent'"
                        steps:
                          - setHeader:
                              name: campaign
                              simple: "${body.bizOpaqueCallbackData}"
                          - to: mock:sent
            """;

    @Override
    protected void doPostSetup() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("whatsapp-webhook.yaml", YAML));
    }

    @Test
    void yamlRouteAnswersTheHandshakeAndReceivesStatuses() throws Exception {
        HttpResponse<String> handshake = meta.get("/meta/webhook",
                "hub.mode=subscribe&hub.challenge=987654&hub.verify_token=yaml-verify-token");
        assertThat(handshake.statusCode()).isEqualTo(200);
        assertThat(handshake.body()).isEqualTo("987654");

        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(1);
        HttpResponse<String> response = meta.postSigned("/meta/webhook",
                WebhookSamples.read("ASSEMBLED-status-sent-marketing_lite.json"), "yaml-app-secret");
        assertThat(response.statusCode()).isEqualTo(200);
        sent.assertIsSatisfied();

        Message message = sent.getReceivedExchanges().get(0).getMessage();
        assertThat(message.getHeader("campaign")).isEqualTo("campaign-42:batch-7");
        assertThat(message.getHeader(WhatsAppMarketingConstants.ROUTED_VIA)).isEqualTo("MARKETING_MESSAGES_API");
        assertThat(message.getHeader(WhatsAppMarketingConstants.TIMESTAMP)).isEqualTo(Instant.ofEpochSecond(1750030073));
    }

    @Test
    void yamlRouteFiltersOtherStatusesButAcknowledgesThem() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.reset();

        HttpResponse<String> response = meta.postSigned("/meta/webhook",
                WebhookSamples.read("status-failed-131049.json"), "yaml-app-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sent.getReceivedCounter()).isZero();
    }
}
