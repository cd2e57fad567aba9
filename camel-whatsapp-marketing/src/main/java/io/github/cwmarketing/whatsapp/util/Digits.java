package io.github.cwmarketing.whatsapp.util;

/**
 * Digit-only checks for Graph API ids (phone number, WABA and template ids) and phone numbers.
 */
public final class Digits {

    private Digits() {
    }

    /** Whether the value is non-empty and ASCII digits only. */
    public static boolean isDigits(CharSequence value) {
        return value != null && !value.isEmpty() && isDigits(value, 0);
    }

    /** Whether every character from {@code from} on is an ASCII digit (true when there is none). */
    public static boolean isDigits(CharSequence value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
