package io.github.cwmarketing.whatsapp.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /{version}/{phone-number-id}/marketing_messages}: checks the token, validates the body, applies the
 * {@link SendAdmission} rules, then accepts the message like Meta and starts its status webhooks.
 */
final class MarketingMessagesHandler implements GraphApiHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MarketingMessagesHandler.class);
    private static final Pattern PATH = Pattern.compile(GraphPaths.VERSION_PREFIX + "([^/]+)/marketing_messages/?");

    private final SandboxSettings settings;
    private final AccessTokenGuard tokenGuard;
    private final List<SandboxRequestRule> rules;
    private final SendAdmission admission;
    private final SandboxJournal journal;
    private final StatusWebhookDispatcher dispatcher;

    MarketingMessagesHandler(SandboxSettings settings, AccountState account, ThroughputTier tier,
                             SandboxJournal journal, StatusWebhookDispatcher dispatcher) {
        this.settings = settings;
        this.tokenGuard = new AccessTokenGuard(settings.accessToken());
        this.rules = rules(settings);
        this.admission = new SendAdmission(settings, account, tier);
        this.journal = journal;
        this.dispatcher = dispatcher;
    }

    private static List<SandboxRequestRule> rules(SandboxSettings settings) {
        List<SandboxRequestRule> rules = new ArrayList<>();
        if (settings.schemaValidation()) {
            rules.add(new MetaSchemaValidator());
        }
        rules.add(new ComponentRules());
        rules.addAll(settings.requestRules());
        return rules;
    }

    @Override
    public String name() {
        return "marketing-messages";
    }

    @Override
    public MappingBuilder requests() {
        return post(urlPathMatching(PATH.pattern()));
    }

    @Override
    public GraphResponse handle(GraphRequest request) {
        return tokenGuard.reject(request).orElseGet(() -> authorized(request));
    }

    private GraphResponse authorized(GraphRequest request) {
        Matcher path = GraphPaths.match(PATH, request);
        String version = GraphPaths.version(path);
        String phoneNumberId = path.group(2);
        return send(version, phoneNumberId, request)
                .withHeader("facebook-api-version", version)
                .withHeader(UsageHeader.NAME,
                        UsageHeader.value(settings.wabaId(), admission.throughputUsagePercent(phoneNumberId)));
    }

    @Override
    public void reset() {
        admission.reset();
    }

    private GraphResponse send(String version, String phoneNumberId, GraphRequest request) {
        if (!settings.phoneNumberId().equals(phoneNumberId)) {
            return ErrorEnvelope.unknownObject(request.method(), phoneNumberId,
                    "Unknown phone number id " + phoneNumberId);
        }
        Optional<JsonNode> body = Json.parse(request.body()).filter(JsonNode::isObject);
        if (body.isEmpty()) {
            return ErrorEnvelope.response(WhatsAppError.INVALID_PARAMETER, "The request body must be a JSON object.");
        }
        List<String> violations = violations(body.get());
        if (!violations.isEmpty()) {
            LOG.debug("Rejected invalid request: {}", violations);
            return ErrorEnvelope.response(WhatsAppError.INVALID_PARAMETER, String.join("; ", violations));
        }
        SendRequestFields send = SendRequestFields.from(body.get());
        Scenario scenario = settings.scenarios().forRecipient(send.recipient());
        Optional<WhatsAppError> refusal = admission.refusal(phoneNumberId, send, scenario);
        if (refusal.isPresent()) {
            LOG.debug("Refused message to {} with {}", send.recipient(), refusal.get().code());
            journal.recordRefused(new RefusedSend(send.recipient(), refusal.get().code(), settings.clock().instant()));
            return ErrorEnvelope.response(refusal.get());
        }
        return accept(version, phoneNumberId, send, scenario, request.bodyAsString());
    }

    private List<String> violations(JsonNode body) {
        List<String> violations = new ArrayList<>();
        for (SandboxRequestRule rule : rules) {
            violations.addAll(rule.validate(body));
        }
        return violations;
    }

    private GraphResponse accept(String version, String phoneNumberId, SendRequestFields send,
                                 Scenario scenario, String requestJson) {
        SentMessage message = new SentMessage(GraphIds.wamid(send.bsuidOnly() ? send.bsuid() : send.waId()), version, phoneNumberId,
                send.recipient(), send.bsuidOnly(), send.templateName(), send.productPolicy(),
                admission.pricingCategory(), send.bizOpaqueCallbackData(), requestJson, settings.clock().instant());
        journal.recordSent(message);
        dispatcher.play(message, scenario);
        LOG.debug("Accepted {} to {} (template {}, scenario: {})", message.wamid(), message.recipient(),
                message.templateName(), scenario.description());
        return GraphResponse.json(200, Json.write(acceptedBody(send, message.wamid(), scenario.messageStatus())));
    }

    private static ObjectNode acceptedBody(SendRequestFields send, String wamid, String messageStatus) {
        ObjectNode body = Json.object();
        body.put("messaging_product", "whatsapp");
        ObjectNode contact = body.putArray("contacts").addObject();
        contact.put("input", send.recipient());
        if (send.bsuidOnly()) {
            contact.put("user_id", send.bsuid());
        } else {
            contact.put("wa_id", send.waId());
        }
        ObjectNode message = body.putArray("messages").addObject();
        message.put("id", wamid);
        message.put("message_status", messageStatus);
        return body;
    }
}
