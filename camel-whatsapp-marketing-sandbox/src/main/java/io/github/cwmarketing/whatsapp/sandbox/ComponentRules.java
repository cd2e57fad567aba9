package io.github.cwmarketing.whatsapp.sandbox;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.send.RequestValidator;

/**
 * The component's client-side rules (the ones Meta documents beyond its schema: BSUID shape, text lengths, button
 * indexes, coupon codes, callback data, bid spec), applied to what the sandbox receives.
 */
final class ComponentRules implements SandboxRequestRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RequestValidator rules = new RequestValidator();

    @Override
    public List<String> validate(JsonNode request) {
        if (!request.has("to") && !request.has("recipient")) {
            return List.of("The parameter to is required.");
        }
        try {
            MarketingMessageRequest message = MAPPER.treeToValue(request, MarketingMessageRequest.class);
            if (message.getTo() == null) {
                // Meta answers bid_spec to a BSUID with 131062, not 100: the sandbox's admission plays that error
                message.setBidSpec(null);
            }
            rules.validate(message);
            return List.of();
        } catch (WhatsAppMarketingValidationException e) {
            return List.of("$." + e.getField() + ": " + e.getRule());
        } catch (Exception e) {
            return List.of("$: " + e.getMessage());
        }
    }
}
