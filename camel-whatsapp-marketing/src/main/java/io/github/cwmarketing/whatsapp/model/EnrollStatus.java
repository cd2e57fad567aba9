package io.github.cwmarketing.whatsapp.model;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a creative optimization feature is enabled ({@link #OPT_IN}) or disabled ({@link #OPT_OUT}).
 * <p>
 * A value rather than an enum so that a status Meta adds later is kept as it comes when read from a response
 * ({@link #isKnown()} is then false) instead of failing. Only the two known values can be set.
 */
public final class EnrollStatus {

    public static final EnrollStatus OPT_IN = new EnrollStatus("OPT_IN");
    public static final EnrollStatus OPT_OUT = new EnrollStatus("OPT_OUT");

    private final String value;

    private EnrollStatus(String value) {
        this.value = value;
    }

    /** The status named {@code value} (case-insensitive): one of the constants, or an unknown status kept as is. */
    @JsonCreator
    public static EnrollStatus of(String value) {
        Objects.requireNonNull(value, "value");
        String normalised = value.trim().toUpperCase(Locale.ROOT);
        if (OPT_IN.value.equals(normalised)) {
            return OPT_IN;
        }
        if (OPT_OUT.value.equals(normalised)) {
            return OPT_OUT;
        }
        return new EnrollStatus(normalised);
    }

    /** {@code OPT_IN} for true, {@code OPT_OUT} for false. */
    public static EnrollStatus of(boolean optIn) {
        return optIn ? OPT_IN : OPT_OUT;
    }

    /** True for {@code OPT_IN} and {@code OPT_OUT}. */
    public boolean isKnown() {
        return this == OPT_IN || this == OPT_OUT;
    }

    public boolean isOptIn() {
        return this == OPT_IN;
    }

    /** The value Meta uses, e.g. {@code OPT_IN}. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnrollStatus status && value.equals(status.value);
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
