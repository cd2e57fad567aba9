package io.github.cwmarketing.whatsapp;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.model.CarouselCard;
import io.github.cwmarketing.whatsapp.model.Location;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.MarketingMessageResponse;
import io.github.cwmarketing.whatsapp.model.Media;
import io.github.cwmarketing.whatsapp.model.ProductPolicy;
import io.github.cwmarketing.whatsapp.model.TemplateComponent;
import io.github.cwmarketing.whatsapp.model.TemplateParameter;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SendProducerTest extends SendTestSupport {

    private static final String TEMPLATE_OPTIONS = "templateName=summer_sale&templateLanguage=en_US";

    @Test
    void postsListBodyAsPositionalBodyParametersToThePhoneNumbersMarketingMessages() throws Exception {
        graphApi.acceptAll();

        Exchange result = send(sendUri(TEMPLATE_OPTIONS), List.of("Maria", "20%"),
                Map.of(WhatsAppMarketingConstants.TO, "+4915112345678"));

        assertThat(result.getException()).isNull();
        LoggedRequest request = graphApi.marketingMessageRequests().get(0);
        assertThat(request.getUrl()).isEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + GraphApiStub.TOKEN);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(JSON.readTree(request.getBodyAsString())).isEqualTo(JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template",
                 "template":{"name":"summer_sale","language":{"code":"en_US","policy":"deterministic"},
                   "components":[{"type":"body","parameters":[{"type":"text","text":"Maria"},{"type":"text","text":"20%"}]}]}}
                """));
    }

    @Test
    void setsTypedResponseAndOutputHeaders() {
        graphApi.acceptAll();

        Exchange result = send(sendUri(TEMPLATE_OPTIONS), null, Map.of(WhatsAppMarketingConstants.TO, "4915112345678"));

        MarketingMessageResponse response = result.getMessage().getBody(MarketingMessageResponse.class);
        assertThat(response.firstMessage().getId()).isEqualTo("wamid.TEST1");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(WhatsAppMarketingConstants.MESSAGE_ID, "wamid.TEST1")
                .containsEntry(WhatsAppMarketingConstants.MESSAGE_STATUS, "accepted")
                .containsEntry(WhatsAppMarketingConstants.INPUT, "+4915112345678")
                .containsEntry(WhatsAppMarketingConstants.WA_ID, "4915112345678")
                .doesNotContainKey(WhatsAppMarketingConstants.USER_ID);
    }

    @Test
    void noBodySendsTheNamedTemplateWithoutComponentsAndOmitsUnsetOptionalFields() throws Exception {
        graphApi.acceptAll();

        send(sendUri(TEMPLATE_OPTIONS), null, Map.of(WhatsAppMarketingConstants.TO, "4915112345678"));

        JsonNode body = lastRequestBody();
        assertThat(body.path("template").has("components")).isFalse();
        assertThat(body.has("product_policy")).isFalse();
        assertThat(body.has("message_activity_sharing")).isFalse();
        assertThat(body.has("recipient")).isFalse();
    }

    @Test
    void mapWithoutTemplateKeyIsNamedBodyParameters() throws Exception {
        graphApi.acceptAll();
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("first_name", "Maria");
        named.put("discount", 20);

        send(sendUri(TEMPLATE_OPTIONS), named, Map.of(WhatsAppMarketingConstants.TO, "4915112345678"));

        assertThat(lastRequestBody().path("template").path("components")).isEqualTo(JSON.readTree("""
                [{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Maria"},
                                             {"type":"text","parameter_name":"discount","text":"20"}]}]"""));
    }

    @Test
    void fullJsonPayloadAsStringBytesStreamAndMapIsSentAndCompleted() throws Exception {
        graphApi.acceptAll();
        String payload = """
                {"to":"4915112345678","template":{"name":"spring_sale","language":{"code":"de"},
                 "components":[{"type":"body","parameters":[{"type":"text","text":"Zoë"}]}]},
                 "biz_opaque_callback_data":"campaign-42"}""";
        Map<?, ?> asMap = JSON.readValue(payload, Map.class);
        List<Object> bodies = List.of(payload, payload.getBytes(StandardCharsets.UTF_8),
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), asMap);

        for (Object body : bodies) {
            Exchange result = send(sendUri(""), body, Map.of());
            assertThat(result.getException()).as("body type %s", body.getClass()).isNull();
            JsonNode sent = lastRequestBody();
            assertThat(sent.path("messaging_product").asText()).isEqualTo("whatsapp");
            assertThat(sent.path("recipient_type").asText()).isEqualTo("individual");
            assertThat(sent.path("type").asText()).isEqualTo("template");
            assertThat(sent.path("template").path("language"))
                    .isEqualTo(JSON.readTree("{\"code\":\"de\",\"policy\":\"deterministic\"}"));
            assertThat(sent.path("template").path("components").get(0).path("parameters").get(0).path("text").asText())
                    .isEqualTo("Zoë");
            assertThat(sent.path("biz_opaque_callback_data").asText()).isEqualTo("campaign-42");
        }
        assertThat(graphApi.marketingMessageRequests()).hasSize(4);
    }

    @Test
    void unknownFieldsOfAJsonPayloadArePassedThrough() throws Exception {
        graphApi.acceptAll();

        send(sendUri(""), """
                {"to":"4915112345678","template":{"name":"a","language":{"code":"en"}},"future_field":{"x":1}}""",
                Map.of());

        assertThat(lastRequestBody().path("future_field")).isEqualTo(JSON.readTree("{\"x\":1}"));
        graphApi.reset(); // the spec does not know future fields
    }

    @Test
    void typedRequestWithEveryParameterKindIsSerialisedInMetasShape() throws Exception {
        graphApi.acceptAll();
        MarketingMessageRequest request = MarketingMessageRequest.builder()
                .to("+4915112345678")
                .template("autumn_offer", "de")
                .header(TemplateParameter.image(Media.ofLink("https://example.com/a.jpg")))
                .body(TemplateParameter.text("Jonas"),
                        TemplateParameter.currency("€10.00", "EUR", 10_000),
                        TemplateParameter.dateTime("Friday"))
                .button("quick_reply", 0, TemplateParameter.payload("STOP_PROMOS"))
                .button("url", 1, TemplateParameter.text("autumn-2026"))
                .productPolicy(ProductPolicy.STRICT)
                .messageActivitySharing(false)
                .bizOpaqueCallbackData("campaign=autumn")
                .perMessageBidMultiplier(1.5)
                .build();

        Exchange result = send(sendUri(""), request, Map.of());

        assertThat(result.getException()).isNull();
        assertThat(lastRequestBody()).isEqualTo(JSON.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"+4915112345678","type":"template",
                 "template":{"name":"autumn_offer","language":{"code":"de","policy":"deterministic"},"components":[
                   {"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/a.jpg"}}]},
                   {"type":"body","parameters":[{"type":"text","text":"Jonas"},
                     {"type":"currency","currency":{"fallback_value":"€10.00","code":"EUR","amount_1000":10000}},
                     {"type":"date_time","date_time":{"fallback_value":"Friday"}}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"STOP_PROMOS"}]},
                   {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"autumn-2026"}]}]},
                 "product_policy":"STRICT","message_activity_sharing":false,
                 "biz_opaque_callback_data":"campaign=autumn","bid_spec":{"per_message_bid_multiplier":1.5}}"""));
        assertThat(request.getMessagingProduct()).as("the user's request object is not changed").isNull();
    }

    @Test
    void typedRequestSupportsCarouselLimitedTimeOfferCouponLocationDocumentVideoAndAction() throws Exception {
        graphApi.acceptAll();
        MarketingMessageRequest request = MarketingMessageRequest.builder()
                .to("4915112345678")
                .template("flash_sale", "en")
                .header(TemplateParameter.location(new Location("52.52", "13.40", "Store", "Berlin")))
                .limitedTimeOffer(1_800_000_000_000L)
                .button("copy_code", 0, TemplateParameter.couponCode("AUTUMN25"))
                .button("catalog", 1, TemplateParameter.action(Map.of("thumbnail_product_retailer_id", "sku-1")))
                .carousel(new CarouselCard(0,
                                TemplateComponent.header(TemplateParameter.video(Media.ofId("1234"))),
                                TemplateComponent.button("quick_reply", 0, TemplateParameter.payload("MORE"))),
                        new CarouselCard(1,
                                TemplateComponent.header(TemplateParameter.document(Media.ofId("5678")))))
                .build();

        Exchange result = send(sendUri(""), request, Map.of());

        assertThat(result.getException()).isNull();
        JsonNode components = lastRequestBody().path("template").path("components");
        assertThat(components.get(0).path("parameters").get(0).path("location").path("latitude").asText())
                .isEqualTo("52.52");
        assertThat(components.get(1)).isEqualTo(JSON.readTree("""
                {"type":"limited_time_offer","parameters":[{"type":"limited_time_offer",
                  "limited_time_offer":{"expiration_time_ms":1800000000000}}]}"""));
        assertThat(components.get(2).path("parameters").get(0)).isEqualTo(JSON.readTree("""
                {"type":"coupon_code","coupon_code":"AUTUMN25"}"""));
        assertThat(components.get(3).path("parameters").get(0).path("action").path("thumbnail_product_retailer_id")
                .asText()).isEqualTo("sku-1");
        assertThat(components.get(4).path("cards").get(1)).isEqualTo(JSON.readTree("""
                {"card_index":1,"components":[{"type":"header","parameters":[{"type":"document","document":{"id":"5678"}}]}]}
                """));
        graphApi.reset(); // Meta's v23 spec predates carousel, limited_time_offer, copy_code and catalog actions
    }

    @Test
    void bsuidRecipientHeaderSendsRecipientAndReadsUserId() throws Exception {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"US.13491208655302741918",
                         "user_id":"US.13491208655302741918"}],"messages":[{"id":"wamid.B1"}]}""")));

        Exchange result = send(sendUri(TEMPLATE_OPTIONS), null,
                Map.of(WhatsAppMarketingConstants.RECIPIENT, "US.13491208655302741918"));

        JsonNode body = lastRequestBody();
        assertThat(body.path("recipient").asText()).isEqualTo("US.13491208655302741918");
        assertThat(body.has("to")).isFalse();
        assertThat(result.getMessage().getHeaders())
                .containsEntry(WhatsAppMarketingConstants.USER_ID, "US.13491208655302741918")
                .containsEntry(WhatsAppMarketingConstants.MESSAGE_ID, "wamid.B1")
                .doesNotContainKey(WhatsAppMarketingConstants.WA_ID)
                .doesNotContainKey(WhatsAppMarketingConstants.MESSAGE_STATUS);
    }

    @Test
    void payloadFieldBeatsHeaderBeatsEndpointOptionBeatsComponentOption() throws Exception {
        graphApi.acceptAll();
        WhatsAppMarketingConfiguration componentDefaults = new WhatsAppMarketingConfiguration();
        componentDefaults.setTemplateName("component_template");
        componentDefaults.setTemplateLanguage("fr");
        componentDefaults.setProductPolicy(ProductPolicy.CLOUD_API_FALLBACK);
        componentDefaults.setMessageActivitySharing(true);
        context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).setConfiguration(componentDefaults);
        Map<String, Object> to = Map.of(WhatsAppMarketingConstants.TO, "4915112345678");

        send(sendUri(""), null, to);
        JsonNode fromComponent = lastRequestBody();
        send(sendUri("templateName=endpoint_template&productPolicy=STRICT"), null, to);
        JsonNode fromEndpoint = lastRequestBody();
        Map<String, Object> headers = new java.util.HashMap<>(to);
        headers.put(WhatsAppMarketingConstants.TEMPLATE_NAME, "header_template");
        headers.put(WhatsAppMarketingConstants.PRODUCT_POLICY, "CLOUD_API_FALLBACK");
        headers.put(WhatsAppMarketingConstants.MESSAGE_ACTIVITY_SHARING, "false");
        send(sendUri("templateName=endpoint_template&productPolicy=STRICT"), null, headers);
        JsonNode fromHeader = lastRequestBody();
        send(sendUri("templateName=endpoint_template&productPolicy=STRICT"), """
                {"to":"4915100000001","template":{"name":"payload_template"},"product_policy":"STRICT"}""", headers);
        JsonNode fromPayload = lastRequestBody();

        assertThat(fromComponent.path("template").path("name").asText()).isEqualTo("component_template");
        assertThat(fromComponent.path("template").path("language").path("code").asText()).isEqualTo("fr");
        assertThat(fromComponent.path("product_policy").asText()).isEqualTo("CLOUD_API_FALLBACK");
        assertThat(fromComponent.path("message_activity_sharing").asBoolean()).isTrue();
        assertThat(fromEndpoint.path("template").path("name").asText()).isEqualTo("endpoint_template");
        assertThat(fromEndpoint.path("product_policy").asText()).isEqualTo("STRICT");
        assertThat(fromHeader.path("template").path("name").asText()).isEqualTo("header_template");
        assertThat(fromHeader.path("product_policy").asText()).isEqualTo("CLOUD_API_FALLBACK");
        assertThat(fromHeader.path("message_activity_sharing").asBoolean()).isFalse();
        assertThat(fromPayload.path("template").path("name").asText()).isEqualTo("payload_template");
        assertThat(fromPayload.path("template").path("language").path("code").asText()).isEqualTo("fr");
        assertThat(fromPayload.path("product_policy").asText()).isEqualTo("STRICT");
        assertThat(fromPayload.path("to").asText()).isEqualTo("4915100000001");
    }

    @Test
    void phoneNumberIdHeaderOverridesTheOption() {
        graphApi.acceptAll();

        send(sendUri(TEMPLATE_OPTIONS), null, Map.of(WhatsAppMarketingConstants.TO, "4915112345678",
                WhatsAppMarketingConstants.PHONE_NUMBER_ID, "999888777"));

        assertThat(graphApi.marketingMessageRequests().get(0).getUrl()).isEqualTo("/v25.0/999888777/marketing_messages");
    }

    @Test
    void apiVersionOptionIsUsedInThePath() {
        graphApi.acceptAll();

        send(sendUri(TEMPLATE_OPTIONS + "&apiVersion=v23.0"), null, Map.of(WhatsAppMarketingConstants.TO, "4915112345678"));

        assertThat(graphApi.marketingMessageRequests().get(0).getUrl())
                .isEqualTo("/v23.0/" + GraphApiStub.PHONE_NUMBER_ID + "/marketing_messages");
    }
}
