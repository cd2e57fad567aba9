package io.github.cwmarketing.whatsapp.model;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value types of the account and template operations: CreativeFeatures, EnrollStatus, OnboardingStatus.
 */
class CreativeFeaturesModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tenKnownFeaturesInMetasSpelling() {
        assertThat(CreativeFeatures.KNOWN_FEATURES).hasSize(10).doesNotHaveDuplicates()
                .allMatch(feature -> feature.matches("[a-z_]+"))
                .contains("text_formatting_optimization", "text_extraction_for_tap_target", "image_background_gen");
    }

    @Test
    void builderNormalisesNamesAndKeepsTheLastStatus() {
        CreativeFeatures features = CreativeFeatures.builder()
                .allKnown(EnrollStatus.OPT_OUT)
                .optIn("IMAGE_TOUCHUPS", " Product_Extensions ")
                .feature("future_feature", EnrollStatus.OPT_IN)
                .build();

        assertThat(features.size()).isEqualTo(11);
        assertThat(features.isOptedIn("image_touchups")).isTrue();
        assertThat(features.isOptedIn(CreativeFeatures.PRODUCT_EXTENSIONS)).isTrue();
        assertThat(features.isOptedOut(CreativeFeatures.IMAGE_ANIMATION)).isTrue();
        assertThat(features.get("absent")).isNull();
        assertThat(features.unknownFeatures()).containsExactly("future_feature");
        assertThat(CreativeFeatures.of(Map.of("IMAGE_TOUCHUPS", EnrollStatus.OPT_IN)))
                .isEqualTo(CreativeFeatures.builder().optIn("image_touchups").build());
        assertThat(CreativeFeatures.builder().build()).isSameAs(CreativeFeatures.empty());
    }

    @Test
    void serialisesAsAPlainFeatureMapAndBack() throws Exception {
        CreativeFeatures features = CreativeFeatures.builder().optIn("image_touchups").optOut("image_animation").build();

        String json = JSON.writeValueAsString(features);

        assertThat(json).isEqualTo("{\"image_touchups\":\"OPT_IN\",\"image_animation\":\"OPT_OUT\"}");
        assertThat(JSON.readValue(json, CreativeFeatures.class)).isEqualTo(features);
    }

    @Test
    void enrollStatusKeepsUnknownValues() {
        assertThat(EnrollStatus.of("opt_in")).isSameAs(EnrollStatus.OPT_IN);
        assertThat(EnrollStatus.of(false)).isSameAs(EnrollStatus.OPT_OUT);
        EnrollStatus paused = EnrollStatus.of("paused");
        assertThat(paused.isKnown()).isFalse();
        assertThat(paused).isEqualTo(EnrollStatus.of("PAUSED")).hasToString("PAUSED");
    }

    @Test
    void onboardingStatusKeepsUnknownValues() throws Exception {
        assertThat(OnboardingStatus.of("onboarded")).isSameAs(OnboardingStatus.ONBOARDED);
        assertThat(OnboardingStatus.ONBOARDED.isOnboarded()).isTrue();
        assertThat(OnboardingStatus.ELIGIBLE.isEligible()).isTrue();
        assertThat(OnboardingStatus.INELIGIBLE_COUNTRY_NOT_SUPPORTED.isIneligible()).isTrue();
        assertThat(OnboardingStatus.PENDING_INTERNAL_SETUP.isIneligible()).isFalse();
        OnboardingStatus future = OnboardingStatus.of("SOMETHING_NEW");
        assertThat(future.isKnown()).isFalse();
        assertThat(future.isOnboarded()).isFalse();
        assertThat(future).isEqualTo(OnboardingStatus.of("SOMETHING_NEW"));
        assertThat(JSON.writeValueAsString(OnboardingStatus.ONBOARDED)).isEqualTo("\"ONBOARDED\"");
        assertThat(JSON.readValue("\"ELIGIBLE\"", OnboardingStatus.class)).isSameAs(OnboardingStatus.ELIGIBLE);
    }
}
