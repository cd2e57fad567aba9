package io.github.cwmarketing.whatsapp;

import java.util.List;
import java.util.Map;

import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/getting-started-meta.md tells a first user about the errors of a template that is still syncing with its
 * ad account (for 10 minutes after its creation, and after 7 days without use): how the component reports them.
 */
class TemplateSyncErrorsTest extends SendTestSupport {

    private static final Map<String, Object> TO = Map.of(WhatsAppMarketingConstants.TO, "+4915112345678");

    @Test
    void templateStillSyncingIsTransientButNotRetriedAutomatically() {
        WhatsAppMarketingApiException error = failure(134101, "(#134101) Your template is still syncing",
                "Wait up to 10 minutes and try again.");

        assertThat(error.getRetryClass()).isEqualTo(RetryClass.TRANSIENT);
        assertThat(error.getMessage()).startsWith("Graph API error 134101 (HTTP 400): (#134101) Your template is still"
                                                  + " syncing - Wait up to 10 minutes and try again.");
        assertThat(graphApi.marketingMessageRequests()).as("one attempt: a wait of 10 minutes is the route's").hasSize(1);
    }

    @Test
    void adSyncingIncompleteIsAValidationErrorNotRetried() {
        WhatsAppMarketingApiException error = failure(131009, "(#131009) Parameter value is not valid",
                "Ad syncing may be incomplete. Wait 10 minutes and try again.");

        assertThat(error.getRetryClass()).isEqualTo(RetryClass.VALIDATION);
        assertThat(error.getDetails()).isEqualTo("Ad syncing may be incomplete. Wait 10 minutes and try again.");
        assertThat(graphApi.marketingMessageRequests()).hasSize(1);
    }

    private WhatsAppMarketingApiException failure(int code, String message, String details) {
        graphApi.stub(post(urlPathEqualTo(GraphApiStub.MARKETING_MESSAGES_PATH))
                .willReturn(GraphApiStub.graphError(400, code, message, details)));

        Exchange result = send(sendUri("templateName=autumn_offer&templateLanguage=en"), List.of("Jonas"), TO);

        assertThat(result.getException()).isInstanceOf(WhatsAppMarketingApiException.class);
        WhatsAppMarketingApiException error = (WhatsAppMarketingApiException) result.getException();
        assertThat(error.getCode()).isEqualTo(code);
        assertThat(error.getHttpStatus()).isEqualTo(400);
        return error;
    }
}
