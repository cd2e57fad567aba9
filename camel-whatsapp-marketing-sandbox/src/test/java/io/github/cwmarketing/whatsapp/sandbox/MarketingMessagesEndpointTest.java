package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.json;
import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarketingMessagesEndpointTest {

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(WhatsAppSandbox.builder());

    private final WhatsAppSandbox sandbox;
    private final GraphClient client;

    MarketingMessagesEndpointTest(WhatsAppSandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new GraphClient(sandbox);
    }

    @Test
    void acceptsAValidTemplateMessageLikeMeta() throws Exception {
        ObjectNode request = template("+16505551234");

        HttpResponse<String> response = client.send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.at("/contacts/0/input").asText()).isEqualTo("+16505551234");
        assertThat(body.at("/contacts/0/wa_id").asText()).isEqualTo("16505551234");
        assertThat(body.at("/contacts/0").has("user_id")).isFalse();
        assertThat(body.at("/messages/0/id").asText()).matches("wamid\\.[A-Za-z0-9+/]+=*");
        assertThat(body.at("/messages/0/message_status").asText()).isEqualTo("accepted");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("facebook-api-version")).hasValue("v23.0");
        assertThat(response.headers().firstValue("x-fb-trace-id")).isPresent();
        JsonNode usage = GraphClient.MAPPER.readTree(
                response.headers().firstValue("x-business-use-case-usage").orElseThrow());
        assertThat(usage.path(sandbox.wabaId()).findValuesAsText("type"))
                .containsExactly("whatsapp_business_management", "whatsapp");

        SentMessage sent = sandbox.sentMessages().get(0);
        assertThat(sent.wamid()).isEqualTo(body.at("/messages/0/id").asText());
        assertThat(sent.recipient()).isEqualTo("+16505551234");
        assertThat(sent.templateName()).isEqualTo("summer_sale");
        assertThat(sent.productPolicy()).isEqualTo("CLOUD_API_FALLBACK");
        assertThat(sent.pricingCategory()).isEqualTo("marketing_lite");
        assertThat(GraphClient.MAPPER.readTree(sent.requestJson())).isEqualTo(request);
    }

    @Test
    void givesEveryMessageItsOwnWamid() {
        String first = client.accepted(template("16505551234"));
        String second = client.accepted(template("16505551234"));

        assertThat(first).isNotEqualTo(second);
        assertThat(sandbox.sentMessages()).extracting(SentMessage::wamid).containsExactly(first, second);
    }

    @Test
    void answersABsuidOnlyRecipientWithUserIdAndNoWaId() {
        ObjectNode request = template(null).put("recipient", "US.13491208655302741918");

        JsonNode contact = json(client.send(request)).at("/contacts/0");

        assertThat(contact.path("input").asText()).isEqualTo("US.13491208655302741918");
        assertThat(contact.path("user_id").asText()).isEqualTo("US.13491208655302741918");
        assertThat(contact.has("wa_id")).isFalse();
        assertThat(sandbox.sentMessages().get(0).bsuidRecipient()).isTrue();
    }

    @Test
    void usesToWhenBothToAndRecipientAreGiven() {
        ObjectNode request = template("16505551234").put("recipient", "US.13491208655302741918");

        JsonNode contact = json(client.send(request)).at("/contacts/0");

        assertThat(contact.path("wa_id").asText()).isEqualTo("16505551234");
        assertThat(contact.has("user_id")).isFalse();
    }

    @Test
    void acceptsTheFieldsMetasSchemaLacks() {
        ObjectNode request = template(null);
        request.put("recipient", "US.ENT.11815799212886844830");
        request.put("biz_opaque_callback_data", "campaign-42:batch-7");
        request.put("message_activity_sharing", true);
        ObjectNode templateNode = (ObjectNode) request.get("template");
        ((ObjectNode) templateNode.get("language")).remove("policy");
        ObjectNode button = templateNode.withArray("components").addObject();
        button.put("type", "button").put("sub_type", "quick_reply").put("index", "0");
        button.putArray("parameters").addObject().put("type", "payload").put("payload", "STOP_PROMOS");
        ObjectNode withBidSpec = request.deepCopy();
        withBidSpec.remove("recipient");
        withBidSpec.put("to", "16505551234");
        withBidSpec.putObject("bid_spec").put("per_message_bid_multiplier", 1.5);

        assertThat(client.send(request).statusCode()).isEqualTo(200);
        assertThat(client.send(withBidSpec).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsAMissingOrWrongAccessTokenWithMetas401() {
        String body = template("16505551234").toString();
        URI uri = sandbox.marketingMessagesUri();

        for (String authorization : new String[] {null, "Bearer wrong-token", sandbox.accessToken()}) {
            HttpResponse<String> response = client.post(uri, body, authorization);

            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = json(response).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(190);
            assertThat(error.path("type").asText()).isEqualTo("OAuthException");
            assertThat(error.path("fbtrace_id").asText()).isNotBlank();
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    static Stream<Arguments> schemaViolations() {
        return Stream.of(
                violation("missing template", body -> body.remove("template"), "'template' is missing"),
                violation("type not template", body -> body.put("type", "text"), "$.type"),
                violation("policy not deterministic",
                        body -> ((ObjectNode) body.at("/template/language")).put("policy", "fallback"),
                        "$.template.language.policy"),
                violation("unknown property", body -> body.put("priority", "high"), "'priority' is not allowed"),
                violation("to not a string", body -> body.put("to", 16505551234L), "$.to"),
                violation("unknown product_policy", body -> body.put("product_policy", "LENIENT"),
                        "$.product_policy"),
                violation("button index 10", MarketingMessagesEndpointTest::addButtonWithIndex10,
                        "$.template.components[1].index"),
                violation("neither to nor recipient", body -> body.remove("to"), "The parameter to is required."),
                violation("malformed BSUID", body -> body.put("recipient", "13491208655302741918"),
                        "$.recipient"),
                violation("callback data too long", body -> body.put("biz_opaque_callback_data", "x".repeat(513)),
                        "$.biz_opaque_callback_data"),
                violation("component rule: coupon code over 15", MarketingMessagesEndpointTest::addLongCouponCode,
                        "$.template.components[1].parameters[0].coupon_code"),
                violation("component rule: phone with letters", body -> body.put("to", "+1555CALLME"), "$.to"));
    }

    private static Arguments violation(String name, Consumer<ObjectNode> change, String detailsFragment) {
        return Arguments.of(name, change, detailsFragment);
    }

    private static void addLongCouponCode(ObjectNode body) {
        ObjectNode button = ((ObjectNode) body.get("template")).withArray("components").addObject();
        button.put("type", "button").put("sub_type", "copy_code").put("index", "0");
        button.putArray("parameters").addObject().put("type", "coupon_code").put("coupon_code", "SIXTEEN-CHARS-XX");
    }

    private static void addButtonWithIndex10(ObjectNode body) {
        ObjectNode button = ((ObjectNode) body.get("template")).withArray("components").addObject();
        button.put("type", "button").put("sub_type", "url").put("index", "10");
        button.putArray("parameters").addObject().put("type", "text").put("text", "x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaViolations")
    void rejectsSchemaViolationsWithError100(String name, Consumer<ObjectNode> change, String detailsFragment) {
        ObjectNode request = template("16505551234");
        change.accept(request);

        HttpResponse<String> response = client.send(request);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asText()).isEqualTo("(#100) Invalid parameter");
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        assertThat(error.path("code").asInt()).isEqualTo(100);
        assertThat(error.at("/error_data/messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(error.at("/error_data/details").asText()).contains(detailsFragment);
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        HttpResponse<String> response = client.send("{\"to\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(100);
    }

    @Test
    void refusesBidSpecForABsuidOnlyRecipientWith131062() {
        ObjectNode request = template(null).put("recipient", "US.13491208655302741918");
        request.putObject("bid_spec").put("per_message_bid_multiplier", 1.2);

        HttpResponse<String> response = client.send(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(131062);
    }

    @Test
    void rejectsAnotherPhoneNumberIdAsAnUnknownObject() {
        URI otherNumber = sandbox.baseUri().resolve("/v23.0/999999999999999/marketing_messages");

        HttpResponse<String> response = client.post(otherNumber, template("16505551234").toString(),
                "Bearer " + sandbox.accessToken());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(100);
        assertThat(error.path("type").asText()).isEqualTo("GraphMethodException");
    }

    @Test
    void answersUnservedPathsWithAGraphError() {
        HttpResponse<String> response = client.post(sandbox.baseUri().resolve("/v23.0/100000000000001/messages"),
                template("16505551234").toString(), "Bearer " + sandbox.accessToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(2500);
    }

    @Test
    void servesPathsWithoutAVersion() {
        URI unversioned = sandbox.baseUri().resolve("/" + sandbox.phoneNumberId() + "/marketing_messages");

        HttpResponse<String> response = client.post(unversioned, template("16505551234").toString(),
                "Bearer " + sandbox.accessToken());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void appliesPluggedInRequestRules() {
        SandboxRequestRule promoTemplatesOnly = body -> body.at("/template/name").asText().startsWith("promo_")
                ? List.of() : List.of("template.name must start with promo_");
        try (WhatsAppSandbox strict = WhatsAppSandbox.builder().requestRule(promoTemplatesOnly).build()) {
            GraphClient strictClient = new GraphClient(strict.start());

            HttpResponse<String> response = strictClient.send(template("16505551234"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).at("/error/error_data/details").asText())
                    .isEqualTo("template.name must start with promo_");
        }
    }

    @Test
    void addsTheConfiguredResponseLatency() {
        Duration latency = Duration.ofMillis(150);
        try (WhatsAppSandbox slow = WhatsAppSandbox.builder().responseLatency(latency, latency).build()) {
            GraphClient slowClient = new GraphClient(slow.start());
            long start = System.nanoTime();

            slowClient.send(template("16505551234"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(latency);
        }
    }
}
