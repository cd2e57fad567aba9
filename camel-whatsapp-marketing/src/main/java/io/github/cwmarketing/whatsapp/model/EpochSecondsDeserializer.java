package io.github.cwmarketing.whatsapp.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * Reads Meta's Unix timestamps leniently: a string or a number of seconds (fractions kept), or an ISO-8601 instant.
 * Anything else reads as null rather than failing the whole webhook.
 */
public class EpochSecondsDeserializer extends JsonDeserializer<Instant> {

    private static final int MAX_TEXT_LENGTH = 64;
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return fromNumber(parser);
        }
        if (token == JsonToken.VALUE_STRING) {
            return fromText(parser.getText().trim());
        }
        parser.skipChildren();
        return null;
    }

    private static Instant fromNumber(JsonParser parser) throws IOException {
        try {
            return fromSeconds(parser.getDecimalValue());
        } catch (NumberFormatException notFinite) {
            // a float beyond double range reads as Infinity from a tree
            return null;
        }
    }

    private static Instant fromText(String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        if (isShortDigits(text)) {
            // Meta's usual form, e.g. "1750030073": no need for BigDecimal
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return fromSeconds(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException notAnInstant) {
                return null;
            }
        }
    }

    /** 1 to 12 ASCII digits: a whole number of seconds well inside Instant's range. */
    private static boolean isShortDigits(String text) {
        if (text.length() > 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Instant fromSeconds(BigDecimal seconds) {
        // bounded first: toBigInteger() of an exponent like 1e999999999 would take forever
        if (seconds.abs().compareTo(MAX_SECONDS) > 0) {
            return null;
        }
        try {
            long nanos = seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue();
            return Instant.ofEpochSecond(seconds.toBigInteger().longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException outOfRange) {
            return null;
        }
    }
}
