package io.github.cwmarketing.whatsapp.operations;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;

/**
 * The body of {@code setTemplateTtl}: the time-to-live of a marketing template, checked before any request. An
 * integral number of seconds ({@code Integer}, {@code Long}...), a {@code java.time.Duration} of whole seconds, or
 * their text ({@code 86400}, {@code PT24H}). Meta accepts 43200 to 2592000 seconds (12 hours to 30 days) for
 * marketing templates; the TTL only applies to sends through the Marketing Messages API.
 */
public final class TemplateTtlInput {

    public static final long MIN_SECONDS = 43_200;
    public static final long MAX_SECONDS = 2_592_000;
    static final String FIELD = "message_send_ttl_seconds";

    private TemplateTtlInput() {
    }

    public static long readSeconds(Object body) {
        long seconds = toSeconds(body);
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new WhatsAppMarketingValidationException(FIELD, "must be between " + MIN_SECONDS + " and " + MAX_SECONDS
                                                                  + " seconds (12 hours to 30 days) for a marketing"
                                                                  + " template, was " + seconds);
        }
        return seconds;
    }

    private static long toSeconds(Object body) {
        if (body instanceof Duration duration) {
            return wholeSeconds(duration);
        }
        if (body instanceof Number number) {
            try {
                return integral(new BigDecimal(number.toString()), body);
            } catch (NumberFormatException e) {
                throw invalid(body);
            }
        }
        if (body instanceof CharSequence text && !text.toString().isBlank()) {
            String value = text.toString().trim();
            if (value.startsWith("P") || value.startsWith("p")) {
                try {
                    return wholeSeconds(Duration.parse(value));
                } catch (DateTimeParseException e) {
                    throw invalid(body);
                }
            }
            try {
                return integral(new BigDecimal(value), body);
            } catch (NumberFormatException e) {
                throw invalid(body);
            }
        }
        throw invalid(body);
    }

    private static long wholeSeconds(Duration duration) {
        if (duration.getNano() != 0) {
            throw new WhatsAppMarketingValidationException(FIELD, "must be whole seconds, was " + duration);
        }
        return duration.getSeconds();
    }

    private static long integral(BigDecimal value, Object body) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new WhatsAppMarketingValidationException(FIELD, "must be whole seconds, was " + body);
        }
    }

    private static WhatsAppMarketingValidationException invalid(Object body) {
        return new WhatsAppMarketingValidationException(FIELD,
                "the body must be seconds (Integer) or a java.time.Duration, was "
                                                               + (body == null ? "null" : "'" + body + "'"));
    }
}
