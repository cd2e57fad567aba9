package io.github.cwmarketing.whatsapp.send;

import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;

/**
 * A complete marketing message: the typed view that is validated, and the JSON that is sent. For a JSON or Map
 * payload the JSON is the payload itself, every field in its order, with only the missing defaults added.
 *
 * @param request the typed view of {@code json}
 * @param json    the request body to send
 */
public record AssembledMessage(MarketingMessageRequest request, byte[] json) {
}
