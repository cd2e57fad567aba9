package io.github.cwmarketing.whatsapp.ledger;

/**
 * The one form the ledger keys recipients by, so that a send, a status webhook and an imported opt-out meet: a phone
 * number as {@code +} and its digits (the formatting Meta accepts, spaces, hyphens, dots and parentheses, removed;
 * webhooks carry the digits without {@code +}); anything else (a BSUID such as {@code US.13491208655302741918}) as
 * given, trimmed.
 */
public final class Recipients {

    private Recipients() {
    }

    /** The ledger key of a phone number or BSUID, or null for null or blank. */
    public static String key(String recipient) {
        if (recipient == null) {
            return null;
        }
        String trimmed = recipient.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (!isPhoneNumber(trimmed)) {
            return trimmed;
        }
        StringBuilder digits = new StringBuilder(trimmed.length() + 1).append('+');
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static boolean isPhoneNumber(String value) {
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c == '+' && i == 0) && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                return false;
            }
        }
        return digit;
    }
}
