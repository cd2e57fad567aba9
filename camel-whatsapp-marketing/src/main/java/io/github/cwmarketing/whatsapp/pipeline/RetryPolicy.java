package io.github.cwmarketing.whatsapp.pipeline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.cwmarketing.whatsapp.model.AutomaticRetry;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;

/**
 * Decides whether a failed request is retried and after how long. A marketing message must never be sent twice, so only
 * failures that prove the request was not accepted are retried: errors Meta answers before accepting anything
 * ({@link AutomaticRetry#REFUSED}: throughput, rate and pair limits, maintenance) and requests that never reached a
 * connection. Meta's temporary server errors ({@link AutomaticRetry#SERVER_ERROR}) and unanswered requests prove
 * nothing: they are retried only when the user opted in, or for reads, which change nothing at Meta.
 */
public final class RetryPolicy {

    private static final int PAIR_RATE_LIMIT = 131056;
    private static final Duration NO_RETRY = null;

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final boolean retryUnanswered;
    private final boolean retryServerErrors;

    /**
     * @param retryUnanswered   also retry a request that was sent but not answered ({@code retryOnResponseTimeout})
     * @param retryServerErrors also retry Meta's temporary server errors ({@code retryOnServerError})
     */
    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, boolean retryUnanswered,
                       boolean retryServerErrors) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.retryUnanswered = retryUnanswered;
        this.retryServerErrors = retryServerErrors;
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry) of a request that failed with
     * {@code failure}, or null when it must not be retried. An unanswered read or one answered with a server error
     * ({@code idempotent}: a GET) is retried like a request that never left, since repeating it changes nothing at
     * Meta.
     */
    public Duration delayBeforeRetry(Throwable failure, int retry, boolean idempotent) {
        if (retry > maxRetries) {
            return NO_RETRY;
        }
        if (failure instanceof WhatsAppMarketingApiException apiError) {
            return isRetried(apiError.getAutomaticRetry(), idempotent) ? apiErrorDelay(apiError, retry) : NO_RETRY;
        }
        if (failure instanceof WhatsAppMarketingTransportException transportError
                && (!transportError.isRequestSent() || retryUnanswered || idempotent)) {
            return backoff(retry);
        }
        return NO_RETRY;
    }

    /**
     * Whether a failed attempt provably was not accepted by Meta: refused before anything was accepted (a throughput,
     * rate or pair limit), or never sent.
     */
    public static boolean provablyNotAccepted(Throwable failure) {
        return failure instanceof WhatsAppMarketingApiException apiError
               && apiError.getAutomaticRetry() == AutomaticRetry.REFUSED
               || failure instanceof WhatsAppMarketingTransportException transportError
                  && !transportError.isRequestSent();
    }

    private boolean isRetried(AutomaticRetry rule, boolean idempotent) {
        return switch (rule) {
            case REFUSED -> true;
            case SERVER_ERROR -> retryServerErrors || idempotent;
            case NEVER -> false;
        };
    }

    private Duration apiErrorDelay(WhatsAppMarketingApiException error, int retry) {
        Duration delay = error.getCode() == PAIR_RATE_LIMIT ? pairRateLimitDelay(retry) : backoff(retry);
        Duration asked = error.getRetryAfter();
        if (asked == null) {
            return delay;
        }
        // Meta said how long the limit lasts: waiting less is pointless, waiting longer holds the exchange too long
        if (asked.compareTo(maxDelay) > 0) {
            return NO_RETRY;
        }
        return asked.compareTo(delay) >= 0 ? asked : delay;
    }

    /** Meta: retry a (business, consumer) pair after 4^X seconds, X starting at 0. */
    private Duration pairRateLimitDelay(int retry) {
        Duration delay = Duration.ofSeconds(1L << (2 * Math.min(retry - 1, 10)));
        return delay.compareTo(maxDelay) <= 0 ? delay : maxDelay;
    }

    /** Exponential backoff with "equal jitter": between half and all of base * 2^(retry-1), capped. */
    private Duration backoff(int retry) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
