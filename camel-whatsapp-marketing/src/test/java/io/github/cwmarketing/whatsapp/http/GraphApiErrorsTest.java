package io.github.cwmarketing.whatsapp.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's error envelope and 360dialog's variants all become the same {@link WhatsAppMarketingApiException}.
 */
class GraphApiErrorsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    private final GraphApiErrors errors = new GraphApiErrors(new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));

    private WhatsAppMarketingApiException error(int status, String body) {
        return errors.toException(new GraphApiResponse(status, body.getBytes(StandardCharsets.UTF_8), null, null,
                null));
    }

    private WhatsAppMarketingApiException refused(int status, String usage, String retryAfter) {
        return errors.toException(new GraphApiResponse(status, new byte[0], null, usage, retryAfter));
    }

    @Test
    void metaAnd360dialogWrappedErrorsAreTheSame() {
        String meta = """
                {"error":{"message":"(#131063) Marketing templates disabled for Cloud API","type":"OAuthException",
                 "code":131063,"error_data":{"messaging_product":"whatsapp","details":"use the MM API"},
                 "fbtrace_id":"ABz"}}""";
        WhatsAppMarketingApiException direct = error(400, meta);
        WhatsAppMarketingApiException wrapped = error(400, "{\"detail\":" + meta + "}");

        for (WhatsAppMarketingApiException e : new WhatsAppMarketingApiException[] { direct, wrapped }) {
            assertThat(e.getCode()).isEqualTo(131063);
            assertThat(e.getDetails()).isEqualTo("use the MM API");
            assertThat(e.getFbtraceId()).isEqualTo("ABz");
            assertThat(e.getRetryClass()).isEqualTo(RetryClass.CONFIGURATION);
        }
        assertThat(wrapped.getMessage()).isEqualTo(direct.getMessage());
    }

    @Test
    void stringErrorsBecomeTheMessage() {
        WhatsAppMarketingApiException invalidToken = error(401, "{\"error\":\"Invalid api token.\"}");
        assertThat(invalidToken.getCode()).isZero();
        assertThat(invalidToken.getErrorMessage()).isEqualTo("Invalid api token.");
        assertThat(invalidToken.getRetryClass()).isEqualTo(RetryClass.CONFIGURATION);
        assertThat(invalidToken.getMessage()).isEqualTo("Graph API error (HTTP 401): Invalid api token.");

        assertThat(error(400, "{\"detail\":\"Template not found\"}").getErrorMessage()).isEqualTo("Template not found");
        assertThat(error(400, "{\"detail\":{\"error\":\"Bad request\"}}").getErrorMessage()).isEqualTo("Bad request");
    }

    @Test
    void anythingElseKeepsStatusAndExcerpt() {
        assertThat(error(502, "<html>Bad gateway</html>").getErrorMessage()).contains("HTTP 502", "Bad gateway");
        assertThat(error(500, "{\"detail\":{}}").getErrorMessage()).contains("HTTP 500");
        assertThat(error(500, "{\"error\":42}").getErrorMessage()).contains("HTTP 500");
        assertThat(error(503, "").getRetryClass()).isEqualTo(RetryClass.TRANSIENT);
        assertThat(error(400, "[]").getErrorMessage()).contains("HTTP 400");
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDateOn429And503() {
        assertThat(refused(429, null, "7").getRetryAfter()).hasSeconds(7);
        assertThat(refused(503, null, " 120 ").getRetryAfter()).hasSeconds(120);
        assertThat(refused(503, null, "Mon, 02 Mar 2026 10:16:00 GMT").getRetryAfter()).hasSeconds(30);
        assertThat(refused(429, null, "Mon, 02 Mar 2026 10:00:00 GMT").getRetryAfter()).as("past").isZero();
    }

    @Test
    void retryAfterIsIgnoredWhenUnreadableOrOnOtherStatuses() {
        assertThat(refused(429, null, "soon").getRetryAfter()).isNull();
        assertThat(refused(429, null, "-5").getRetryAfter()).isNull();
        assertThat(refused(429, null, "99999999999999999999").getRetryAfter()).isNull();
        assertThat(refused(400, null, "7").getRetryAfter()).isNull();
        assertThat(refused(500, null, "7").getRetryAfter()).isNull();
    }

    @Test
    void theLongerOfRetryAfterAndTheUsageHeaderWins() {
        String usage = "{\"1\":[{\"type\":\"whatsapp\",\"estimated_time_to_regain_access\":2}]}";
        assertThat(refused(429, usage, "30").getRetryAfter()).hasMinutes(2);
        assertThat(refused(429, usage, "600").getRetryAfter()).hasMinutes(10);
        assertThat(refused(400, usage, "600").getRetryAfter()).hasMinutes(2);
    }
}
