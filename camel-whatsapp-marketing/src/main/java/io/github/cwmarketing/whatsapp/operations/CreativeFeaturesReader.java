package io.github.cwmarketing.whatsapp.operations;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.EnrollStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code GET /<node>?fields=degrees_of_freedom_spec} into {@link CreativeFeatures}, whichever of Meta's shapes
 * comes back:
 * <ul>
 * <li>template level: {@code {"degrees_of_freedom_spec":{"creative_features_spec":[{"key":"IMAGE_TOUCHUPS",
 * "value":{"enroll_status":"OPT_IN"}}, ...]}}};</li>
 * <li>account level: {@code {"degrees_of_freedom_spec":{"data":[{"creative_features_spec":[{"image_touchups":
 * "OPT_IN", ...}]}]}}}, also without the {@code degrees_of_freedom_spec} wrapper;</li>
 * <li>and the request shape ({@code {"<feature>":{"enroll_status":...}}}) or the bare array in place of either.</li>
 * </ul>
 * Never fails on content: unknown features and statuses are kept as they come, entries it cannot read are skipped
 * (logged at DEBUG), and a response without the field gives empty features.
 */
public final class CreativeFeaturesReader {

    private static final Logger LOG = LoggerFactory.getLogger(CreativeFeaturesReader.class);

    public CreativeFeatures read(JsonNode response) {
        CreativeFeatures.Builder builder = CreativeFeatures.builder();
        JsonNode spec = response.has(OperationRequests.DEGREES_OF_FREEDOM_SPEC)
                ? response.get(OperationRequests.DEGREES_OF_FREEDOM_SPEC) : response;
        readDegreesOfFreedom(spec, builder);
        return builder.build();
    }

    private void readDegreesOfFreedom(JsonNode spec, CreativeFeatures.Builder builder) {
        if (spec.isArray()) {
            readFeatures(spec, builder);
        } else if (spec.has("data")) {
            for (JsonNode entry : spec.path("data")) {
                readFeatures(entry.path(OperationRequests.CREATIVE_FEATURES_SPEC), builder);
            }
        } else if (spec.has(OperationRequests.CREATIVE_FEATURES_SPEC)) {
            readFeatures(spec.get(OperationRequests.CREATIVE_FEATURES_SPEC), builder);
        }
    }

    /** An array of key/value entries or of feature maps, or one feature map. */
    private void readFeatures(JsonNode features, CreativeFeatures.Builder builder) {
        if (features.isArray()) {
            for (JsonNode entry : features) {
                if (entry.has("key") || entry.has("value")) {
                    addKeyValue(entry, builder);
                } else {
                    readFeatureMap(entry, builder);
                }
            }
        } else {
            readFeatureMap(features, builder);
        }
    }

    /** {@code {"key":"IMAGE_TOUCHUPS","value":{"enroll_status":"OPT_IN"}}}. */
    private void addKeyValue(JsonNode entry, CreativeFeatures.Builder builder) {
        if (!entry.path("key").isTextual()) {
            LOG.debug("Skipping a creative features entry without a key: {}", entry);
            return;
        }
        add(entry.get("key").asText(), entry.get("value"), builder);
    }

    private void readFeatureMap(JsonNode map, CreativeFeatures.Builder builder) {
        if (!map.isObject()) {
            LOG.debug("Skipping a creative features entry that is not an object: {}", map);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            add(field.getKey(), field.getValue(), builder);
        }
    }

    /** A status is {@code "OPT_IN"} or {@code {"enroll_status":"OPT_IN"}}. */
    private void add(String feature, JsonNode value, CreativeFeatures.Builder builder) {
        JsonNode status = value != null && value.isObject() ? value.get(OperationRequests.ENROLL_STATUS) : value;
        if (feature.isBlank() || status == null || !status.isTextual() || status.asText().isBlank()) {
            LOG.debug("Skipping creative feature '{}' without a readable enroll status: {}", feature, value);
            return;
        }
        builder.feature(feature, EnrollStatus.of(status.asText()));
    }
}
