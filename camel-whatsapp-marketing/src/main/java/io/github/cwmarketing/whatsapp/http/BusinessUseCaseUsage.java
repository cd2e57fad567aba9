package io.github.cwmarketing.whatsapp.http;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Meta's {@code x-business-use-case-usage} header: a JSON object keyed by business object id, each holding an
 * array of usage objects whose {@code estimated_time_to_regain_access} is in minutes.
 */
final class BusinessUseCaseUsage {

    private BusinessUseCaseUsage() {
    }

    /** The longest wait the header asks for, or null when it asks for none or cannot be read. */
    static Duration retryAfter(String header, ObjectMapper mapper) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long minutes = 0;
            for (JsonNode usages : mapper.readTree(header)) {
                for (JsonNode usage : usages) {
                    minutes = Math.max(minutes, usage.path("estimated_time_to_regain_access").asLong(0));
                }
            }
            return minutes > 0 ? Duration.ofMinutes(minutes) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
