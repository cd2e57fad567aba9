package io.github.cwmarketing.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.Media;
import io.github.cwmarketing.whatsapp.model.TemplateParameter;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What YAML routes set with headers instead of building a body: the template's body parameters
 * ({@code CamelWhatsAppMarketingBodyParameters}) and the callback data
 * ({@code CamelWhatsAppMarketingBizOpaqueCallbackData}).
 */
class SendHeadersTest extends SendTestSupport {

    private static final String URI = sendUri("templateName=autumn_offer&templateLanguage=en");
    private static final String TO = "+4915112345678";

    @Test
    void aListGivesPositionalParametersAndAMapNamedOnes() throws Exception {
        graphApi.acceptAll();

        send(URI, null, headers(List.of("Maria", 25)));
        JsonNode positional = bodyParameters(lastRequestBody());
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("first_name", "Jonas");
        named.put("discount", "30%");
        send(URI, null, headers(named));
        JsonNode byName = bodyParameters(lastRequestBody());

        assertThat(positional).extracting(parameter -> parameter.path("text").asText()).containsExactly("Maria", "25");
        assertThat(positional.get(0).has("parameter_name")).isFalse();
        assertThat(byName).extracting(parameter -> parameter.path("parameter_name").asText())
                .containsExactly("first_name", "discount");
        assertThat(byName.get(1).path("text").asText()).isEqualTo("30%");
    }

    @Test
    void jsonTextOfAnArrayOrAnObjectIsReadAsTheListOrTheMap() throws Exception {
        graphApi.acceptAll();

        send(URI, null, headers("[\"Maria\",\"25%\"]"));
        JsonNode positional = bodyParameters(lastRequestBody());
        send(URI, null, headers("{\"first_name\":\"Jonas\"}".getBytes(StandardCharsets.UTF_8)));
        JsonNode named = bodyParameters(lastRequestBody());

        assertThat(positional).extracting(parameter -> parameter.path("text").asText()).containsExactly("Maria", "25%");
        assertThat(named.get(0).path("parameter_name").asText()).isEqualTo("first_name");
        assertThat(named.get(0).path("text").asText()).isEqualTo("Jonas");
    }

    @Test
    void aFullPayloadWithoutABodyComponentGetsTheParametersAfterItsHeader() throws Exception {
        graphApi.acceptAll();
        String payload = """
                {"template":{"name":"winter_offer","language":{"code":"de"},"components":[
                  {"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/w.jpg"}}]},
                  {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"w25"}]}]}}""";

        Exchange result = send(URI, payload, headers(List.of("Maria")));

        assertThat(result.getException()).isNull();
        JsonNode components = lastRequestBody().path("template").path("components");
        assertThat(components).extracting(component -> component.path("type").asText())
                .containsExactly("header", "body", "button");
        assertThat(components.get(1).path("parameters").get(0).path("text").asText()).isEqualTo("Maria");
        assertThat(lastRequestBody().path("template").path("name").asText()).isEqualTo("winter_offer");
    }

    @Test
    void aTypedRequestWithoutBodyParametersGetsThemToo() throws Exception {
        graphApi.acceptAll();
        MarketingMessageRequest request = MarketingMessageRequest.builder().to(TO).template("winter_offer", "de")
                .header(TemplateParameter.image(Media.ofLink("https://example.com/w.jpg"))).build();

        send(URI, request, Map.of(WhatsAppMarketingConstants.BODY_PARAMETERS, Map.of("first_name", "Maria")));

        assertThat(lastRequestBody().path("template").path("components"))
                .extracting(component -> component.path("type").asText()).containsExactly("header", "body");
    }

    @Test
    void parametersFromTheBodyAndTheHeaderAreRefusedBeforeAnyRequest() {
        graphApi.acceptAll();
        String payloadWithBody = """
                {"template":{"name":"winter_offer","language":{"code":"de"},
                 "components":[{"type":"body","parameters":[{"type":"text","text":"Jonas"}]}]}}""";

        List<Exchange> refused = List.of(
                send(URI, List.of("Jonas"), headers(List.of("Maria"))),
                send(URI, Map.of("first_name", "Jonas"), headers(Map.of("first_name", "Maria"))),
                send(URI, payloadWithBody, headers(List.of("Maria"))));

        assertThat(refused).allSatisfy(exchange -> assertThat(exchange.getException())
                .isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining(WhatsAppMarketingConstants.BODY_PARAMETERS)
                .hasMessageContaining("and so does the message body"));
        assertThat(graphApi.requestCount()).isZero();
    }

    @Test
    void anEmptyListOrMapGivesNoParameters() throws Exception {
        graphApi.acceptAll();

        send(URI, List.of("Jonas"), headers(List.of()));

        assertThat(bodyParameters(lastRequestBody())).extracting(parameter -> parameter.path("text").asText())
                .containsExactly("Jonas");
    }

    @Test
    void aValueThatIsNoListMapOrJsonIsRefused() {
        Exchange number = send(URI, null, headers(42));
        Exchange text = send(URI, null, headers("Maria"));
        Exchange scalar = send(URI, null, headers("\"Maria\""));

        assertThat(number.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining("must be a List, a Map or the JSON text of an array or object");
        assertThat(text.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining("is text but not JSON");
        assertThat(scalar.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining("was java.lang.String");
        assertThat(graphApi.requestCount()).isZero();
    }

    @Test
    void theCallbackDataHeaderIsSentUnlessThePayloadHasItsOwn() throws Exception {
        graphApi.acceptAll();

        send(URI, List.of("Maria"), Map.of(WhatsAppMarketingConstants.TO, TO,
                WhatsAppMarketingConstants.BIZ_OPAQUE_CALLBACK_DATA, "campaign=autumn;row=7"));
        JsonNode fromHeader = lastRequestBody();
        send(URI, "{\"template\":{},\"biz_opaque_callback_data\":\"payload's\"}",
                Map.of(WhatsAppMarketingConstants.TO, TO,
                        WhatsAppMarketingConstants.BIZ_OPAQUE_CALLBACK_DATA, "header's"));
        JsonNode fromPayload = lastRequestBody();

        assertThat(fromHeader.path("biz_opaque_callback_data").asText()).isEqualTo("campaign=autumn;row=7");
        assertThat(fromPayload.path("biz_opaque_callback_data").asText()).isEqualTo("payload's");
    }

    @Test
    void callbackDataLongerThan512CharactersIsRefused() {
        Exchange result = send(URI, null, Map.of(WhatsAppMarketingConstants.TO, TO,
                WhatsAppMarketingConstants.BIZ_OPAQUE_CALLBACK_DATA, "x".repeat(513)));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining("biz_opaque_callback_data");
        assertThat(graphApi.requestCount()).isZero();
    }

    private static Map<String, Object> headers(Object bodyParameters) {
        return Map.of(WhatsAppMarketingConstants.TO, TO, WhatsAppMarketingConstants.BODY_PARAMETERS, bodyParameters);
    }

    private static JsonNode bodyParameters(JsonNode request) {
        for (JsonNode component : request.path("template").path("components")) {
            if ("body".equals(component.path("type").asText())) {
                return component.path("parameters");
            }
        }
        throw new AssertionError("no body component in " + request);
    }
}
