package io.github.cwmarketing.whatsapp.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A WhatsApp Business Account's {@code marketing_messages_onboarding_status}: whether it can send through the
 * Marketing Messages API.
 * <p>
 * Meta documents {@link #ELIGIBLE} (terms not yet accepted) and {@link #ONBOARDED}, and says there are other,
 * ineligible values without listing them. The other constants are the values third-party SDKs know; a value not in
 * this list is kept as it comes ({@link #isKnown()} false), never rejected. Compare with {@link #equals(Object)} or
 * on {@link #value()}.
 */
public final class OnboardingStatus {

    /** The account meets the requirements; the business has not accepted the terms yet. */
    public static final OnboardingStatus ELIGIBLE = new OnboardingStatus("ELIGIBLE");
    /** The account is onboarded: marketing messages go through the Marketing Messages API. */
    public static final OnboardingStatus ONBOARDED = new OnboardingStatus("ONBOARDED");
    /** Onboarding waits for a valid payment method (third-party SDKs; not in Meta's docs). */
    public static final OnboardingStatus PENDING_VALID_PAYMENT_METHOD = new OnboardingStatus("PENDING_VALID_PAYMENT_METHOD");
    /** Onboarding waits for Meta's internal setup (third-party SDKs; not in Meta's docs). */
    public static final OnboardingStatus PENDING_INTERNAL_SETUP = new OnboardingStatus("PENDING_INTERNAL_SETUP");
    /** Ineligible: managed on behalf of another business (third-party SDKs; not in Meta's docs). */
    public static final OnboardingStatus INELIGIBLE_ON_BEHALF_OF_WABA = new OnboardingStatus("INELIGIBLE_ON_BEHALF_OF_WABA");
    /** Ineligible: the account is inactive or restricted (third-party SDKs; not in Meta's docs). */
    public static final OnboardingStatus INELIGIBLE_INACTIVE_OR_RESTRICTED
            = new OnboardingStatus("INELIGIBLE_INACTIVE_OR_RESTRICTED");
    /** Ineligible: the country is not supported (third-party SDKs; not in Meta's docs). */
    public static final OnboardingStatus INELIGIBLE_COUNTRY_NOT_SUPPORTED
            = new OnboardingStatus("INELIGIBLE_COUNTRY_NOT_SUPPORTED");
    /** Ineligible: the number uses the WhatsApp Business app (third-party SDKs; not in Meta's docs). */
    public static final OnboardingStatus INELIGIBLE_USING_WHATSAPP_BUSINESS_APP
            = new OnboardingStatus("INELIGIBLE_USING_WHATSAPP_BUSINESS_APP");

    /** The values this version knows. */
    public static final List<OnboardingStatus> KNOWN = List.of(ELIGIBLE, ONBOARDED, PENDING_VALID_PAYMENT_METHOD,
            PENDING_INTERNAL_SETUP, INELIGIBLE_ON_BEHALF_OF_WABA, INELIGIBLE_INACTIVE_OR_RESTRICTED,
            INELIGIBLE_COUNTRY_NOT_SUPPORTED, INELIGIBLE_USING_WHATSAPP_BUSINESS_APP);

    private final String value;

    private OnboardingStatus(String value) {
        this.value = value;
    }

    /** The status named {@code value}: a known constant, or the value kept as it comes (trimmed). */
    @JsonCreator
    public static OnboardingStatus of(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.trim();
        for (OnboardingStatus known : KNOWN) {
            if (known.value.equalsIgnoreCase(trimmed)) {
                return known;
            }
        }
        return new OnboardingStatus(trimmed);
    }

    /** True when marketing messages go through the Marketing Messages API. */
    public boolean isOnboarded() {
        return ONBOARDED.equals(this);
    }

    /** True for {@code ELIGIBLE}: the business can accept the terms to onboard. */
    public boolean isEligible() {
        return ELIGIBLE.equals(this);
    }

    /** True for the {@code INELIGIBLE_*} values, known or not. */
    public boolean isIneligible() {
        return value.toUpperCase(Locale.ROOT).startsWith("INELIGIBLE");
    }

    /** True for a value this version lists as a constant. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** The value as Meta returns it, e.g. {@code ONBOARDED}. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OnboardingStatus status && value.equals(status.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
