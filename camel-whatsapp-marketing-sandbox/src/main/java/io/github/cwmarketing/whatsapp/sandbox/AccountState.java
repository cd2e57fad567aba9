package io.github.cwmarketing.whatsapp.sandbox;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The account and template settings the sandbox remembers, shared by the handlers of the WABA and template nodes and
 * by sending: the WABA's onboarding status and {@code disable_marketing_messages_on_cloud_api}, the creative features
 * of the WABA and of each template, and each template's {@code message_send_ttl_seconds}. Starts from the builder's
 * values and Meta's defaults; {@link #reset()} goes back there. Thread-safe.
 */
final class AccountState {

    private final SandboxSettings settings;
    private final Map<String, Map<String, String>> creativeFeaturesByNode = new HashMap<>(); // guarded by this
    private final Map<String, Long> ttlSecondsByTemplate = new HashMap<>(); // guarded by this
    private boolean cloudApiMarketingDisabled; // guarded by this

    AccountState(SandboxSettings settings) {
        this.settings = settings;
        this.cloudApiMarketingDisabled = settings.cloudApiMarketingDisabled();
    }

    String wabaId() {
        return settings.wabaId();
    }

    String onboardingStatus() {
        return settings.onboardingStatus();
    }

    boolean onboarded() {
        return settings.onboarded();
    }

    synchronized boolean cloudApiMarketingDisabled() {
        return cloudApiMarketingDisabled;
    }

    synchronized void cloudApiMarketingDisabled(boolean disabled) {
        this.cloudApiMarketingDisabled = disabled;
    }

    /**
     * Feature to {@code OPT_IN}/{@code OPT_OUT} of the WABA or a template: Meta's default (all optimization features
     * enabled, for the WABA and for every template) overlaid with what POSTs set.
     */
    synchronized Map<String, String> creativeFeatures(String nodeId) {
        Map<String, String> features = new LinkedHashMap<>(CreativeFeaturesSpec.all(CreativeFeaturesSpec.OPT_IN));
        features.putAll(creativeFeaturesByNode.getOrDefault(nodeId, Map.of()));
        return features;
    }

    /** Sets the given features of the node; the others keep their status. */
    synchronized void creativeFeatures(String nodeId, Map<String, String> features) {
        creativeFeaturesByNode.computeIfAbsent(nodeId, id -> new LinkedHashMap<>()).putAll(features);
    }

    /** The TTL a POST set on the template, empty when none did. */
    synchronized OptionalLong templateTtlSeconds(String templateId) {
        Long seconds = ttlSecondsByTemplate.get(templateId);
        return seconds == null ? OptionalLong.empty() : OptionalLong.of(seconds);
    }

    synchronized void templateTtlSeconds(String templateId, long seconds) {
        ttlSecondsByTemplate.put(templateId, seconds);
    }

    synchronized void reset() {
        creativeFeaturesByNode.clear();
        ttlSecondsByTemplate.clear();
        cloudApiMarketingDisabled = settings.cloudApiMarketingDisabled();
    }
}
