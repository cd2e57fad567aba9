package io.github.cwmarketing.whatsapp.operations;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.EnrollStatus;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;

/**
 * The body of {@code setCreativeFeatures}, checked before any request: a {@link CreativeFeatures}, a {@code Map} of
 * feature name to {@code OPT_IN}/{@code OPT_OUT} (an {@link EnrollStatus}, a string in any case, or Meta's
 * {@code {"enroll_status": ...}}), or the same map as a JSON string or bytes. Meta's whole request shape
 * ({@code {"degrees_of_freedom_spec": {"creative_features_spec": {...}}}}) is accepted too.
 * <p>
 * Feature names other than the ten Meta lists are passed through when well formed (lower-case letters, digits and
 * {@code _}), so that a feature Meta adds later can be set before this component knows it.
 */
public final class CreativeFeaturesInput {

    static final String FIELD = "degrees_of_freedom_spec.creative_features_spec";
    private static final Pattern FEATURE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,99}");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public CreativeFeaturesInput(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CreativeFeatures read(Object body) {
        CreativeFeatures features;
        if (body == null) {
            throw new WhatsAppMarketingValidationException(FIELD,
                    "the body is required: CreativeFeatures, or a Map of feature name to OPT_IN/OPT_OUT");
        } else if (body instanceof CreativeFeatures typed) {
            features = typed;
        } else if (body instanceof Map<?, ?> map) {
            features = fromMap(unwrap(map));
        } else if (body instanceof String || body instanceof byte[]) {
            features = fromMap(unwrap(parse(body)));
        } else {
            throw new WhatsAppMarketingValidationException(FIELD, "the body must be CreativeFeatures, a Map of feature"
                                                                  + " name to OPT_IN/OPT_OUT or that map as JSON, was "
                                                                  + body.getClass().getName());
        }
        validate(features);
        return features;
    }

    private Map<?, ?> parse(Object body) {
        String json = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body;
        try {
            return mapper.readValue(json, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new WhatsAppMarketingValidationException(FIELD,
                    "the body is not a JSON object of feature name to OPT_IN/OPT_OUT: " + e.getOriginalMessage());
        }
    }

    /** Meta's request shape, if that is what was given: its inner feature map. */
    private static Map<?, ?> unwrap(Map<?, ?> map) {
        Map<?, ?> current = map;
        for (String wrapper : new String[] { "degrees_of_freedom_spec", "creative_features_spec" }) {
            if (current.size() == 1 && current.get(wrapper) instanceof Map<?, ?> inner) {
                current = inner;
            }
        }
        return current;
    }

    private static CreativeFeatures fromMap(Map<?, ?> map) {
        CreativeFeatures.Builder builder = CreativeFeatures.builder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof CharSequence)) {
                throw new WhatsAppMarketingValidationException(FIELD, "feature names must be strings, was " + entry.getKey());
            }
            String feature = CreativeFeatures.normalise(entry.getKey().toString());
            builder.feature(feature, status(feature, entry.getValue()));
        }
        return builder.build();
    }

    private static EnrollStatus status(String feature, Object value) {
        Object status = value instanceof Map<?, ?> nested ? nested.get("enroll_status") : value;
        if (status instanceof EnrollStatus enrollStatus) {
            return enrollStatus;
        }
        if (status instanceof CharSequence text && !text.toString().isBlank()) {
            return EnrollStatus.of(text.toString());
        }
        throw new WhatsAppMarketingValidationException(FIELD + "." + feature + ".enroll_status",
                "must be OPT_IN or OPT_OUT, was " + (value == null ? "null" : "'" + value + "'"));
    }

    private static void validate(CreativeFeatures features) {
        if (features.isEmpty()) {
            throw new WhatsAppMarketingValidationException(FIELD, "names no feature: give at least one feature to set");
        }
        features.asMap().forEach((feature, status) -> {
            if (!FEATURE_NAME.matcher(feature).matches()) {
                throw new WhatsAppMarketingValidationException(FIELD, "'" + feature
                                                                      + "' is not a feature name (lower-case letters,"
                                                                      + " digits and _), e.g. "
                                                                      + CreativeFeatures.IMAGE_TOUCHUPS);
            }
            if (!status.isKnown()) {
                throw new WhatsAppMarketingValidationException(FIELD + "." + feature + ".enroll_status",
                        "must be OPT_IN or OPT_OUT, was '" + status + "'");
            }
        });
    }
}
