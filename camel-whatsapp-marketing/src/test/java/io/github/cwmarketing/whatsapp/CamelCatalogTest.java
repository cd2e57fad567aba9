package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component as tools read it (Kaoto, Karavan, Camel JBang, IDE plugins): its descriptor loads into Apache Camel's
 * catalog, which then accepts every endpoint URI the documentation and the Kamelets show and catches a misspelt
 * option, a wrong value and an unknown operation.
 */
class CamelCatalogTest {

    private static CamelCatalog catalog;

    @BeforeAll
    static void loadComponent() throws IOException {
        catalog = new DefaultCamelCatalog();
        try (InputStream in = CamelCatalogTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/cwmarketing/whatsapp/whatsapp-marketing.json")) {
            catalog.addComponent("whatsapp-marketing", WhatsAppMarketingComponent.class.getName(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCatalogKnowsTheComponent() {
        ComponentModel model = catalog.componentModel("whatsapp-marketing");

        assertThat(catalog.findComponentNames()).contains("whatsapp-marketing");
        assertThat(model.getTitle()).isEqualTo("WhatsApp Marketing Messages");
        assertThat(model.getJavaType()).isEqualTo(WhatsAppMarketingComponent.class.getName());
        assertThat(model.getEndpointOptions()).extracting(ComponentModel.EndpointOptionModel::getName)
                .contains("operation", "accessToken", "phoneNumberId", "appSecret", "verifyToken", "webhookPath");
        assertThat(model.getEndpointOptions()).filteredOn(option -> "accessToken".equals(option.getName()))
                .singleElement().extracting(ComponentModel.EndpointOptionModel::isSecret).isEqualTo(true);
        assertThat(model.getEndpointHeaders()).extracting(ComponentModel.EndpointHeaderModel::getName)
                .contains(WhatsAppMarketingConstants.TO, WhatsAppMarketingConstants.MESSAGE_ID,
                        WhatsAppMarketingConstants.STATUS);
    }

    @Test
    void everyDocumentedEndpointUriIsValid() throws IOException {
        Map<String, String> uris = DocumentedEndpointUris.find();

        assertThat(uris).as("the URIs found").hasSizeGreaterThan(20);
        assertThat(uris.keySet()).as("the URIs found").anyMatch(uri -> uri.startsWith("whatsapp-marketing:send?"))
                .anyMatch(uri -> uri.startsWith("whatsapp-marketing:webhook?"))
                .anyMatch(uri -> uri.startsWith("whatsapp-marketing:setTemplateTtl"))
                .anyMatch(uri -> uri.contains("{{?productPolicy}}")); // the sink Kamelet's
        List<String> invalid = new ArrayList<>();
        uris.forEach((uri, where) -> {
            EndpointValidationResult result = catalog.validateEndpointProperties(uri);
            if (!result.isSuccess()) {
                invalid.add(where + ": " + uri + ": " + result.summaryErrorMessage(false));
            }
        });
        assertThat(invalid).isEmpty();
    }

    @Test
    void aMisspeltOptionIsCaught() {
        EndpointValidationResult result = catalog.validateEndpointProperties(
                "whatsapp-marketing:send?accesToken=RAW({{whatsapp.access-token}})&phoneNumberId=106540352242922");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("accesToken");
    }

    @Test
    void aWrongValueAndAnUnknownOperationAreCaught() {
        EndpointValidationResult policy = catalog.validateEndpointProperties(
                "whatsapp-marketing:send?productPolicy=STRICTLY&messagesPerSecond=fast&retryOnServerError=maybe");
        EndpointValidationResult operation = catalog.validateEndpointProperties("whatsapp-marketing:sendMessage");

        assertThat(policy.isSuccess()).isFalse();
        assertThat(policy.getInvalidEnum()).containsOnlyKeys("productPolicy");
        assertThat(policy.getInvalidInteger()).containsOnlyKeys("messagesPerSecond");
        assertThat(policy.getInvalidBoolean()).containsOnlyKeys("retryOnServerError");
        assertThat(operation.isSuccess()).isFalse();
        assertThat(operation.getInvalidEnum()).containsOnlyKeys("operation");
    }

    @Test
    void theUriOfPropertiesIsTheOneCamelParses() throws Exception {
        Map<String, String> properties = new TreeMap<>(Map.of("operation", "send", "productPolicy", "STRICT",
                "templateName", "autumn_offer"));

        String uri = catalog.asEndpointUri("whatsapp-marketing", properties, false);

        assertThat(uri).isEqualTo("whatsapp-marketing:send?productPolicy=STRICT&templateName=autumn_offer");
        assertThat(catalog.endpointProperties(uri)).isEqualTo(properties);
    }
}
