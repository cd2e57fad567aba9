package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.Media;
import io.github.cwmarketing.whatsapp.model.TemplateComponent;
import io.github.cwmarketing.whatsapp.model.TemplateParameter;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invalid messages fail with a validation error naming the field, and no request reaches the Graph API.
 */
class SendValidationTest extends SendTestSupport {

    private static final String TO = "4915112345678";

    static Stream<Arguments> invalidMessages() {
        String longText = "x".repeat(1025);
        return Stream.of(
                Arguments.of("not a template", """
                        {"to":"4915112345678","type":"text","template":{"name":"a","language":{"code":"en"}}}""", "type"),
                Arguments.of("no recipient", """
                        {"template":{"name":"a","language":{"code":"en"}}}""", "to"),
                Arguments.of("phone with letters", """
                        {"to":"+1555CALLME","template":{"name":"a","language":{"code":"en"}}}""", "to"),
                Arguments.of("bad BSUID", """
                        {"recipient":"13491208655302741918","template":{"name":"a","language":{"code":"en"}}}""",
                        "recipient"),
                Arguments.of("no template name", """
                        {"to":"4915112345678","template":{"language":{"code":"en"}}}""", "template.name"),
                Arguments.of("no language", """
                        {"to":"4915112345678","template":{"name":"a"}}""", "template.language.code"),
                Arguments.of("policy not deterministic", """
                        {"to":"4915112345678","template":{"name":"a","language":{"code":"en","policy":"fallback"}}}""",
                        "template.language.policy"),
                Arguments.of("unknown product policy", """
                        {"to":"4915112345678","product_policy":"SOMETIMES","template":{"name":"a","language":{"code":"en"}}}""",
                        "product_policy"),
                Arguments.of("malformed JSON", "{\"to\":\"155", "body"),
                Arguments.of("callback data too long", MarketingMessageRequest.builder().to(TO).template("a", "en")
                        .bizOpaqueCallbackData("x".repeat(513)).build(), "biz_opaque_callback_data"),
                Arguments.of("header text over 60", MarketingMessageRequest.builder().to(TO).template("a", "en")
                        .header(TemplateParameter.text("x".repeat(61))).body(TemplateParameter.text("ok")).build(),
                        "template.components[0].parameters[0].text"),
                Arguments.of("body text over 1024 beside a header", MarketingMessageRequest.builder().to(TO)
                        .template("a", "en").header(TemplateParameter.text("hi"))
                        .body(TemplateParameter.text(longText)).build(), "template.components[1].parameters[0].text"),
                Arguments.of("body-only text over 32768", MarketingMessageRequest.builder().to(TO).template("a", "en")
                        .body(TemplateParameter.text("x".repeat(32769))).build(),
                        "template.components[0].parameters[0].text"),
                Arguments.of("button index 10", MarketingMessageRequest.builder().to(TO).template("a", "en")
                        .button("url", 10, TemplateParameter.text("x")).build(), "template.components[0].index"),
                Arguments.of("button without sub_type", MarketingMessageRequest.builder().to(TO).template("a", "en")
                        .component(new TemplateComponent(TemplateComponent.BUTTON, List.of(TemplateParameter.payload("p"))))
                        .build(), "template.components[0].sub_type"),
                Arguments.of("coupon over 15", MarketingMessageRequest.builder().to(TO).template("a", "en")
                        .button("copy_code", 0, TemplateParameter.couponCode("SIXTEEN-CHARS-XX")).build(),
                        "template.components[0].parameters[0].coupon_code"),
                Arguments.of("media with id and link", MarketingMessageRequest.builder().to(TO).template("a", "en")
                        .header(TemplateParameter.image(both())).build(), "template.components[0].parameters[0].image"),
                Arguments.of("bid spec to a BSUID", MarketingMessageRequest.builder().recipient("US.1349120865530274")
                        .template("a", "en").perMessageBidMultiplier(1.2).build(), "bid_spec"),
                Arguments.of("unsupported body type", 42, "body"));
    }

    private static Media both() {
        Media media = Media.ofId("1");
        media.setLink("https://example.com/x.jpg");
        return media;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void rejectsBeforeAnyRequest(String rule, Object body, String field) {
        graphApi.acceptAll();

        Exchange result = send(sendUri(""), body, Map.of());

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(((WhatsAppMarketingValidationException) result.getException()).getField()).isEqualTo(field);
        assertThat(graphApi.requestCount()).isZero();
    }

    @Test
    void invalidProductPolicyHeaderIsRejected() {
        graphApi.acceptAll();

        Exchange result = send(sendUri("templateName=a&templateLanguage=en"), null,
                Map.of(WhatsAppMarketingConstants.TO, TO, WhatsAppMarketingConstants.PRODUCT_POLICY, "ALWAYS"));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining("STRICT or CLOUD_API_FALLBACK");
        assertThat(graphApi.requestCount()).isZero();
    }

    @Test
    void phoneNumberIdMustBeDigits() {
        graphApi.acceptAll();

        Exchange result = send(sendUri("templateName=a&templateLanguage=en"), null,
                Map.of(WhatsAppMarketingConstants.TO, TO, WhatsAppMarketingConstants.PHONE_NUMBER_ID, "12/../34"));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageStartingWith("phoneNumberId");
        assertThat(graphApi.requestCount()).isZero();
    }

    @Test
    void invalidProductPolicyOptionFailsAtEndpointCreation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint(sendUri("productPolicy=SOMETIMES")))
                .hasMessageContaining("SOMETIMES");
    }

    @Test
    void unknownOperationFailsAtEndpointCreation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getEndpoint("whatsapp-marketing:broadcast"))
                .hasStackTraceContaining("Unknown whatsapp-marketing operation 'broadcast'");
    }

    @Test
    void bodyOnlyTextMayBeLong() {
        graphApi.acceptAll();

        Exchange result = send(sendUri(""), MarketingMessageRequest.builder().to(TO).template("a", "en")
                .body(TemplateParameter.text("x".repeat(32768))).build(), Map.of());

        assertThat(result.getException()).isNull();
        assertThat(graphApi.requestCount()).isEqualTo(1);
    }
}
