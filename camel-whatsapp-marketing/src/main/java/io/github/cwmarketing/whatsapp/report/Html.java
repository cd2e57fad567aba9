package io.github.cwmarketing.whatsapp.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the page writes values: every text escaped for HTML element content and attribute values alike (so a campaign
 * id, an error title or a route from a webhook can never become markup) and clipped to a length, numbers and times in
 * one locale-independent form. The page is ASCII only (other characters as character references), so it reads right
 * whichever charset writes it (a Camel file endpoint on a JVM whose default is not UTF-8).
 */
final class Html {

    /** The longest text the page shows of any one value (campaign ids, routes, categories). */
    static final int MAX_TEXT = 256;
    /** The longest error title the page shows (the ledgers keep 512 characters). */
    static final int MAX_TITLE = 512;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** The text escaped and clipped to {@link #MAX_TEXT} characters. */
    static String text(String value) {
        return text(value, MAX_TEXT);
    }

    /** The text clipped to {@code max} characters (an ellipsis marks a cut), then escaped; control characters dropped. */
    static String text(String value, int max) {
        if (value == null) {
            return "";
        }
        String clipped = value;
        if (value.length() > max) {
            int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
            clipped = value.substring(0, end) + "\u2026";
        }
        StringBuilder escaped = new StringBuilder(clipped.length() + 16);
        clipped.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c > '~') {
                        escaped.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else if (!Character.isISOControl(c)) {
                        escaped.append((char) c);
                    } else if (c == '\n' || c == '\t') {
                        escaped.append(' ');
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** A count with thousands separators: 1,000,000. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A share in percent with one decimal, or a dash when there is no whole. */
    static String percent(long part, long whole) {
        return whole <= 0 ? "&ndash;" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** A number with {@code decimals} decimals, for SVG coordinates and rates. */
    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String time(Instant instant) {
        return instant == null ? "&ndash;" : TIME.format(instant);
    }

    /** The time of day with milliseconds, for the buckets of the sends chart. */
    static String clock(Instant instant) {
        return CLOCK.format(instant);
    }

    /** A duration as a person reads it: 850 ms, 2.5 s, 2 min, 12 min 5 s, 3 h 20 min, 2 d 4 h. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3_600) {
            return twoUnits(seconds / 60, "min", seconds % 60, "s");
        }
        if (seconds < 86_400) {
            return twoUnits(seconds / 3_600, "h", seconds % 3_600 / 60, "min");
        }
        return twoUnits(seconds / 86_400, "d", seconds % 86_400 / 3_600, "h");
    }

    private static String twoUnits(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
    }
}
