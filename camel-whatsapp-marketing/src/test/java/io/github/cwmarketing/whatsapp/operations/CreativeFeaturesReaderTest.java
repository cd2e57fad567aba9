package io.github.cwmarketing.whatsapp.operations;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.EnrollStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shape of {@code degrees_of_freedom_spec} the reader must accept, and what it does with entries it cannot use.
 */
class CreativeFeaturesReaderTest {

    private final OperationResponses responses = new OperationResponses(new ObjectMapper());

    private CreativeFeatures read(String json) throws Exception {
        return responses.creativeFeatures(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void templateLevelKeyValueArray() throws Exception {
        CreativeFeatures features = read("""
                {"degrees_of_freedom_spec":{"creative_features_spec":[
                  {"key":"IMAGE_TOUCHUPS","value":{"enroll_status":"OPT_OUT"}},
                  {"key":"PRODUCT_EXTENSIONS","value":{"enroll_status":"OPT_IN"}}]},"id":"1"}""");

        assertThat(features.asMap()).containsExactly(Map.entry("image_touchups", EnrollStatus.OPT_OUT),
                Map.entry("product_extensions", EnrollStatus.OPT_IN));
    }

    @Test
    void accountLevelDataArrayWithOrWithoutTheWrapper() throws Exception {
        String data = """
                {"data":[{"creative_features_spec":[{"image_touchups":"OPT_IN","add_text_overlay":"OPT_OUT"}]}]}""";
        CreativeFeatures expected = CreativeFeatures.builder().optIn("image_touchups").optOut("add_text_overlay").build();

        assertThat(read(data)).isEqualTo(expected);
        assertThat(read("{\"degrees_of_freedom_spec\":" + data + ",\"id\":\"1\"}")).isEqualTo(expected);
    }

    @Test
    void bareArraysAndTheRequestShapeAreReadToo() throws Exception {
        CreativeFeatures expected = CreativeFeatures.builder().optOut("image_touchups").build();

        assertThat(read("{\"degrees_of_freedom_spec\":[{\"key\":\"IMAGE_TOUCHUPS\",\"value\":{\"enroll_status\":\"OPT_OUT\"}}]}"))
                .isEqualTo(expected);
        assertThat(read("{\"degrees_of_freedom_spec\":{\"creative_features_spec\":"
                        + "{\"image_touchups\":{\"enroll_status\":\"OPT_OUT\"}}}}")).isEqualTo(expected);
        assertThat(read("{\"degrees_of_freedom_spec\":{\"creative_features_spec\":[{\"key\":\"IMAGE_TOUCHUPS\","
                        + "\"value\":\"OPT_OUT\"}]}}")).isEqualTo(expected);
    }

    @Test
    void unknownFeaturesAndStatusesAreKeptAndUnreadableEntriesSkipped() throws Exception {
        CreativeFeatures features = read("""
                {"degrees_of_freedom_spec":{"creative_features_spec":[
                  {"key":"VIDEO_AUTO_CROP","value":{"enroll_status":"OPT_IN"}},
                  {"key":"IMAGE_TOUCHUPS","value":{"enroll_status":"PAUSED"}},
                  {"key":"IMAGE_ANIMATION","value":{}},
                  {"key":"ADD_TEXT_OVERLAY","value":null},
                  {"key":"TEXT_FORMATING_OPTIMIZATION","value":{"enroll_status":"OPT_OUT"}},
                  "garbage", 42, {"value":{"enroll_status":"OPT_IN"}}]}}""");

        assertThat(features.asMap().keySet()).containsExactly("video_auto_crop", "image_touchups",
                "text_formating_optimization");
        assertThat(features.get("image_touchups").isKnown()).isFalse();
        assertThat(features.get("image_touchups").value()).isEqualTo("PAUSED");
        assertThat(features.unknownFeatures()).containsExactly("video_auto_crop", "text_formating_optimization");
    }

    @Test
    void noSpecGivesEmptyFeatures() throws Exception {
        assertThat(read("{\"id\":\"1\"}").isEmpty()).isTrue();
        assertThat(read("{\"degrees_of_freedom_spec\":{}}").isEmpty()).isTrue();
        assertThat(read("{\"degrees_of_freedom_spec\":{\"data\":[]}}").isEmpty()).isTrue();
        assertThat(read("{\"degrees_of_freedom_spec\":null}").isEmpty()).isTrue();
        assertThat(read("").isEmpty()).isTrue();
    }
}
