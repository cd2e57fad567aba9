package io.github.cwmarketing.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON or Map payload is sent whole: every nested object keeps the fields the typed model does not know, in their
 * order, and the bytes sent are the payload's JSON. Payload shapes from Meta's template message documentation.
 */
class SendPayloadPassThroughTest extends SendTestSupport {

    /** A date_time parameter with every localisation field Meta documents besides fallback_value. */
    private static final String DATE_TIME = compact("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
            "template":{"name":"appointment_reminder","language":{"code":"de","policy":"deterministic"},
            "components":[{"type":"body","parameters":[{"type":"text","text":"Jonas"},
            {"type":"date_time","date_time":{"fallback_value":"February 25, 1977","day_of_week":5,"year":1977,
            "month":2,"day_of_month":25,"hour":15,"minute":33,"calendar":"GREGORIAN"}}]}]}}""");

    /** A product card carousel: each card's header is a catalog product. */
    private static final String PRODUCT_CAROUSEL = compact("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
            "template":{"name":"autumn_products","language":{"code":"en_US","policy":"deterministic"},
            "components":[{"type":"body","parameters":[{"type":"text","text":"20OFF"}]},
            {"type":"carousel","cards":[
            {"card_index":0,"components":[{"type":"header","parameters":[{"type":"product",
            "product":{"product_retailer_id":"2lc20305pt","catalog_id":"194836987003835"}}]}]},
            {"card_index":1,"components":[{"type":"header","parameters":[{"type":"product",
            "product":{"product_retailer_id":"2lc20305su","catalog_id":"194836987003835"}}]}]}]}]}}""");

    /** A multi-product message button: its action holds the catalog sections. */
    private static final String MULTI_PRODUCT_BUTTON = compact("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
            "template":{"name":"abandoned_cart","language":{"code":"en_US","policy":"deterministic"},
            "components":[{"type":"header","parameters":[{"type":"text","text":"Forgot something?"}]},
            {"type":"button","sub_type":"mpm","index":"0","parameters":[{"type":"action","action":{
            "thumbnail_product_retailer_id":"2lc20305pt","sections":[{"title":"Your cart","product_items":[
            {"product_retailer_id":"2lc20305pt"},{"product_retailer_id":"2lc20305su"}]}]}}]}]}}""");

    /** Fields Meta may add later, at every depth, and known fields in an unusual order. */
    private static final String FUTURE_FIELDS = compact("""
            {"template":{"language":{"policy":"deterministic","code":"en","future_language_field":"x"},
            "components":[{"parameters":[{"image":{"link":"https://example.com/a.jpg","future_media_field":1},
            "type":"image","future_parameter_field":[1,2]}],"type":"header","future_component_field":true}],
            "name":"autumn_offer","future_template_field":{"nested":{"deeper":"kept"}}},
            "to":"4915112345678","type":"template","recipient_type":"individual","messaging_product":"whatsapp",
            "bid_spec":{"per_message_bid_multiplier":1.50,"future_bid_field":"y"},"future_field":{"x":1}}""");

    private static String compact(String json) {
        return json.replaceAll("\\n\\s*", "");
    }

    private String sent(Object body) {
        Exchange result = send(sendUri(""), body, Map.of());
        assertThat(result.getException()).isNull();
        var requests = graphApi.marketingMessageRequests();
        return requests.get(requests.size() - 1).getBodyAsString();
    }

    @Test
    void theBytesSentAreTheJsonPayloadForEveryBodyType() {
        graphApi.acceptAll();
        for (String payload : new String[] { DATE_TIME, PRODUCT_CAROUSEL, MULTI_PRODUCT_BUTTON, FUTURE_FIELDS }) {
            assertThat(sent(payload)).isEqualTo(payload);
            assertThat(sent(payload.getBytes(StandardCharsets.UTF_8))).isEqualTo(payload);
            assertThat(sent(new java.io.ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(payload);
        }
        graphApi.reset(); // Meta's spec lists neither product parameters nor fields added later
    }

    @Test
    void aMapPayloadIsSentWholeInItsOrder() throws Exception {
        graphApi.acceptAll();
        for (String payload : new String[] { DATE_TIME, PRODUCT_CAROUSEL, MULTI_PRODUCT_BUTTON }) {
            Map<?, ?> map = JSON.readValue(payload, LinkedHashMap.class);

            assertThat(sent(map)).isEqualTo(payload);
        }
        graphApi.reset();
    }

    @Test
    void aTypedRequestReadFromJsonKeepsEveryNestedField() throws Exception {
        graphApi.acceptAll();
        for (String payload : new String[] { DATE_TIME, PRODUCT_CAROUSEL, MULTI_PRODUCT_BUTTON, FUTURE_FIELDS }) {
            MarketingMessageRequest typed = JSON.readValue(payload, MarketingMessageRequest.class);

            JsonNode sent = JSON.readTree(sent(typed));

            assertThat(sent).as("known fields in the model's order, the others kept").isEqualTo(JSON.readTree(payload));
        }
        graphApi.reset();
    }

    @Test
    void missingDefaultsAreAddedAroundThePayloadWithoutReorderingIt() {
        graphApi.acceptAll();
        String payload = compact("""
                {"template":{"components":[{"type":"body","parameters":[{"text":"Zoë","type":"text"}]}],
                "language":{"code":"de"},"name":"autumn_offer","future":1},"to":"4915112345678",
                "biz_opaque_callback_data":"campaign-42"}""");

        Exchange result = send(sendUri("productPolicy=STRICT&messageActivitySharing=false"), payload, Map.of());

        assertThat(result.getException()).isNull();
        assertThat(graphApi.marketingMessageRequests().get(0).getBodyAsString()).isEqualTo(compact("""
                {"messaging_product":"whatsapp","recipient_type":"individual","type":"template",
                "template":{"components":[{"type":"body","parameters":[{"text":"Zoë","type":"text"}]}],
                "language":{"code":"de","policy":"deterministic"},"name":"autumn_offer","future":1},
                "to":"4915112345678","biz_opaque_callback_data":"campaign-42","product_policy":"STRICT",
                "message_activity_sharing":false}"""));
        graphApi.reset();
    }

    @Test
    void nullFieldsAreLeftOutAtEveryDepth() throws Exception {
        graphApi.acceptAll();
        String payload = compact("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
                "product_policy":null,"template":{"name":"autumn_offer","language":{"code":"de","policy":null},
                "components":[{"type":"body","parameters":[{"type":"text","text":"Jonas","parameter_name":null}]}]}}""");

        JsonNode sent = JSON.readTree(sent(payload));

        assertThat(sent.has("product_policy")).isFalse();
        assertThat(sent.path("template").path("language"))
                .isEqualTo(JSON.readTree("{\"code\":\"de\",\"policy\":\"deterministic\"}"));
        assertThat(sent.path("template").path("components").get(0).path("parameters").get(0))
                .isEqualTo(JSON.readTree("{\"type\":\"text\",\"text\":\"Jonas\"}"));
    }
}
