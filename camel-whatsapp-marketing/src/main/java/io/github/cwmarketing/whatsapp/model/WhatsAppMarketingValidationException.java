package io.github.cwmarketing.whatsapp.model;

/**
 * The message breaks one of Meta's rules; it was not sent. {@link #getField()} names the JSON path of the field and
 * {@link #getRule()} the rule it broke.
 */
public class WhatsAppMarketingValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public WhatsAppMarketingValidationException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String getField() {
        return field;
    }

    public String getRule() {
        return rule;
    }
}
