package io.github.cwmarketing.whatsapp.pipeline;

import java.time.Duration;

import io.github.cwmarketing.whatsapp.model.GraphApiError;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(30), false, false);
    private final RetryPolicy retryingServerErrors =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(30), false, true);

    private static WhatsAppMarketingApiException error(int status, int code, Duration retryAfter) {
        GraphApiError error = new GraphApiError();
        error.setCode(code);
        error.setMessage("(#" + code + ")");
        return new WhatsAppMarketingApiException(status, error, retryAfter);
    }

    @ParameterizedTest
    @ValueSource(ints = { 130429, 131056, 80007, 80008, 4, 131057 })
    void retriesTheCodesThatProveTheMessageWasNotAccepted(int code) {
        assertThat(policy.delayBeforeRetry(error(400, code, null), 1, false)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 131000, 131016 })
    void serverErrorsAreRetriedOnlyOnOptInOrForReads(int code) {
        assertThat(policy.delayBeforeRetry(error(500, code, null), 1, false)).isNull();
        assertThat(policy.delayBeforeRetry(error(500, code, null), 1, true)).as("a read").isNotNull();
        assertThat(retryingServerErrors.delayBeforeRetry(error(500, code, null), 1, false)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 131049, 131050, 130472, 100, 190, 132000, 131026, 134101, 131063, 131048, 132069 })
    void neverRetriesOtherCodes(int code) {
        assertThat(retryingServerErrors.delayBeforeRetry(error(400, code, null), 1, true)).isNull();
        assertThat(retryingServerErrors.delayBeforeRetry(error(429, code, null), 1, true))
                .as("a known code decides, not the HTTP status").isNull();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithinBounds() {
        for (int retry = 1; retry <= 3; retry++) {
            long ceiling = 100L << (retry - 1);
            assertThat(policy.delayBeforeRetry(error(429, 130429, null), retry, false).toMillis())
                    .isBetween(ceiling / 2, ceiling);
        }
        assertThat(policy.delayBeforeRetry(error(429, 130429, null), 4, false)).as("beyond maxRetries").isNull();
    }

    @Test
    void pairRateLimitWaitsFourToThePowerOfXSeconds() {
        assertThat(policy.delayBeforeRetry(error(400, 131056, null), 1, false)).hasSeconds(1);
        assertThat(policy.delayBeforeRetry(error(400, 131056, null), 2, false)).hasSeconds(4);
        assertThat(policy.delayBeforeRetry(error(400, 131056, null), 3, false)).hasSeconds(16);
    }

    @Test
    void honoursMetasEstimatedTimeToRegainAccessOrGivesUpWhenTooLong() {
        RetryPolicy patient = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMinutes(2), false, false);
        assertThat(patient.delayBeforeRetry(error(400, 80007, Duration.ofMinutes(1)), 1, false)).hasMinutes(1);
        assertThat(patient.delayBeforeRetry(error(400, 80007, Duration.ofMinutes(5)), 1, false)).isNull();
    }

    @Test
    void neverRetriesSoonerThanAskedNorSoonerThanTheBackoff() {
        assertThat(policy.delayBeforeRetry(error(429, 130429, Duration.ofSeconds(2)), 1, false)).hasSeconds(2);
        assertThat(policy.delayBeforeRetry(error(429, 130429, Duration.ZERO), 3, false).toMillis())
                .as("Retry-After: 0 still backs off").isBetween(200L, 400L);
        assertThat(policy.delayBeforeRetry(error(400, 131056, Duration.ofMillis(10)), 2, false))
                .as("the pair rate limit schedule when it is longer").hasSeconds(4);
    }

    @Test
    void unansweredRequestIsRetriedOnlyOnOptIn() {
        var unanswered = new WhatsAppMarketingTransportException("timeout", true, null);
        var notSent = new WhatsAppMarketingTransportException("refused", false, null);

        assertThat(policy.delayBeforeRetry(unanswered, 1, false)).isNull();
        assertThat(policy.delayBeforeRetry(notSent, 1, false)).isNotNull();
        assertThat(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), true, false)
                .delayBeforeRetry(unanswered, 1, false)).isNotNull();
    }

    @Test
    void unansweredReadIsRetriedBecauseRepeatingItChangesNothing() {
        var unanswered = new WhatsAppMarketingTransportException("timeout", true, null);

        assertThat(policy.delayBeforeRetry(unanswered, 1, true)).isNotNull();
        assertThat(policy.delayBeforeRetry(unanswered, 4, true)).as("beyond maxRetries").isNull();
    }

    @Test
    void anUnknownCodeIsJudgedByTheHttpStatus() {
        assertThat(policy.delayBeforeRetry(error(429, 999999, null), 1, false)).as("429 refused").isNotNull();
        assertThat(policy.delayBeforeRetry(error(503, 999999, null), 1, false)).as("503 a server error").isNull();
        assertThat(retryingServerErrors.delayBeforeRetry(error(503, 999999, null), 1, false)).isNotNull();
        assertThat(retryingServerErrors.delayBeforeRetry(error(500, 999999, null), 1, false)).isNull();
        assertThat(retryingServerErrors.delayBeforeRetry(error(400, 999999, null), 1, false)).isNull();
    }
}
