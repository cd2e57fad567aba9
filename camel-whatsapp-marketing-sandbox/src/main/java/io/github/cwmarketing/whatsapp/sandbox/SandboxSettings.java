package io.github.cwmarketing.whatsapp.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The configuration of a {@link WhatsAppSandbox}, built by {@link WhatsAppSandbox.Builder}. {@link #toString()} never
 * shows the access token or the app secret.
 *
 * @param port                 HTTP port, 0 for a free one
 * @param bindAddress          address to listen on
 * @param accessToken          the token expected in {@code Authorization: Bearer}
 * @param appSecret            the key of the webhook signatures
 * @param webhookSigning       how webhooks are signed: Meta's header or 360dialog's
 * @param phoneNumberId        the business phone number id served
 * @param displayPhoneNumber   {@code metadata.display_phone_number} of webhooks
 * @param wabaId               WhatsApp Business Account id ({@code entry[].id} of webhooks)
 * @param callbackUrls         initial webhook callback URLs (status POSTs go round robin over them, as a load
 *                             balancer in front of several instances spreads them), empty for none
 * @param onboardingStatus     the WABA's {@code marketing_messages_onboarding_status}; {@link #ONBOARDED} means the
 *                             business accepted the Marketing Messages terms
 * @param cloudApiMarketingDisabled initial {@code disable_marketing_messages_on_cloud_api} of the WABA
 * @param messagesPerSecond    throughput limit per phone number id, 0 = off
 * @param upgradedMessagesPerSecond the limit after the throughput upgrade
 * @param throughputUpgradeAfter when the upgrade comes, from the sandbox's creation; {@code null} = never
 * @param pairLimit            messages to one recipient allowed per {@code pairWindow}, 0 = off
 * @param pairWindow           window of the pair rate limit
 * @param statusDelay          delay before each status webhook (after the previous one was delivered)
 * @param minLatency           minimum added response latency
 * @param maxLatency           maximum added response latency, 0 = none
 * @param statusesPerCallback  most statuses batched in one webhook POST
 * @param callbackMaxAttempts  attempts per webhook POST before giving up
 * @param callbackRetryBackoff wait before the first retry; doubled for every further retry
 * @param schemaValidation     whether requests are validated against Meta's OpenAPI schema
 * @param requestRules         additional request rules
 * @param scenarios            the scenario table
 * @param clock                clock of timestamps and rate-limit windows
 */
public record SandboxSettings(
        int port,
        String bindAddress,
        String accessToken,
        String appSecret,
        WebhookSigning webhookSigning,
        String phoneNumberId,
        String displayPhoneNumber,
        String wabaId,
        List<URI> callbackUrls,
        String onboardingStatus,
        boolean cloudApiMarketingDisabled,
        int messagesPerSecond,
        int upgradedMessagesPerSecond,
        Duration throughputUpgradeAfter,
        int pairLimit,
        Duration pairWindow,
        Duration statusDelay,
        Duration minLatency,
        Duration maxLatency,
        int statusesPerCallback,
        int callbackMaxAttempts,
        Duration callbackRetryBackoff,
        boolean schemaValidation,
        List<SandboxRequestRule> requestRules,
        Scenarios scenarios,
        Clock clock) {

    /** The onboarding status of a business that accepted the Marketing Messages terms. */
    public static final String ONBOARDED = "ONBOARDED";
    /** The onboarding status of an eligible business that has not accepted the terms yet. */
    public static final String ELIGIBLE = "ELIGIBLE";

    public SandboxSettings {
        requireNonBlank(onboardingStatus, "onboardingStatus");
        onboardingStatus = onboardingStatus.trim().toUpperCase(Locale.ROOT);
        requireNonBlank(bindAddress, "bindAddress");
        requireNonBlank(accessToken, "accessToken");
        requireNonBlank(appSecret, "appSecret");
        requireNonBlank(phoneNumberId, "phoneNumberId");
        requireNonBlank(displayPhoneNumber, "displayPhoneNumber");
        requireNonBlank(wabaId, "wabaId");
        requireAtLeast(port, 0, "port");
        requireAtLeast(messagesPerSecond, 0, "messagesPerSecond");
        requireAtLeast(upgradedMessagesPerSecond, 0, "upgradedMessagesPerSecond");
        if (throughputUpgradeAfter != null) {
            requireNonNegative(throughputUpgradeAfter, "throughputUpgradeAfter");
        }
        requireAtLeast(pairLimit, 0, "pairLimit");
        requireAtLeast(statusesPerCallback, 1, "statusesPerCallback");
        requireAtLeast(callbackMaxAttempts, 1, "callbackMaxAttempts");
        requireNonNegative(pairWindow, "pairWindow");
        requireNonNegative(statusDelay, "statusDelay");
        requireNonNegative(minLatency, "minLatency");
        requireNonNegative(maxLatency, "maxLatency");
        requireNonNegative(callbackRetryBackoff, "callbackRetryBackoff");
        if (maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException("maxLatency must not be below minLatency");
        }
        callbackUrls = CallbackUrls.requireHttp(callbackUrls == null ? List.of() : callbackUrls);
        requestRules = List.copyOf(requestRules);
        Objects.requireNonNull(webhookSigning, "webhookSigning");
        Objects.requireNonNull(scenarios, "scenarios");
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String toString() {
        return "SandboxSettings[port=" + port + ", bindAddress=" + bindAddress + ", accessToken=***, appSecret=***"
                + ", webhookSigning=" + webhookSigning
                + ", phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + ", callbackUrls=" + callbackUrls
                + ", onboardingStatus=" + onboardingStatus + ", cloudApiMarketingDisabled=" + cloudApiMarketingDisabled
                + ", messagesPerSecond=" + messagesPerSecond
                + (throughputUpgradeAfter == null ? "" : ", upgradedTo=" + upgradedMessagesPerSecond + " after "
                   + throughputUpgradeAfter)
                + ", pairLimit=" + pairLimit + "/" + pairWindow + ", statusDelay=" + statusDelay
                + ", latency=" + minLatency + ".." + maxLatency + ", statusesPerCallback=" + statusesPerCallback
                + ", callbackMaxAttempts=" + callbackMaxAttempts + ", callbackRetryBackoff=" + callbackRetryBackoff
                + ", schemaValidation=" + schemaValidation + ", requestRules=" + requestRules.size() + "]";
    }

    /** The first callback URL, or {@code null} when none is set. */
    public URI callbackUrl() {
        return callbackUrls.isEmpty() ? null : callbackUrls.get(0);
    }

    /** Whether the business accepted the Marketing Messages terms: the onboarding status is {@link #ONBOARDED}. */
    public boolean onboarded() {
        return ONBOARDED.equals(onboardingStatus);
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireAtLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
        }
    }

    private static void requireNonNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive: " + value);
        }
    }
}
