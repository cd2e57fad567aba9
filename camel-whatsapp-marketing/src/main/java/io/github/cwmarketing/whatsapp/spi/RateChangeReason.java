package io.github.cwmarketing.whatsapp.spi;

/**
 * Why the pacing rate of a phone number id changed.
 */
public enum RateChangeReason {
    /** Meta accepted every message at the previous rate while sends were waiting for slots: the rate was raised. */
    RAISED,
    /** Meta answered 130429 (throughput reached): the rate was lowered. */
    THROUGHPUT_LIMIT,
    /** The number's throughput level read from the Graph API ({@code STANDARD} = 80, {@code HIGH} = 1,000/s). */
    THROUGHPUT_LEVEL,
    /** Another instance sharing the number's pacing changed the rate ({@code pacing=DATABASE}). */
    SHARED
}
