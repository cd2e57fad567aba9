package io.github.cwmarketing.whatsapp.util;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an answer's body as a JSON object, or says in safe words why it is not one.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; an {@link UnreadableBodyException} when it is empty, not JSON or not an object. */
    public static ObjectNode readObject(ObjectMapper mapper, byte[] body) throws UnreadableBodyException {
        if (body == null || body.length == 0) {
            throw new UnreadableBodyException("an empty body");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonEOFException e) {
            throw new UnreadableBodyException("truncated JSON");
        } catch (IOException e) {
            // the parser's message may quote the body: say what, not where
            throw new UnreadableBodyException("a body that is not JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new UnreadableBodyException("an empty body");
        }
        if (!tree.isObject()) {
            throw new UnreadableBodyException("a JSON " + describe(tree) + ", not an object");
        }
        return (ObjectNode) tree;
    }

    /** The JSON type of a node in words: array, string, number, boolean, null, object. */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case OBJECT, POJO -> "object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
