package io.github.cwmarketing.whatsapp.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sandbox's deterministic rules: which {@link Scenario} a recipient gets, and the default limits. Every number of
 * the rules is defined here (error codes, titles and HTTP statuses are in {@link WhatsAppError}).
 *
 * <table class="striped">
 * <caption>Scenarios and rules</caption>
 * <tr><th>When</th><th>Synchronous answer</th><th>Status webhooks (after each status delay)</th></tr>
 * <tr><td>recipient ends in 0</td><td>200, accepted</td><td>sent → failed 131026 (Message undeliverable)</td></tr>
 * <tr><td>recipient ends in 9</td><td>200, accepted</td><td>failed 131049 (per-user marketing limit), no sent</td></tr>
 * <tr><td>recipient ends in 8</td><td>200, accepted</td><td>sent → delivered (never read)</td></tr>
 * <tr><td>recipient ends in 7</td><td>1st attempt: 400, 131056 (pair rate limit); later attempts: 200</td>
 *     <td>sent → delivered → read</td></tr>
 * <tr><td>recipient ends in 6</td><td>200, held_for_quality_assessment</td>
 *     <td>sent → delivered → read (released after the assessment)</td></tr>
 * <tr><td>recipient ends in 5</td><td>200, paused</td><td>sent → delivered → read (delivery resumed)</td></tr>
 * <tr><td>any other recipient</td><td>200, accepted</td><td>sent → delivered → read</td></tr>
 * <tr><td>more than {@value #DEFAULT_MESSAGES_PER_SECOND} sends per phone number id in a sliding 1 s window
 *     ({@code messagesPerSecond}, 0 = off)</td><td>429, 130429 (Rate limit hit)</td><td>none</td></tr>
 * <tr><td>more than {@value #DEFAULT_PAIR_LIMIT} sends to one recipient in a sliding 6 s window
 *     ({@code pairRateLimit}, 0 = off)</td><td>400, 131056 (pair rate limit hit)</td><td>none</td></tr>
 * <tr><td>account not onboarded and {@code product_policy} STRICT</td><td>400, 131055 (Method not allowed)</td>
 *     <td>none</td></tr>
 * <tr><td>account not onboarded, {@code product_policy} CLOUD_API_FALLBACK or absent and
 *     {@code disable_marketing_messages_on_cloud_api} true</td>
 *     <td>400, 131063 (Marketing templates disabled for Cloud API)</td><td>none</td></tr>
 * <tr><td>account not onboarded, {@code product_policy} CLOUD_API_FALLBACK or absent (Cloud API marketing not
 *     disabled)</td><td>200, accepted</td>
 *     <td>as above, {@code pricing.category} {@code marketing} instead of {@code marketing_lite}</td></tr>
 * <tr><td>{@code bid_spec} with a BSUID-only recipient</td><td>400, 131062</td><td>none</td></tr>
 * <tr><td>body invalid for Meta's schema or a plugged-in {@link SandboxRequestRule}</td>
 *     <td>400, 100 (Invalid parameter), {@code error_data.details} names the violations</td><td>none</td></tr>
 * <tr><td>missing or wrong {@code Authorization: Bearer} token</td><td>401, 190 (OAuthException)</td>
 *     <td>none</td></tr>
 * </table>
 * <p>
 * "Recipient" is {@code to} when present (Meta ignores {@code recipient} then), else the BSUID in {@code recipient};
 * its last character picks the row. A recipient not ending in a digit gets the default scenario. "Not onboarded" is
 * any {@code marketing_messages_onboarding_status} but {@code ONBOARDED} ({@code onboarded(false)} or
 * {@code onboardingStatus(...)} of the builder); {@code disable_marketing_messages_on_cloud_api} is the builder's
 * {@code cloudApiMarketingDisabled} or what a {@code POST /{WABA_ID}} set. Attempts are counted
 * per recipient until {@link WhatsAppSandbox#reset()}. Replace or add a row with
 * {@link WhatsAppSandbox.Builder#scenario(int, Scenario)}, e.g. with {@link #HELD_THEN_DROPPED} (held, then failed
 * 132015). The final states of rows 6 and 5 are those of the default row, so a campaign's delivery counts do not
 * depend on them; only their answers' {@code message_status} differs.
 */
public final class Scenarios {

    /** Meta's default throughput of a business phone number. */
    public static final int DEFAULT_MESSAGES_PER_SECOND = 80;
    /** Meta allows a burst of 45 messages to one user in 6 seconds. */
    public static final int DEFAULT_PAIR_LIMIT = 45;
    public static final Duration DEFAULT_PAIR_WINDOW = Duration.ofSeconds(6);
    public static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(1);
    /** Shortest {@code message_send_ttl_seconds} Meta accepts for a marketing template: 12 hours. */
    public static final Duration MIN_MARKETING_TEMPLATE_TTL = Duration.ofHours(12);
    /** Longest {@code message_send_ttl_seconds} Meta accepts for a marketing template (and its default): 30 days. */
    public static final Duration MAX_MARKETING_TEMPLATE_TTL = Duration.ofDays(30);

    public static final Scenario READ = Scenario.of("sent, delivered, read",
            StatusStep.sent(), StatusStep.delivered(), StatusStep.read());
    public static final Scenario UNDELIVERABLE = Scenario.of("sent, then failed 131026",
            StatusStep.sent(), StatusStep.failed(WhatsAppError.UNDELIVERABLE));
    public static final Scenario PER_USER_LIMIT = Scenario.of("failed 131049",
            StatusStep.failed(WhatsAppError.ECOSYSTEM_ENGAGEMENT));
    public static final Scenario NEVER_READ = Scenario.of("sent, delivered, never read",
            StatusStep.sent(), StatusStep.delivered());
    public static final Scenario PAIR_LIMITED_ONCE = READ.rejectingFirst(1, WhatsAppError.PAIR_RATE_LIMIT);
    public static final Scenario HELD_THEN_READ = Scenario.of("held for quality assessment, then sent, delivered, read",
            StatusStep.sent(), StatusStep.delivered(), StatusStep.read()).answering(Scenario.HELD_FOR_QUALITY_ASSESSMENT);
    public static final Scenario PAUSED_THEN_READ = Scenario.of("paused, then sent, delivered, read",
            StatusStep.sent(), StatusStep.delivered(), StatusStep.read()).answering(Scenario.PAUSED);
    /** Not in the default table: a held message that Meta drops (its template was paused). */
    public static final Scenario HELD_THEN_DROPPED = Scenario.of("held for quality assessment, then failed 132015",
            StatusStep.failed(WhatsAppError.TEMPLATE_PAUSED)).answering(Scenario.HELD_FOR_QUALITY_ASSESSMENT);

    private final Map<Integer, Scenario> byLastDigit;
    private final Scenario fallback;

    private Scenarios(Map<Integer, Scenario> byLastDigit, Scenario fallback) {
        this.byLastDigit = Map.copyOf(byLastDigit);
        this.fallback = fallback;
    }

    /** The table above. */
    public static Scenarios defaults() {
        return new Scenarios(Map.of(
                0, UNDELIVERABLE,
                9, PER_USER_LIMIT,
                8, NEVER_READ,
                7, PAIR_LIMITED_ONCE,
                6, HELD_THEN_READ,
                5, PAUSED_THEN_READ), READ);
    }

    /** A copy where recipients ending in {@code lastDigit} get {@code scenario}. */
    public Scenarios with(int lastDigit, Scenario scenario) {
        if (lastDigit < 0 || lastDigit > 9) {
            throw new IllegalArgumentException("lastDigit must be 0-9: " + lastDigit);
        }
        Map<Integer, Scenario> copy = new HashMap<>(byLastDigit);
        copy.put(lastDigit, Objects.requireNonNull(scenario, "scenario"));
        return new Scenarios(copy, fallback);
    }

    /** The scenario of a recipient (phone number or BSUID). */
    public Scenario forRecipient(String recipient) {
        if (recipient == null || recipient.isEmpty()) {
            return fallback;
        }
        char last = recipient.charAt(recipient.length() - 1);
        return last >= '0' && last <= '9' ? byLastDigit.getOrDefault(last - '0', fallback) : fallback;
    }
}
