package io.github.cwmarketing.whatsapp;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.EnrollStatus;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * getCreativeFeatures and setCreativeFeatures at template and account level, with the response shapes of Meta's
 * docs (seed 004) and a feature Meta may add later.
 */
class CreativeFeaturesOperationsTest extends OperationsTestSupport {

    private static final String TEMPLATE_PATH = "/v25.0/" + GraphApiStub.TEMPLATE_ID;
    private static final String WABA_PATH = "/v25.0/" + GraphApiStub.WABA_ID;

    /** Meta's template-level answer (seed 004), plus a feature this component does not know yet. */
    private static final String TEMPLATE_LEVEL = """
            { "degrees_of_freedom_spec": { "creative_features_spec": [
              { "key": "IMAGE_BRIGHTNESS_AND_CONTRAST", "value": { "enroll_status": "OPT_OUT" } },
              { "key": "IMAGE_TOUCHUPS", "value": { "enroll_status": "OPT_OUT" } },
              { "key": "ADD_TEXT_OVERLAY", "value": { "enroll_status": "OPT_IN" } },
              { "key": "IMAGE_ANIMATION", "value": { "enroll_status": "OPT_OUT" } },
              { "key": "IMAGE_BACKGROUND_GEN", "value": { "enroll_status": "OPT_OUT" } },
              { "key": "AUTO_PROMOTION_TAG", "value": { "enroll_status": "OPT_OUT" } },
              { "key": "TEXT_EXTRACTION_FOR_HEADLINE", "value": { "enroll_status": "OPT_OUT" } },
              { "key": "TEXT_EXTRACTION_FOR_TAP_TARGET", "value": { "enroll_status": "OPT_OUT" } },
              { "key": "PRODUCT_EXTENSIONS", "value": { "enroll_status": "OPT_IN" } },
              { "key": "TEXT_FORMATTING_OPTIMIZATION", "value": { "enroll_status": "OPT_IN" } },
              { "key": "VIDEO_AUTO_CROP", "value": { "enroll_status": "OPT_IN" } } ] },
              "id": "920070352646140" }""";

    /** Meta's account-level answer (seed 004), plus a feature this component does not know yet. */
    private static final String ACCOUNT_LEVEL = """
            { "degrees_of_freedom_spec": { "data": [ { "creative_features_spec": [ {
              "image_brightness_and_contrast": "OPT_IN", "image_touchups": "OPT_IN", "add_text_overlay": "OPT_IN",
              "image_animation": "OPT_IN", "image_background_gen": "OPT_IN", "auto_promotion_tag": "OPT_IN",
              "text_extraction_for_headline": "OPT_IN", "product_extensions": "OPT_IN",
              "text_extraction_for_tap_target": "OPT_IN", "text_formatting_optimization": "OPT_OUT",
              "music_overlay": "OPT_OUT" } ] } ] }, "id": "102290129340398" }""";

