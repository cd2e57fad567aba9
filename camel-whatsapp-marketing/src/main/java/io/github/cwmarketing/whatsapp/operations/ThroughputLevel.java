package io.github.cwmarketing.whatsapp.operations;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.util.Digits;

/**
 * A phone number's throughput level: {@code GET /<PHONE_NUMBER_ID>?fields=throughput}, answered
 * {@code {"throughput":{"level":"STANDARD"}}} (80 messages/s) or {@code HIGH} (1,000 messages/s).
 */
public final class ThroughputLevel {

    public static final int STANDARD = 80;
    public static final int HIGH = 1000;

    private ThroughputLevel() {
    }

    /** The call, or null when the id is not a Graph API id. */
    public static GraphApiCall call(String phoneNumberId) {
        return Digits.isDigits(phoneNumberId) ? GraphApiCall.get(phoneNumberId, "throughput") : null;
    }

    /** The level's messages per second, or 0 for an unknown level or an answer without one. */
    public static int messagesPerSecond(ObjectMapper mapper, byte[] answer) {
        try {
            JsonNode root = mapper.readTree(answer);
            JsonNode level = root == null ? null : root.path("throughput").path("level");
            if (level == null) {
                return 0;
            }
            return switch (level.asText("")) {
                case "STANDARD" -> STANDARD;
                case "HIGH" -> HIGH;
                default -> 0;
            };
        } catch (IOException e) {
            return 0;
        }
    }
}
