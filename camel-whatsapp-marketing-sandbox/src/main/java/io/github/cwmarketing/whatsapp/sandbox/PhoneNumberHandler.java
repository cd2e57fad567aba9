package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /{version}/{PHONE_NUMBER_ID}} of the sandbox's business phone number: {@code throughput}
 * ({@code {"level":"STANDARD"}}, {@code HIGH} once upgraded, see {@link ThroughputTier}) and
 * {@code display_phone_number}. Nothing of it can be changed with a POST.
 */
final class PhoneNumberHandler extends GraphNodeHandler {

    static final String THROUGHPUT = "throughput";
    static final String DISPLAY_PHONE_NUMBER = "display_phone_number";

    private final ThroughputTier tier;
    private final String displayPhoneNumber;

    PhoneNumberHandler(SandboxSettings settings, ThroughputTier tier) {
        super(settings, "phone-number", "WhatsAppBusinessPhoneNumber", Pattern.quote(settings.phoneNumberId()),
                List.of(THROUGHPUT, DISPLAY_PHONE_NUMBER), List.of());
        this.tier = tier;
        this.displayPhoneNumber = settings.displayPhoneNumber();
    }

    @Override
    JsonNode read(String phoneNumberId, String field) {
        return THROUGHPUT.equals(field)
                ? Json.object().put("level", tier.level())
                : TextNode.valueOf(displayPhoneNumber);
    }

    @Override
    Runnable update(String phoneNumberId, String field, JsonNode value, List<String> violations) {
        throw new IllegalStateException("nothing is updatable on a phone number");
    }

    @Override
    ObjectNode updated(String phoneNumberId, Set<String> fields) {
        throw new IllegalStateException("nothing is updatable on a phone number");
    }
}