    @Test
    void getAtTemplateLevelReadsTheKeyValueShape() {
        graphApi.stub(get(urlPathEqualTo(TEMPLATE_PATH)).willReturn(GraphApiStub.json(TEMPLATE_LEVEL)));

        Exchange result = call(operationUri("getCreativeFeatures", "templateId=" + GraphApiStub.TEMPLATE_ID), null);

        assertThat(result.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(TEMPLATE_PATH + "?fields=degrees_of_freedom_spec");
        assertThat(request.getBody()).isEmpty();
        assertMetaAuthorization(request);

        CreativeFeatures features = result.getMessage().getBody(CreativeFeatures.class);
        assertThat(features.size()).isEqualTo(11);
        assertThat(features.get(CreativeFeatures.IMAGE_TOUCHUPS)).isEqualTo(EnrollStatus.OPT_OUT);
        assertThat(features.isOptedIn(CreativeFeatures.ADD_TEXT_OVERLAY)).isTrue();
        assertThat(features.isOptedIn(CreativeFeatures.TEXT_FORMATTING_OPTIMIZATION)).isTrue();
        assertThat(features.isOptedOut("IMAGE_BRIGHTNESS_AND_CONTRAST")).isTrue();
        assertThat(features.asMap().keySet()).containsAll(CreativeFeatures.KNOWN_FEATURES);
        assertThat(features.unknownFeatures()).containsExactly("video_auto_crop");
        assertThat(features.get("video_auto_crop")).isEqualTo(EnrollStatus.OPT_IN);
    }

    @Test
    void getAtAccountLevelReadsTheDataShape() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).withQueryParam("fields", equalTo("degrees_of_freedom_spec"))
                .willReturn(GraphApiStub.json(ACCOUNT_LEVEL)));

        Exchange result = call(operationUri("getCreativeFeatures", "wabaId=" + GraphApiStub.WABA_ID), null);

        assertThat(result.getException()).isNull();
        assertThat(onlyRequest().getUrl()).isEqualTo(WABA_PATH + "?fields=degrees_of_freedom_spec");
        CreativeFeatures features = result.getMessage().getBody(CreativeFeatures.class);
        assertThat(features.size()).isEqualTo(11);
        assertThat(features.isOptedIn(CreativeFeatures.IMAGE_TOUCHUPS)).isTrue();
        assertThat(features.isOptedOut(CreativeFeatures.TEXT_FORMATTING_OPTIMIZATION)).isTrue();
        assertThat(features.unknownFeatures()).containsExactly("music_overlay");
    }

    @Test
    void accountLevelWithoutTheWrapperAndAnAnswerWithoutTheFieldAreReadToo() {
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("""
                {"data":[{"creative_features_spec":[{"image_touchups":"OPT_OUT","product_extensions":"OPT_IN"}]}]}""")));

        Exchange result = call(operationUri("getCreativeFeatures", "wabaId=" + GraphApiStub.WABA_ID), null);

        CreativeFeatures features = result.getMessage().getBody(CreativeFeatures.class);
        assertThat(features.asMap()).containsExactly(Map.entry("image_touchups", EnrollStatus.OPT_OUT),
                Map.entry("product_extensions", EnrollStatus.OPT_IN));

        graphApi.reset();
        graphApi.stub(get(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("{\"id\":\"102290129340398\"}")));
        Exchange none = call(operationUri("getCreativeFeatures", "wabaId=" + GraphApiStub.WABA_ID), null);
        assertThat(none.getException()).isNull();
        assertThat(none.getMessage().getBody(CreativeFeatures.class).isEmpty()).isTrue();
    }

    @Test
    void templateIdHeaderWinsOverTheOptionAndOverTheWabaId() {
        graphApi.stub(get(urlPathEqualTo(TEMPLATE_PATH)).willReturn(GraphApiStub.json(TEMPLATE_LEVEL)));

        Exchange result = call(operationUri("getCreativeFeatures", "templateId=111&wabaId=" + GraphApiStub.WABA_ID),
                null, Map.of(WhatsAppMarketingConstants.TEMPLATE_ID, GraphApiStub.TEMPLATE_ID));

        assertThat(result.getException()).isNull();
        assertThat(onlyRequest().getUrl()).startsWith(TEMPLATE_PATH + "?");
    }

    @Test
    void setAtTemplateLevelPostsMetasRequestShape() throws Exception {
        graphApi.stub(post(urlPathEqualTo(TEMPLATE_PATH)).willReturn(GraphApiStub.json("{\"success\":true}")));
        CreativeFeatures features = CreativeFeatures.builder()
                .optIn(CreativeFeatures.IMAGE_TOUCHUPS, CreativeFeatures.PRODUCT_EXTENSIONS)
                .optOut(CreativeFeatures.IMAGE_ANIMATION)
                .build();

        Exchange result = call(operationUri("setCreativeFeatures", "templateId=" + GraphApiStub.TEMPLATE_ID), features);

        assertThat(result.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo(TEMPLATE_PATH);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertMetaAuthorization(request);
        assertThat(json(request.getBodyAsString())).isEqualTo(json("""
                {"degrees_of_freedom_spec":{"creative_features_spec":{
                  "image_touchups":{"enroll_status":"OPT_IN"},
                  "product_extensions":{"enroll_status":"OPT_IN"},
                  "image_animation":{"enroll_status":"OPT_OUT"}}}}"""));
        UpdateResult answer = result.getMessage().getBody(UpdateResult.class);
        assertThat(answer.isSuccessful()).isTrue();
        assertThat(answer.getSuccess()).isTrue();
    }

    @Test
    void setAtAccountLevelFromAMapOfStrings() throws Exception {
        graphApi.stub(post(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("{\"success\":true}")));
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("image_touchups", "opt_out");
        features.put("TEXT_FORMATTING_OPTIMIZATION", EnrollStatus.OPT_IN);
        features.put("auto_promotion_tag", Map.of("enroll_status", "OPT_IN"));

        Exchange result = call(operationUri("setCreativeFeatures", ""), features,
                Map.of(WhatsAppMarketingConstants.WABA_ID, GraphApiStub.WABA_ID));

        assertThat(result.getException()).isNull();
        assertThat(onlyRequest().getUrl()).isEqualTo(WABA_PATH);
        assertThat(json(onlyRequest().getBodyAsString())).isEqualTo(json("""
                {"degrees_of_freedom_spec":{"creative_features_spec":{
                  "image_touchups":{"enroll_status":"OPT_OUT"},
                  "text_formatting_optimization":{"enroll_status":"OPT_IN"},
                  "auto_promotion_tag":{"enroll_status":"OPT_IN"}}}}"""));
    }

    @Test
    void setFromJsonTextAlsoInMetasOwnShapeAndAFutureFeature() throws Exception {
        graphApi.stub(post(urlPathEqualTo(WABA_PATH)).willReturn(GraphApiStub.json("{\"id\":\"102290129340398\"}")));

        Exchange flat = call(operationUri("setCreativeFeatures", "wabaId=" + GraphApiStub.WABA_ID),
                "{\"image_animation\":\"OPT_OUT\",\"video_auto_crop\":\"OPT_IN\"}");
        Exchange metaShape = call(operationUri("setCreativeFeatures", "wabaId=" + GraphApiStub.WABA_ID), """
                {"degrees_of_freedom_spec":{"creative_features_spec":{"image_animation":{"enroll_status":"OPT_OUT"},
                 "video_auto_crop":{"enroll_status":"OPT_IN"}}}}""");

        assertThat(flat.getException()).isNull();
        assertThat(metaShape.getException()).isNull();
        assertThat(graphApi.allRequests()).hasSize(2).allSatisfy(request -> assertThat(json(request.getBodyAsString()))
                .isEqualTo(json("""
                        {"degrees_of_freedom_spec":{"creative_features_spec":{
                          "image_animation":{"enroll_status":"OPT_OUT"},
                          "video_auto_crop":{"enroll_status":"OPT_IN"}}}}""")));
        assertThat(flat.getMessage().getBody(UpdateResult.class).getId()).isEqualTo(GraphApiStub.WABA_ID);
    }
}
