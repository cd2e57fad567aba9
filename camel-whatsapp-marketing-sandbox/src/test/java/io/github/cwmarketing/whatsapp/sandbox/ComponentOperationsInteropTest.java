package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.model.CreativeFeatures;
import io.github.cwmarketing.whatsapp.model.EnrollStatus;
import io.github.cwmarketing.whatsapp.model.OnboardingStatus;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.UpdateResult;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component's account and template operations against the sandbox, end to end: what the component sends, the
 * sandbox must take, and what the sandbox answers, the component must read into its typed results and headers.
 */
class ComponentOperationsInteropTest extends CamelTestSupport {

    private static final String TEMPLATE_ID = "1234567890123456";

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(WhatsAppSandbox.builder());

    @Test
    void getOnboardingStatusReadsTheStatusIntoBodyAndHeader() {
        Exchange result = call(onAccount("getOnboardingStatus"), null);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo(OnboardingStatus.ONBOARDED);
        assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS)).isEqualTo("ONBOARDED");
    }

    @Test
    void getOnboardingStatusOfANotOnboardedAccountIsEligible() {
        try (WhatsAppSandbox eligible = WhatsAppSandbox.builder().onboarded(false).build().start()) {
            Exchange result = call(uri(eligible, "getOnboardingStatus", ""), null);

            OnboardingStatus status = result.getMessage().getBody(OnboardingStatus.class);
            assertThat(status.isEligible()).isTrue();
            assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.ONBOARDING_STATUS))
                    .isEqualTo("ELIGIBLE");
        }
    }

    @Test
    void setTemplateTtlIsTakenAndRemembered() {
        Exchange result = call(onTemplate("setTemplateTtl"), Duration.ofHours(24));

        assertThat(result.getException()).isNull();
        UpdateResult answer = result.getMessage().getBody(UpdateResult.class);
        assertThat(answer.getSuccess()).isTrue();
        assertThat(WHATSAPP.sandbox().templateTtl(TEMPLATE_ID)).hasValue(Duration.ofHours(24));
    }

    @Test
    void setAndGetCreativeFeaturesOfATemplate() {
        Exchange set = call(onTemplate("setCreativeFeatures"), Map.of(CreativeFeatures.IMAGE_TOUCHUPS, "opt_out"));
        Exchange get = call(onTemplate("getCreativeFeatures"), null);

        assertThat(set.getException()).isNull();
        assertThat(set.getMessage().getBody(UpdateResult.class).isSuccessful()).isTrue();
        CreativeFeatures features = get.getMessage().getBody(CreativeFeatures.class);
        assertThat(features.size()).isEqualTo(CreativeFeatures.KNOWN_FEATURES.size());
        assertThat(features.unknownFeatures()).isEmpty();
        assertThat(features.isOptedOut(CreativeFeatures.IMAGE_TOUCHUPS)).isTrue();
        assertThat(features.isOptedIn(CreativeFeatures.TEXT_FORMATTING_OPTIMIZATION)).isTrue();
        assertThat(WHATSAPP.sandbox().creativeFeatures(TEMPLATE_ID))
                .containsEntry(CreativeFeatures.IMAGE_TOUCHUPS, "OPT_OUT");
    }

    @Test
    void setAndGetCreativeFeaturesOfTheAccount() {
        CreativeFeatures optOut = CreativeFeatures.builder().optOut(CreativeFeatures.IMAGE_TOUCHUPS,
                CreativeFeatures.PRODUCT_EXTENSIONS).build();

        Exchange set = call(onAccount("setCreativeFeatures"), optOut);
        Exchange get = call(onAccount("getCreativeFeatures"), null);

        assertThat(set.getException()).isNull();
        CreativeFeatures features = get.getMessage().getBody(CreativeFeatures.class);
        assertThat(features.size()).isEqualTo(CreativeFeatures.KNOWN_FEATURES.size());
        assertThat(features.get(CreativeFeatures.IMAGE_TOUCHUPS)).isEqualTo(EnrollStatus.OPT_OUT);
        assertThat(features.get(CreativeFeatures.PRODUCT_EXTENSIONS)).isEqualTo(EnrollStatus.OPT_OUT);
        assertThat(features.isOptedIn(CreativeFeatures.IMAGE_ANIMATION)).isTrue();
        assertThat(WHATSAPP.sandbox().creativeFeatures(TEMPLATE_ID))
                .as("the template keeps its own features").containsEntry(CreativeFeatures.IMAGE_TOUCHUPS, "OPT_IN");
    }

    @Test
    void setAndGetCloudApiMarketingDisabled() {
        Exchange before = call(onAccount("getCloudApiMarketingDisabled"), null);
        Exchange set = call(onAccount("setCloudApiMarketingDisabled"), Boolean.TRUE);
        Exchange after = call(onAccount("getCloudApiMarketingDisabled"), null);

        assertThat(before.getMessage().getBody()).isEqualTo(Boolean.FALSE);
        assertThat(set.getException()).isNull();
        assertThat(set.getMessage().getBody(UpdateResult.class).getId()).isEqualTo(WHATSAPP.sandbox().wabaId());
        assertThat(after.getMessage().getBody()).isEqualTo(Boolean.TRUE);
        assertThat(after.getMessage().getHeader(WhatsAppMarketingConstants.CLOUD_API_MARKETING_DISABLED))
                .isEqualTo(Boolean.TRUE);
        assertThat(WHATSAPP.sandbox().cloudApiMarketingDisabled()).isTrue();
    }

    @Test
    void anUnknownWabaIdIsAGraphMethodException() {
        Exchange result = template.send(onAccount("getOnboardingStatus"), exchange ->
                exchange.getMessage().setHeader(WhatsAppMarketingConstants.WABA_ID, "299999999999999"));

        assertThat(result.getException()).isInstanceOfSatisfying(WhatsAppMarketingApiException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(400);
            assertThat(e.getCode()).isEqualTo(100);
            assertThat(e.getSubcode()).isEqualTo(33);
            assertThat(e.getType()).isEqualTo("GraphMethodException");
        });
    }

    @Test
    void aSendFallingBackToCloudApiIsRefusedWith131063OnceDisabled() {
        try (WhatsAppSandbox notOnboarded = WhatsAppSandbox.builder().onboarded(false).build().start()) {
            call(uri(notOnboarded, "setCloudApiMarketingDisabled", ""), "true");

            Exchange result = template.send(uri(notOnboarded, "send", "&phoneNumberId=" + notOnboarded.phoneNumberId()
                    + "&templateName=summer_sale&templateLanguage=en_US&maxRetries=0"), exchange ->
                    exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, "+4915112345678"));

            assertThat(result.getException()).isInstanceOfSatisfying(WhatsAppMarketingApiException.class, e -> {
                assertThat(e.getCode()).isEqualTo(131063);
                assertThat(e.getRetryClass()).isEqualTo(RetryClass.CONFIGURATION);
            });
            assertThat(notOnboarded.sentMessages()).isEmpty();
        }
    }

    @Test
    void heldAndPausedAnswersReachTheRouteAsAcceptedMessagesWithTheirStatus() {
        String send = uri(WHATSAPP.sandbox(), "send", "&phoneNumberId=" + WHATSAPP.sandbox().phoneNumberId()
                + "&templateName=summer_sale&templateLanguage=en_US");
        Map<String, String> statuses = Map.of("+4915112345676", "held_for_quality_assessment",
                "+4915112345675", "paused", "+4915112345674", "accepted");

        statuses.forEach((to, status) -> {
            Exchange result = template.send(send, exchange ->
                    exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, to));

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID, String.class))
                    .startsWith("wamid.");
            assertThat(result.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_STATUS)).isEqualTo(status);
        });
    }

    private Exchange call(String uri, Object body) {
        return template.send(uri, exchange -> exchange.getMessage().setBody(body));
    }

    private static String onAccount(String operation) {
        return uri(WHATSAPP.sandbox(), operation, "");
    }

    private static String onTemplate(String operation) {
        return uri(WHATSAPP.sandbox(), operation, "&templateId=" + TEMPLATE_ID);
    }

    /** An operation of the component on {@code sandbox}, with its WABA id and token. */
    private static String uri(WhatsAppSandbox sandbox, String operation, String options) {
        return "whatsapp-marketing:" + operation + "?baseUri=" + sandbox.baseUri() + "&accessToken="
                + sandbox.accessToken() + "&wabaId=" + sandbox.wabaId() + options;
    }
}
