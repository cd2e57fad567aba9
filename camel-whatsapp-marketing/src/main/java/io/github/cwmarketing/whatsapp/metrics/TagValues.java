package io.github.cwmarketing.whatsapp.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes tag values safe to keep: a value that comes from outside (a webhook's status or pricing category, an error
 * code, a template name) could otherwise grow a registry without bound. Absent values become {@value #NONE}; values
 * longer than {@value #MAX_LENGTH} characters or with characters other than letters, digits, '_', '-' and '.' become
 * {@value #OTHER}, and so does every new value of a tag past {@value #MAX_DISTINCT} distinct ones.
 */
final class TagValues {

    static final String NONE = "none";
    static final String OTHER = "other";
    static final int MAX_LENGTH = 64;
    static final int MAX_DISTINCT = 1_000;

    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();

    /** The lower-case name of an enum value, or none. */
    static String of(Enum<?> value) {
        return value == null ? NONE : value.name().toLowerCase(Locale.ROOT);
    }

    /** An error code or HTTP status, within the bound of its tag. */
    String of(String tag, Integer code) {
        return code == null ? NONE : bounded(tag, code.toString());
    }

    /** A text value, shaped and within the bound of its tag. */
    String of(String tag, String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        return hasSafeShape(value) ? bounded(tag, value) : OTHER;
    }

    private String bounded(String tag, String value) {
        Set<String> values = seen.computeIfAbsent(tag, key -> ConcurrentHashMap.newKeySet());
        if (values.contains(value)) {
            return value;
        }
        // the check and the add race, so a tag may end a few values past the bound: harmless
        if (values.size() >= MAX_DISTINCT) {
            return OTHER;
        }
        values.add(value);
        return value;
    }

    private static boolean hasSafeShape(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                           || c == '_' || c == '-' || c == '.';
            if (!safe) {
                return false;
            }
        }
        return true;
    }
}
