package io.github.cwmarketing.whatsapp.send;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cwmarketing.whatsapp.model.MarketingMessageResponse;
import io.github.cwmarketing.whatsapp.util.JsonBodies;
import io.github.cwmarketing.whatsapp.util.UnreadableBodyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Meta's 2xx answer to a send. The message id ({@code messages[0].id}) is the only proof that Meta accepted the
 * message, so an answer without one is not a success: {@link #read} throws an {@link UnreadableBodyException} naming
 * what is missing (the caller reports the outcome as unknown). With a message id the rest is read leniently: a field
 * of the wrong type elsewhere (e.g. {@code contacts}) is left out rather than turning an accepted message into a
 * failure.
 */
public final class SendResponseReader {

    private static final Logger LOG = LoggerFactory.getLogger(SendResponseReader.class);

    private final ObjectMapper mapper;

    public SendResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public MarketingMessageResponse read(byte[] body) throws UnreadableBodyException {
        ObjectNode answer = JsonBodies.readObject(mapper, body);
        JsonNode message = firstMessage(answer);
        JsonNode id = message.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new UnreadableBodyException("messages[0] without a message id");
        }
        try {
            return mapper.treeToValue(answer, MarketingMessageResponse.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.debug("Accepted as {}, but the rest of the answer does not match Meta's send response", id.asText());
            return messageOnly(answer, message);
        }
    }

    private static JsonNode firstMessage(ObjectNode answer) throws UnreadableBodyException {
        JsonNode messages = answer.get("messages");
        if (messages == null || messages.isNull()) {
            throw new UnreadableBodyException("an answer without messages");
        }
        if (!messages.isArray()) {
            throw new UnreadableBodyException("messages that is a JSON " + JsonBodies.describe(messages)
                                              + ", not an array");
        }
        if (messages.isEmpty()) {
            throw new UnreadableBodyException("an empty messages array");
        }
        if (!messages.get(0).isObject()) {
            throw new UnreadableBodyException("messages[0] that is a JSON " + JsonBodies.describe(messages.get(0))
                                              + ", not an object");
        }
        return messages.get(0);
    }

    private static MarketingMessageResponse messageOnly(ObjectNode answer, JsonNode message) {
        MarketingMessageResponse response = new MarketingMessageResponse();
        response.setMessagingProduct(text(answer.get("messaging_product")));
        MarketingMessageResponse.SentMessage sent = new MarketingMessageResponse.SentMessage();
        sent.setId(message.get("id").asText());
        sent.setMessageStatus(text(message.get("message_status")));
        response.setMessages(List.of(sent));
        return response;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
