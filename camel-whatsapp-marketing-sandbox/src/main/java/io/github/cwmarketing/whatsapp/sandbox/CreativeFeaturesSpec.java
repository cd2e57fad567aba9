package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Meta's {@code degrees_of_freedom_spec}: the creative features it lists, the body of a POST that sets them
 * ({@code {"creative_features_spec":{"<feature>":{"enroll_status":"OPT_IN"}}}}), and the two shapes of the GET
 * answer, one for a template and one for a WABA.
 */
final class CreativeFeaturesSpec {

    static final String DEGREES_OF_FREEDOM_SPEC = "degrees_of_freedom_spec";
    static final String OPT_IN = "OPT_IN";
    static final String OPT_OUT = "OPT_OUT";

    /** The features Meta lists, in its order. */
    static final List<String> FEATURES = List.of("image_brightness_and_contrast", "image_touchups",
            "add_text_overlay", "image_animation", "image_background_gen", "auto_promotion_tag",
            "text_extraction_for_headline", "text_extraction_for_tap_target", "product_extensions",
            "text_formatting_optimization");

    private static final String CREATIVE_FEATURES_SPEC = "creative_features_spec";
    private static final String ENROLL_STATUS = "enroll_status";
    private static final Set<String> STATUSES = Set.of(OPT_IN, OPT_OUT);

    private CreativeFeaturesSpec() {
    }

    /** Every feature with {@code status}. */
    static Map<String, String> all(String status) {
        Map<String, String> features = new LinkedHashMap<>();
        FEATURES.forEach(feature -> features.put(feature, status));
        return features;
    }

    /** The change a POST's {@code degrees_of_freedom_spec} makes; what is wrong goes to {@code violations}. */
    static Runnable update(AccountState state, String nodeId, JsonNode spec, List<String> violations) {
        Map<String, String> features = read(spec, violations);
        return () -> state.creativeFeatures(nodeId, features);
    }

    /** The features a POST's {@code degrees_of_freedom_spec} sets; what is wrong goes to {@code violations}. */
    private static Map<String, String> read(JsonNode spec, List<String> violations) {
        Map<String, String> features = new LinkedHashMap<>();
        JsonNode featureSpec = spec.path(CREATIVE_FEATURES_SPEC);
        if (!featureSpec.isObject() || featureSpec.isEmpty() || spec.size() != 1) {
            violations.add(DEGREES_OF_FREEDOM_SPEC + " must be {\"" + CREATIVE_FEATURES_SPEC
                    + "\":{\"<feature>\":{\"enroll_status\":\"OPT_IN\"|\"OPT_OUT\"}}} with at least one feature, was "
                    + spec);
            return features;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = featureSpec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = DEGREES_OF_FREEDOM_SPEC + "." + CREATIVE_FEATURES_SPEC + "." + entry.getKey();
            JsonNode status = entry.getValue().path(ENROLL_STATUS);
            if (!FEATURES.contains(entry.getKey())) {
                violations.add(path + " is not a creative feature; Meta's are " + FEATURES);
            } else if (!status.isTextual() || !STATUSES.contains(status.asText())) {
                violations.add(path + "." + ENROLL_STATUS + " must be OPT_IN or OPT_OUT, was "
                        + (status.isMissingNode() ? "missing" : status.toString()));
            } else {
                features.put(entry.getKey(), status.asText());
            }
        }
        return features;
    }

    /**
     * A template's answer: {@code {"creative_features_spec":[{"key":"IMAGE_TOUCHUPS","value":{"enroll_status":
     * "OPT_IN"}}, ...]}}.
     */
    static JsonNode templateAnswer(Map<String, String> features) {
        ObjectNode spec = Json.object();
        ArrayNode entries = spec.putArray(CREATIVE_FEATURES_SPEC);
        features.forEach((feature, status) -> entries.addObject()
                .put("key", feature.toUpperCase(Locale.ROOT))
                .putObject("value").put(ENROLL_STATUS, status));
        return spec;
    }

    /** A WABA's answer: {@code {"data":[{"creative_features_spec":[{"image_touchups":"OPT_OUT", ...}]}]}}. */
    static JsonNode accountAnswer(Map<String, String> features) {
        ObjectNode spec = Json.object();
        ObjectNode statuses = spec.putArray("data").addObject().putArray(CREATIVE_FEATURES_SPEC).addObject();
        features.forEach(statuses::put);
        return spec;
    }
}
