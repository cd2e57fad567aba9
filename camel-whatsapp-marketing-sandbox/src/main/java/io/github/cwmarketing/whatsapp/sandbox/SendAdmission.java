package io.github.cwmarketing.whatsapp.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a valid send is accepted or refused synchronously, in Meta's order: request-level rules, onboarding
 * (with the WABA's {@code disable_marketing_messages_on_cloud_api}), throughput, pair rate limit, then the recipient's
 * scenario.
 */
final class SendAdmission {

    private final AccountState account;
    private final SlidingWindowLimiter throughput;
    private final SlidingWindowLimiter pairRate;
    private final Map<String, AtomicInteger> attemptsByRecipient = new ConcurrentHashMap<>();

    SendAdmission(SandboxSettings settings, AccountState account) {
        this.account = account;
        this.throughput = new SlidingWindowLimiter(
                settings.messagesPerSecond(), Scenarios.THROUGHPUT_WINDOW, settings.clock());
        this.pairRate = new SlidingWindowLimiter(settings.pairLimit(), settings.pairWindow(), settings.clock());
    }

    /** The error refusing the send, or empty when it is accepted. */
    Optional<WhatsAppError> refusal(String phoneNumberId, SendRequestFields send, Scenario scenario) {
        if (send.hasBidSpec() && send.bsuidOnly()) {
            return Optional.of(WhatsAppError.BSUID_NOT_SUPPORTED);
        }
        if (!account.onboarded() && send.strict()) {
            return Optional.of(WhatsAppError.MARKETING_TERMS_NOT_ACCEPTED);
        }
        if (!account.onboarded() && account.cloudApiMarketingDisabled()) {
            return Optional.of(WhatsAppError.MARKETING_DISABLED_ON_CLOUD_API);
        }
        if (!throughput.tryAcquire(phoneNumberId)) {
            return Optional.of(WhatsAppError.THROUGHPUT_REACHED);
        }
        if (!pairRate.tryAcquire(phoneNumberId + "/" + send.recipient())) {
            return Optional.of(WhatsAppError.PAIR_RATE_LIMIT);
        }
        int attempt = attemptsByRecipient.computeIfAbsent(send.recipient(), r -> new AtomicInteger()).incrementAndGet();
        return scenario.rejects(attempt) ? Optional.of(scenario.rejection()) : Optional.empty();
    }

    /** {@code pricing.category} of accepted messages: Meta routes via Cloud API when not onboarded. */
    String pricingCategory() {
        return account.onboarded() ? "marketing_lite" : "marketing";
    }

    int throughputUsagePercent(String phoneNumberId) {
        return throughput.usagePercent(phoneNumberId);
    }

    void reset() {
        throughput.reset();
        pairRate.reset();
        attemptsByRecipient.clear();
    }
}
