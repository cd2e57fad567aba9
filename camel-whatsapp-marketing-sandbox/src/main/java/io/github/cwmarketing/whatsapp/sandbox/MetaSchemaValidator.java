package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.List;

/**
 * Validates a request against Meta's {@code MarketingMessageRequestPayload} schema, after working around the schema's
 * known gaps with {@link SpecGapNormalizer}.
 */
final class MetaSchemaValidator implements SandboxRequestRule {

    private final SpecGapNormalizer normalizer = new SpecGapNormalizer();

    /** Compiles the shared schema now rather than on the first request. */
    static void warmUp() {
        MetaSpecSchema.marketingMessageRequest();
    }

    @Override
    public List<String> validate(JsonNode request) {
        return MetaSpecSchema.marketingMessageRequest().validate(normalizer.normalize(request)).stream()
                .map(MetaSchemaValidator::describe)
                .distinct()
                .toList();
    }

    // networknt 2.0.1's own messages lose their arguments ("required property '{1}' not found"), so we word them.
    private static String describe(Error error) {
        String where = error.getInstanceLocation().toString();
        switch (error.getKeyword()) {
            case "required":
                return where + ": required property '" + error.getProperty() + "' is missing";
            case "additionalProperties":
                return where + ": property '" + error.getProperty() + "' is not allowed";
            case "enum":
                return where + ": " + error.getInstanceNode() + " is not one of " + error.getSchemaNode();
            case "const":
                return where + ": " + error.getInstanceNode() + " must be " + error.getSchemaNode();
            case "type":
                return where + ": " + error.getInstanceNode().getNodeType().name().toLowerCase()
                        + " found, " + error.getSchemaNode() + " expected";
            case "pattern":
                return where + ": " + error.getInstanceNode() + " does not match " + error.getSchemaNode();
            default:
                return where + ": " + error.getKeyword() + " violated: " + error.getMessage();
        }
    }
}
