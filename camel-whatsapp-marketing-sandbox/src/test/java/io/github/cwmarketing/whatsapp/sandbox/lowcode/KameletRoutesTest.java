package io.github.cwmarketing.whatsapp.sandbox.lowcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.sandbox.DeliveredStatus;
import io.github.cwmarketing.whatsapp.sandbox.SentMessage;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import io.github.cwmarketing.whatsapp.sandbox.WebhookSigner;
import io.github.cwmarketing.whatsapp.metareference.WebhookSamples;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The Kamelets shipped in the component jar, used from YAML routes as a Camel JBang or Kaoto user writes them
 * ({@code lowcode/kamelet-routes.yaml}, shown in docs/low-code.md): {@code kamelet:whatsapp-marketing-sink} sends to
 * the sandbox, whose signed status webhooks come back through {@code kamelet:whatsapp-marketing-status-source}.
 */
class KameletRoutesTest extends LowCodeTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected void loadRoutes() throws Exception {
        load("lowcode/kamelet-routes.yaml");
        // a route that sets no recipient header, for the other ways of giving one
        load("plain.yaml", """
                - route:
                    from:
                      uri: direct:plain
                      steps:
                        - to: "kamelet:whatsapp-marketing-sink?accessToken={{whatsapp.access-token}}\
                &phoneNumberId={{whatsapp.phone-number-id}}&baseUri={{whatsapp.base-uri}}\
                &templateName=autumn_offer&templateLanguage=en"
                """);
    }

    @Test
    void aJsonObjectGivesTheTemplateParametersByName(WhatsAppSandbox sandbox) throws Exception {
        Exchange result = template.request("direct:offer", exchange -> {
            exchange.getMessage().setHeader("phone", "+4915112345671");
            exchange.getMessage().setBody("{\"first_name\":\"Maria\",\"discount\":\"25%\"}");
        });

        assertThat(result.getException()).isNull();
        SentMessage sent = single(sandbox.sentMessages());
        assertThat(sent.recipient()).isEqualTo("+4915112345671");
        assertThat(sent.templateName()).isEqualTo("autumn_offer");
        assertThat(sent.productPolicy()).isEqualTo("STRICT");
        JsonNode parameters = JSON.readTree(sent.requestJson()).path("template").path("components").get(0)
                .path("parameters");
        assertThat(parameters).hasSize(2);
        assertThat(parameters.get(0).path("parameter_name").asText()).isEqualTo("first_name");
        assertThat(parameters.get(0).path("text").asText()).isEqualTo("Maria");
        assertThat(parameters.get(1).path("parameter_name").asText()).isEqualTo("discount");
        // the output: Meta's answer as JSON, and the message id header
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo(sent.wamid());
        JsonNode answer = JSON.readTree(result.getMessage().getBody(String.class));
        assertThat(answer.path("messages").get(0).path("id").asText()).isEqualTo(sent.wamid());
    }

    @Test
    void aJsonObjectWithATemplateIsSentAsItIs(WhatsAppSandbox sandbox) throws Exception {
        String payload = """
                {"to":"+4915112345672","template":{"name":"winter_offer","language":{"code":"de"},\
                "components":[{"type":"body","parameters":[{"type":"currency","currency":\
                {"fallback_value":"€10.50","code":"EUR","amount_1000":10500}}]}]},\
                "biz_opaque_callback_data":"campaign=winter"}""";

        Exchange result = template.request("direct:offer",
                exchange -> exchange.getMessage().setBody(payload.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.getException()).isNull();
        SentMessage sent = single(sandbox.sentMessages());
        JsonNode json = JSON.readTree(sent.requestJson());
        assertThat(sent.recipient()).isEqualTo("+4915112345672");
        assertThat(sent.templateName()).as("the payload's template wins over the option").isEqualTo("winter_offer");
        assertThat(json.path("template").path("language").path("code").asText()).isEqualTo("de");
        assertThat(json.path("template").path("components").get(0).path("parameters").get(0).path("currency"))
                .isEqualTo(JSON.readTree("{\"fallback_value\":\"€10.50\",\"code\":\"EUR\",\"amount_1000\":10500}"));
        assertThat(sent.bizOpaqueCallbackData()).isEqualTo("campaign=winter");
        assertThat(sent.productPolicy()).as("an option the payload leaves out is added").isEqualTo("STRICT");
    }

    @Test
    void aJsonArrayGivesPositionalParameters(WhatsAppSandbox sandbox) throws Exception {
        template.sendBodyAndHeader("direct:offer", "[\"Jonas\",\"30%\"]", "phone", "4915112345673");

        JsonNode parameters = JSON.readTree(single(sandbox.sentMessages()).requestJson()).path("template")
                .path("components").get(0).path("parameters");
        assertThat(parameters).extracting(parameter -> parameter.path("text").asText()).containsExactly("Jonas", "30%");
        assertThat(parameters.get(0).has("parameter_name")).isFalse();
    }

    @Test
    void theComponentsRecipientHeaderWinsOverTheShortOne(WhatsAppSandbox sandbox) {
        template.sendBodyAndHeaders("direct:offer", null,
                Map.of("phone", "4915112345674", WhatsAppMarketingConstants.TO, "4915112345675"));

        assertThat(single(sandbox.sentMessages()).recipient()).isEqualTo("4915112345675");
    }

    @Test
    void theRecipientMayComeFromACloudEventsHeaderOrAnExchangeProperty(WhatsAppSandbox sandbox) {
        template.sendBodyAndHeader("direct:plain", null, "ce-to", "4915112345676");
        template.send("direct:plain", exchange -> exchange.setProperty("to", "4915112345677"));
        template.sendBodyAndHeader("direct:plain", null, "recipient", "US.13491208655302741918");

        assertThat(sandbox.sentMessages()).extracting(SentMessage::recipient)
                .containsExactly("4915112345676", "4915112345677", "US.13491208655302741918");
        assertThat(sandbox.sentMessages().get(2).bsuidRecipient()).isTrue();
    }

    @Test
    void aMessageWithoutRecipientFailsBeforeAnyRequest(WhatsAppSandbox sandbox) {
        Exchange result = template.request("direct:plain", exchange -> exchange.getMessage().setBody("{}"));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingValidationException.class)
                .hasMessageContaining("to");
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void metasRefusalFailsTheExchangeWithItsTypedError(WhatsAppSandbox sandbox) {
        Exchange result = template.request("kamelet:whatsapp-marketing-sink?accessToken=wrong-token"
                                           + "&phoneNumberId={{whatsapp.phone-number-id}}&baseUri={{whatsapp.base-uri}}"
                                           + "&templateName=autumn_offer&templateLanguage=en",
                exchange -> exchange.getMessage().setHeader("to", "4915112345678"));

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingApiException.class)
                .hasMessageNotContaining("wrong-token");
        assertThat(((WhatsAppMarketingApiException) result.getException()).getCode()).isEqualTo(190);
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void theStatusSourceEmitsOneJsonStatusPerEvent(WhatsAppSandbox sandbox) throws Exception {
        template.sendBodyAndHeader("direct:offer", List.of("Maria"), "phone", "4915112345678"); // sent, delivered
        String wamid = single(sandbox.sentMessages()).wamid();

        assertThat(sandbox.awaitStatuses(2, Duration.ofSeconds(10))).extracting(DeliveredStatus::status)
                .containsExactly("sent", "delivered");
        List<Exchange> statuses = statusesOf(wamid, 2);
        Exchange sent = statuses.get(0);
        Exchange delivered = statuses.get(1);
        for (Exchange status : List.of(sent, delivered)) {
            JsonNode json = JSON.readTree(status.getMessage().getBody(String.class));
            assertThat(json.path("id").asText()).isEqualTo(wamid);
            assertThat(json.path("recipient_id").asText()).isEqualTo("4915112345678");
            assertThat(json.path("phone_number_id").asText()).isEqualTo(sandbox.phoneNumberId());
            assertThat(json.path("waba_id").asText()).isEqualTo(sandbox.wabaId());
            assertThat(status.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID)).isEqualTo(wamid);
        }
        assertThat(JSON.readTree(sent.getMessage().getBody(String.class)).path("status").asText()).isEqualTo("sent");
        assertThat(delivered.getMessage().getHeader(WhatsAppMarketingConstants.STATUS)).isEqualTo("delivered");
        assertThat(sent.getMessage().getHeader(WhatsAppMarketingConstants.ROUTED_VIA))
                .isEqualTo("MARKETING_MESSAGES_API");
    }

    @Test
    void theStatusSourceAnswersMetasHandshake() throws Exception {
        HttpResponse<String> right = get("hub.mode=subscribe&hub.challenge=4711&hub.verify_token=" + VERIFY_TOKEN);
        HttpResponse<String> wrong = get("hub.mode=subscribe&hub.challenge=4711&hub.verify_token=guess");

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("4711");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void theStatusSourceRoutesOnlyWhatTheAppSecretSigned(WhatsAppSandbox sandbox) throws Exception {
        byte[] body = WebhookSamples.read("status-failed-131049.json");

        String wamid = JSON.readTree(body).path("entry").get(0).path("changes").get(0).path("value")
                .path("statuses").get(0).path("id").asText();

        HttpResponse<String> forged = post(body, WebhookSigner.headerValue("not-the-app-secret", body));
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> signed = post(body, WebhookSigner.headerValue(sandbox.appSecret(), body));
        assertThat(signed.statusCode()).isEqualTo(200);

        List<Exchange> routed = statusesOf(wamid, 1);
        for (Exchange more = consumer.receiveNoWait("seda:statuses"); more != null;
             more = consumer.receiveNoWait("seda:statuses")) {
            assertThat(more.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID))
                    .as("the forged POST was not routed").isNotEqualTo(wamid);
        }
        JsonNode status = JSON.readTree(routed.get(0).getMessage().getBody(String.class));
        assertThat(status.path("status").asText()).isEqualTo("failed");
        assertThat(status.path("errors").get(0).path("code").asInt()).isEqualTo(131049);
    }

    /** The next {@code count} statuses of the message, skipping those of earlier tests' messages still arriving. */
    private List<Exchange> statusesOf(String wamid, int count) throws Exception {
        List<Exchange> statuses = new ArrayList<>();
        while (statuses.size() < count) {
            Exchange status = consumer.receive("seda:statuses", 5_000);
            assertThat(status).as("status %d of %s", statuses.size() + 1, wamid).isNotNull();
            if (wamid.equals(status.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID))) {
                status.getMessage().setBody(status.getMessage().getBody(String.class)); // read it once, keep the text
                statuses.add(status);
            }
        }
        return statuses;
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(webhookUri("?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(webhookUri("")).header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SentMessage single(List<SentMessage> sent) {
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }
}
