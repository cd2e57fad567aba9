package io.github.cwmarketing.whatsapp.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The automatic creative optimizations of a marketing template or of a whole WhatsApp Business Account
 * ({@code degrees_of_freedom_spec.creative_features_spec}): feature name to {@link EnrollStatus}.
 * <p>
 * Feature names are kept in Meta's request spelling, lower case ({@code image_touchups}); the template-level
 * response's upper-case keys ({@code IMAGE_TOUCHUPS}) are read into the same names. Features Meta adds later are
 * kept as they come ({@link #unknownFeatures()}). Immutable; build one with {@link #builder()} or {@link #of(Map)}.
 */
public final class CreativeFeatures {

    public static final String IMAGE_BRIGHTNESS_AND_CONTRAST = "image_brightness_and_contrast";
    public static final String IMAGE_TOUCHUPS = "image_touchups";
    public static final String ADD_TEXT_OVERLAY = "add_text_overlay";
    public static final String IMAGE_ANIMATION = "image_animation";
    public static final String IMAGE_BACKGROUND_GEN = "image_background_gen";
    public static final String AUTO_PROMOTION_TAG = "auto_promotion_tag";
    public static final String TEXT_EXTRACTION_FOR_HEADLINE = "text_extraction_for_headline";
    public static final String TEXT_EXTRACTION_FOR_TAP_TARGET = "text_extraction_for_tap_target";
    public static final String PRODUCT_EXTENSIONS = "product_extensions";
    public static final String TEXT_FORMATTING_OPTIMIZATION = "text_formatting_optimization";

    /** The ten features Meta lists. */
    public static final List<String> KNOWN_FEATURES = List.of(IMAGE_BRIGHTNESS_AND_CONTRAST, IMAGE_TOUCHUPS,
            ADD_TEXT_OVERLAY, IMAGE_ANIMATION, IMAGE_BACKGROUND_GEN, AUTO_PROMOTION_TAG, TEXT_EXTRACTION_FOR_HEADLINE,
            TEXT_EXTRACTION_FOR_TAP_TARGET, PRODUCT_EXTENSIONS, TEXT_FORMATTING_OPTIMIZATION);

    private static final CreativeFeatures EMPTY = new CreativeFeatures(Map.of());

    private final Map<String, EnrollStatus> features;

    private CreativeFeatures(Map<String, EnrollStatus> features) {
        this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** The features of {@code features}, names normalised to lower case. */
    @JsonCreator
    public static CreativeFeatures of(Map<String, EnrollStatus> features) {
        Builder builder = builder();
        features.forEach(builder::feature);
        return builder.build();
    }

    public static CreativeFeatures empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The lower-case form of a feature name as Meta spells it in either response shape. */
    public static String normalise(String feature) {
        return feature.trim().toLowerCase(Locale.ROOT);
    }

    /** Feature name to status, in the order Meta returned them (or they were added). */
    @JsonValue
    public Map<String, EnrollStatus> asMap() {
        return features;
    }

    /** The status of {@code feature} (any case), or null when absent. */
    public EnrollStatus get(String feature) {
        return features.get(normalise(feature));
    }

    /** True when {@code feature} is present and {@code OPT_IN}. */
    public boolean isOptedIn(String feature) {
        return EnrollStatus.OPT_IN.equals(get(feature));
    }

    /** True when {@code feature} is present and {@code OPT_OUT}. */
    public boolean isOptedOut(String feature) {
        return EnrollStatus.OPT_OUT.equals(get(feature));
    }

    /** The features present that are not in {@link #KNOWN_FEATURES}. */
    public Set<String> unknownFeatures() {
        Set<String> unknown = new LinkedHashSet<>(features.keySet());
        unknown.removeAll(KNOWN_FEATURES);
        return unknown;
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }

    public int size() {
        return features.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreativeFeatures that && features.equals(that.features);
    }

    @Override
    public int hashCode() {
        return features.hashCode();
    }

    @Override
    public String toString() {
        return "CreativeFeatures" + features;
    }

    /** Builds {@link CreativeFeatures}; a feature set twice keeps the last status. */
    public static final class Builder {

        private final Map<String, EnrollStatus> features = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder feature(String feature, EnrollStatus status) {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(status, "status");
            features.put(normalise(feature), status);
            return this;
        }

        public Builder optIn(String... features) {
            for (String feature : features) {
                feature(feature, EnrollStatus.OPT_IN);
            }
            return this;
        }

        public Builder optOut(String... features) {
            for (String feature : features) {
                feature(feature, EnrollStatus.OPT_OUT);
            }
            return this;
        }

        /** Every one of the ten known features to {@code status}; later calls can override single ones. */
        public Builder allKnown(EnrollStatus status) {
            KNOWN_FEATURES.forEach(feature -> feature(feature, status));
            return this;
        }

        public CreativeFeatures build() {
            return features.isEmpty() ? EMPTY : new CreativeFeatures(features);
        }
    }
}
