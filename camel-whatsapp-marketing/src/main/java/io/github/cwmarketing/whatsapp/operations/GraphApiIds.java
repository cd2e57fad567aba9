package io.github.cwmarketing.whatsapp.operations;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.util.Digits;

import static org.apache.camel.util.ObjectHelper.isEmpty;

/**
 * The ids that go into an operation's URL path ({@code templateId}, {@code wabaId}): present and digits only,
 * checked before any request.
 */
public final class GraphApiIds {

    public static final String TEMPLATE_ID = "templateId";
    public static final String WABA_ID = "wabaId";

    private static final String TEMPLATE_ID_SOURCES = "set the templateId option or the CamelWhatsAppMarketingTemplateId"
                                                      + " header";
    private static final String WABA_ID_SOURCES = "set the wabaId option or the CamelWhatsAppMarketingWabaId header";

    private GraphApiIds() {
    }

    /** The template id, required. */
    public static String requireTemplateId(String templateId) {
        return require(TEMPLATE_ID, templateId, TEMPLATE_ID_SOURCES);
    }

    /** The WhatsApp Business Account id, required. */
    public static String requireWabaId(String wabaId) {
        return require(WABA_ID, wabaId, WABA_ID_SOURCES);
    }

    /**
     * The node of the creative-features operations: the template when a template id is given, else the WhatsApp
     * Business Account.
     */
    public static String templateOrWaba(String templateId, String wabaId) {
        if (isEmpty(templateId) && isEmpty(wabaId)) {
            throw new WhatsAppMarketingValidationException(TEMPLATE_ID,
                    "a templateId (template level) or a wabaId (account level) is required: " + TEMPLATE_ID_SOURCES
                                                                        + ", or " + WABA_ID_SOURCES);
        }
        return isEmpty(templateId) ? requireWabaId(wabaId) : requireTemplateId(templateId);
    }

    private static String require(String field, String value, String sources) {
        if (isEmpty(value)) {
            throw new WhatsAppMarketingValidationException(field, "is required: " + sources);
        }
        String id = value.trim();
        if (!Digits.isDigits(id)) {
            throw new WhatsAppMarketingValidationException(field, "must contain digits only, was '" + value + "'");
        }
        return id;
    }
}
