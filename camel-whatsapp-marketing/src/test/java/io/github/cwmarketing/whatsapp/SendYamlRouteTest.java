package io.github.cwmarketing.whatsapp;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML DSL route sends a parameterised template using only endpoint options, headers and a List body.
 */
class SendYamlRouteTest extends SendTestSupport {

    @Test
    void yamlRouteSendsAParameterisedTemplate() throws Exception {
        graphApi.acceptAll();
        String yaml = """
                - route:
                    id: yaml-campaign
                    from:
                      uri: direct:yaml-campaign
                      steps:
                        - setHeader:
                            name: CamelWhatsAppMarketingTo
                            simple: "${header.phone}"
                        - setHeader:
                            name: CamelWhatsAppMarketingProductPolicy
                            constant: STRICT
                        - to:
                            uri: whatsapp-marketing:send
                            parameters:
                              accessToken: "%s"
                              phoneNumberId: "%s"
                              baseUri: "%s"
                              templateName: autumn_offer
                              templateLanguage: en
                              messageActivitySharing: true
                """.formatted(GraphApiStub.TOKEN, GraphApiStub.PHONE_NUMBER_ID, graphApi.baseUri());
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("campaign.yaml", yaml));

        Exchange result = template.send("direct:yaml-campaign", exchange -> {
            exchange.getMessage().setHeader("phone", "+4915112345678");
            exchange.getMessage().setBody(List.of("Jonas", "25%"));
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo("wamid.TEST1");
        JsonNode sent = lastRequestBody();
        assertThat(sent.path("to").asText()).isEqualTo("+4915112345678");
        assertThat(sent.path("product_policy").asText()).isEqualTo("STRICT");
        assertThat(sent.path("message_activity_sharing").asBoolean()).isTrue();
        assertThat(sent.path("template").path("name").asText()).isEqualTo("autumn_offer");
        assertThat(sent.path("template").path("components").get(0).path("parameters").get(1).path("text").asText())
                .isEqualTo("25%");
    }
}
