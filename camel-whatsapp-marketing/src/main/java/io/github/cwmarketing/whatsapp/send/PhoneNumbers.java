package io.github.cwmarketing.whatsapp.send;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;

/**
 * The recipient's phone number ({@code to}) checked with libphonenumber: the formatting Meta accepts (a leading plus,
 * spaces, hyphens, dots, parentheses) around digits that form a possible number of a country; anything else is refused
 * with a clear message before any request. Also where a number is, for the United States rule: +1 covers the US,
 * Canada and the Caribbean, told apart by region; a +1 number of no known region counts as US.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";
    private static final int NORTH_AMERICA = 1;

    private PhoneNumbers() {
    }

    /** The number of {@code to}, or a validation error naming what is wrong with it. */
    public static PhoneNumber parse(String to) {
        StringBuilder digits = new StringBuilder(to.length());
        for (int i = 0; i < to.length(); i++) {
            char c = to.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == '+' && i == 0) && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                throw invalid("must be a phone number: digits in international format, optionally after a leading +"
                              + " and with spaces, hyphens or parentheses");
            }
        }
        if (digits.isEmpty() || digits.length() > RequestValidator.PHONE_NUMBER_MAX_DIGITS) {
            throw invalid("must be a phone number of 1 to " + RequestValidator.PHONE_NUMBER_MAX_DIGITS + " digits");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse("+" + digits, UNKNOWN_REGION);
        } catch (NumberParseException e) {
            throw invalid("is not a phone number in international format (country code first): " + e.getMessage());
        }
        PhoneNumberUtil.ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
            throw invalid("is not a possible phone number for country code +" + number.getCountryCode() + " ("
                          + possible.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
        return number;
    }

    /** The number in E.164 form, e.g. {@code +4915112345678}. */
    public static String e164(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** Whether the number is in the United States (or a +1 number of no known region). */
    public static boolean isUnitedStates(PhoneNumber number) {
        if (number.getCountryCode() != NORTH_AMERICA) {
            return false;
        }
        String region = UTIL.getRegionCodeForNumber(number);
        return region == null || "US".equals(region);
    }

    private static WhatsAppMarketingValidationException invalid(String description) {
        return new WhatsAppMarketingValidationException("to", description);
    }
}
