package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A rule a {@code /marketing_messages} request body must satisfy. Violations make the sandbox answer HTTP 400 with
 * error code 100, the messages joined in {@code error_data.details}. Plug in client-side rules with
 * {@link WhatsAppSandbox.Builder#requestRule(SandboxRequestRule)}.
 */
@FunctionalInterface
public interface SandboxRequestRule {

    /**
     * @param request the parsed request body (do not modify it)
     * @return the violations, empty when the request is valid
     */
    List<String> validate(JsonNode request);
}
