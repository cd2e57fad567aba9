package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the request fields Meta's API accepts but its schema lacks (see {@link SpecGapNormalizer}), with the limits
 * Meta documents for them.
 */
final class SpecGapRules implements RequestValidator {

    /** ISO 3166 alpha-2 country, optional {@code ENT.} (parent BSUID), up to 128 alphanumerics. */
    private static final Pattern BSUID = Pattern.compile("[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}");
    private static final int MAX_CALLBACK_DATA_LENGTH = 512;

    @Override
    public List<String> validate(JsonNode request) {
        List<String> violations = new ArrayList<>();
        if (!request.has("to") && !request.has("recipient")) {
            violations.add("The parameter to is required.");
        }
        checkRecipient(request.get("recipient"), violations);
        checkBidSpec(request.get("bid_spec"), violations);
        checkCallbackData(request.get("biz_opaque_callback_data"), violations);
        return violations;
    }

    private static void checkRecipient(JsonNode recipient, List<String> violations) {
        if (recipient != null && !(recipient.isTextual() && BSUID.matcher(recipient.asText()).matches())) {
            violations.add("$.recipient: must be a business-scoped user ID such as US.13491208655302741918");
        }
    }

    private static void checkBidSpec(JsonNode bidSpec, List<String> violations) {
        if (bidSpec == null) {
            return;
        }
        if (!bidSpec.isObject()) {
            violations.add("$.bid_spec: must be an object");
            return;
        }
        JsonNode multiplier = bidSpec.get("per_message_bid_multiplier");
        if (multiplier != null && !(multiplier.isNumber() && multiplier.asDouble() > 0)) {
            violations.add("$.bid_spec.per_message_bid_multiplier: must be a positive number");
        }
    }

    private static void checkCallbackData(JsonNode callbackData, List<String> violations) {
        if (callbackData != null
                && !(callbackData.isTextual() && callbackData.asText().length() <= MAX_CALLBACK_DATA_LENGTH)) {
            violations.add("$.biz_opaque_callback_data: must be a string of at most "
                    + MAX_CALLBACK_DATA_LENGTH + " characters");
        }
    }
}
