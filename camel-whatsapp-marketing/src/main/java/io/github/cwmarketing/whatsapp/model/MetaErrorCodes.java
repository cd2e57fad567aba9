package io.github.cwmarketing.whatsapp.model;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.github.cwmarketing.whatsapp.model.AutomaticRetry.NEVER;
import static io.github.cwmarketing.whatsapp.model.AutomaticRetry.REFUSED;
import static io.github.cwmarketing.whatsapp.model.AutomaticRetry.SERVER_ERROR;
import static io.github.cwmarketing.whatsapp.model.RetryClass.CONFIGURATION;
import static io.github.cwmarketing.whatsapp.model.RetryClass.PER_RECIPIENT;
import static io.github.cwmarketing.whatsapp.model.RetryClass.RATE_LIMITED;
import static io.github.cwmarketing.whatsapp.model.RetryClass.TRANSIENT;
import static io.github.cwmarketing.whatsapp.model.RetryClass.VALIDATION;

/**
 * The one table of Meta's error codes the component knows: each code's {@link RetryClass}, and whether a request
 * answered with it is sent again automatically ({@link AutomaticRetry}): {@code refused} codes are limits Meta
 * applies before accepting anything, {@code serverError} codes are temporary failures inside Meta that do not prove
 * the message was not accepted. The component documentation's error and retry tables are this one.
 */
public final class MetaErrorCodes {

    private record Rule(RetryClass retryClass, AutomaticRetry automaticRetry) {
    }

    private static final Map<Integer, Rule> RULES = Map.ofEntries(
            rule(0, CONFIGURATION), serverError(1, TRANSIENT), serverError(2, TRANSIENT), rule(3, CONFIGURATION),
            refused(4, RATE_LIMITED), rule(10, CONFIGURATION), rule(33, CONFIGURATION), rule(100, VALIDATION),
            rule(190, CONFIGURATION), rule(200, CONFIGURATION), rule(368, CONFIGURATION),
            refused(80007, RATE_LIMITED), refused(80008, RATE_LIMITED), rule(130403, PER_RECIPIENT),
            refused(130429, RATE_LIMITED), rule(130472, PER_RECIPIENT), rule(130497, CONFIGURATION),
            serverError(131000, TRANSIENT), rule(131005, CONFIGURATION), rule(131008, VALIDATION),
            rule(131009, VALIDATION), serverError(131016, TRANSIENT), rule(131021, VALIDATION),
            rule(131026, PER_RECIPIENT), rule(131031, CONFIGURATION), rule(131037, CONFIGURATION),
            rule(131042, CONFIGURATION), rule(131045, CONFIGURATION), rule(131047, VALIDATION),
            rule(131048, RATE_LIMITED), rule(131049, PER_RECIPIENT), rule(131050, PER_RECIPIENT),
            rule(131051, VALIDATION), rule(131053, VALIDATION), rule(131055, VALIDATION),
            refused(131056, PER_RECIPIENT), refused(131057, TRANSIENT), rule(131061, VALIDATION),
            rule(131062, VALIDATION), rule(131063, CONFIGURATION), rule(131064, CONFIGURATION),
            rule(132000, VALIDATION), rule(132001, CONFIGURATION), rule(132005, VALIDATION),
            rule(132007, CONFIGURATION), rule(132012, VALIDATION), rule(132015, CONFIGURATION),
            rule(132016, CONFIGURATION), rule(132018, VALIDATION), rule(132068, CONFIGURATION),
            rule(132069, RATE_LIMITED), rule(133004, TRANSIENT), rule(133010, CONFIGURATION),
            rule(134011, CONFIGURATION), rule(134100, VALIDATION), rule(134101, TRANSIENT),
            rule(134102, CONFIGURATION), rule(135000, VALIDATION), rule(2494100, TRANSIENT));

    private MetaErrorCodes() {
    }

    /** The retry class of a known code, or null for a code not in the table. */
    public static RetryClass retryClass(int code) {
        Rule rule = RULES.get(code);
        return rule == null ? null : rule.retryClass();
    }

    /**
     * Whether a request answered with this error is sent again automatically: by the code's rule; for no code or one
     * not in the table, HTTP 429 (Too Many Requests) is {@link AutomaticRetry#REFUSED}, HTTP 503 (Service
     * Unavailable) a {@link AutomaticRetry#SERVER_ERROR}, anything else {@link AutomaticRetry#NEVER}.
     */
    public static AutomaticRetry automaticRetry(Integer code, int httpStatus) {
        Rule rule = code == null ? null : RULES.get(code);
        if (rule != null) {
            return rule.automaticRetry();
        }
        if (httpStatus == 429) {
            return REFUSED;
        }
        return httpStatus == 503 ? SERVER_ERROR : NEVER;
    }

    /** The codes whose rule is {@code retry}, in ascending order (for the documentation). */
    public static SortedSet<Integer> codes(AutomaticRetry retry) {
        SortedSet<Integer> codes = new TreeSet<>();
        RULES.forEach((code, rule) -> {
            if (rule.automaticRetry() == retry) {
                codes.add(code);
            }
        });
        return codes;
    }

    private static Map.Entry<Integer, Rule> rule(int code, RetryClass retryClass) {
        return Map.entry(code, new Rule(retryClass, NEVER));
    }

    private static Map.Entry<Integer, Rule> refused(int code, RetryClass retryClass) {
        return Map.entry(code, new Rule(retryClass, REFUSED));
    }

    private static Map.Entry<Integer, Rule> serverError(int code, RetryClass retryClass) {
        return Map.entry(code, new Rule(retryClass, SERVER_ERROR));
    }
}
