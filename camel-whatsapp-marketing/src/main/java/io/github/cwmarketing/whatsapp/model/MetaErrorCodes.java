package io.github.cwmarketing.whatsapp.model;

import java.util.Map;

import static io.github.cwmarketing.whatsapp.model.RetryClass.CONFIGURATION;
import static io.github.cwmarketing.whatsapp.model.RetryClass.PER_RECIPIENT;
import static io.github.cwmarketing.whatsapp.model.RetryClass.RATE_LIMITED;
import static io.github.cwmarketing.whatsapp.model.RetryClass.TRANSIENT;
import static io.github.cwmarketing.whatsapp.model.RetryClass.VALIDATION;

/**
 * The one table of Meta's error codes the component knows: each code's {@link RetryClass}, and whether a request
 * answered with it is sent again automatically ({@code retried}: Meta documents that the request was not accepted
 * and asks to try again later). The component documentation's error table is this one.
 */
public final class MetaErrorCodes {

    /** "Cloud API message throughput has been reached": the phone number's messages per second. */
    public static final int THROUGHPUT_LIMIT = 130429;

    private record Rule(RetryClass retryClass, boolean retriedAutomatically) {
    }

    private static final Map<Integer, Rule> RULES = Map.ofEntries(
            rule(0, CONFIGURATION), retried(1, TRANSIENT), retried(2, TRANSIENT), rule(3, CONFIGURATION),
            retried(4, RATE_LIMITED), rule(10, CONFIGURATION), rule(33, CONFIGURATION), rule(100, VALIDATION),
            rule(190, CONFIGURATION), rule(200, CONFIGURATION), rule(368, CONFIGURATION),
            retried(80007, RATE_LIMITED), retried(80008, RATE_LIMITED), rule(130403, PER_RECIPIENT),
            retried(130429, RATE_LIMITED), rule(130472, PER_RECIPIENT), rule(130497, CONFIGURATION),
            retried(131000, TRANSIENT), rule(131005, CONFIGURATION), rule(131008, VALIDATION),
            rule(131009, VALIDATION), retried(131016, TRANSIENT), rule(131021, VALIDATION),
            rule(131026, PER_RECIPIENT), rule(131031, CONFIGURATION), rule(131037, CONFIGURATION),
            rule(131042, CONFIGURATION), rule(131045, CONFIGURATION), rule(131047, VALIDATION),
            rule(131048, RATE_LIMITED), rule(131049, PER_RECIPIENT), rule(131050, PER_RECIPIENT),
            rule(131051, VALIDATION), rule(131053, VALIDATION), rule(131055, VALIDATION),
            retried(131056, PER_RECIPIENT), retried(131057, TRANSIENT), rule(131061, VALIDATION),
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

    /** Whether Meta documents the code as "not accepted, try again": such a request is retried automatically. */
    public static boolean isRetriedAutomatically(int code) {
        Rule rule = RULES.get(code);
        return rule != null && rule.retriedAutomatically();
    }

    private static Map.Entry<Integer, Rule> rule(int code, RetryClass retryClass) {
        return Map.entry(code, new Rule(retryClass, false));
    }

    private static Map.Entry<Integer, Rule> retried(int code, RetryClass retryClass) {
        return Map.entry(code, new Rule(retryClass, true));
    }
}
