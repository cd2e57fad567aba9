package io.github.cwmarketing.whatsapp.pipeline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.cwmarketing.whatsapp.model.MetaErrorCodes;
import io.github.cwmarketing.whatsapp.model.RetryClass;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;

/**
 * Decides whether a failed request is retried and after how long. A marketing message must never be sent twice, so only
 * failures that prove the request was not accepted are retried: throughput and rate limits, transient platform errors,
 * and connection failures before the request left. An unanswered request is retried only when the user opted in.
 */
public final class RetryPolicy {

    private static final int PAIR_RATE_LIMIT = 131056;
    private static final Duration NO_RETRY = null;

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final boolean retryUnanswered;

    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, boolean retryUnanswered) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.retryUnanswered = retryUnanswered;
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry) of a request that failed with
     * {@code failure}, or null when it must not be retried. An unanswered read ({@code idempotent}: a GET) is retried
     * like a request that never left, since repeating it changes nothing at Meta.
     */
    public Duration delayBeforeRetry(Throwable failure, int retry, boolean idempotent) {
        if (retry > maxRetries) {
            return NO_RETRY;
        }
        if (failure instanceof WhatsAppMarketingApiException apiError) {
            return isRetryable(apiError) ? apiErrorDelay(apiError, retry) : NO_RETRY;
        }
        if (failure instanceof WhatsAppMarketingTransportException transportError
                && (!transportError.isRequestSent() || retryUnanswered || idempotent)) {
            return backoff(retry);
        }
        return NO_RETRY;
    }

    static boolean isRetryable(WhatsAppMarketingApiException error) {
        if (MetaErrorCodes.isRetriedAutomatically(error.getCode())) {
            return true;
        }
        boolean refusedForLoad = error.getHttpStatus() == 429 || error.getHttpStatus() == 503;
        return refusedForLoad
                && (error.getRetryClass() == RetryClass.TRANSIENT || error.getRetryClass() == RetryClass.RATE_LIMITED);
    }

    private Duration apiErrorDelay(WhatsAppMarketingApiException error, int retry) {
        if (error.getRetryAfter() != null) {
            // Meta said how long the limit lasts: waiting less is pointless, waiting longer holds the exchange too long
            return error.getRetryAfter().compareTo(maxDelay) <= 0 ? error.getRetryAfter() : NO_RETRY;
        }
        if (error.getCode() == PAIR_RATE_LIMIT) {
            // Meta: retry a (business, consumer) pair after 4^X seconds, X starting at 0
            Duration delay = Duration.ofSeconds(1L << (2 * Math.min(retry - 1, 10)));
            return delay.compareTo(maxDelay) <= 0 ? delay : maxDelay;
        }
        return backoff(retry);
    }

    /** Exponential backoff with "equal jitter": between half and all of base * 2^(retry-1), capped. */
    private Duration backoff(int retry) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
