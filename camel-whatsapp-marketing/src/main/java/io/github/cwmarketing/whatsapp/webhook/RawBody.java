package io.github.cwmarketing.whatsapp.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Message;

/**
 * The exact bytes of a webhook request body, whatever form the platform-http engine hands it over in, and never more
 * than the limit.
 */
public final class RawBody {

    private static final byte[] EMPTY = new byte[0];
    private static final int CHUNK = 8192;

    private RawBody() {
    }

    /**
     * Reads the body of a platform-http request message: a byte[] as is, a stream up to the limit only, and an engine
     * buffer (Vert.x's Buffer) through Camel's type converters, which copy its bytes once.
     */
    public static byte[] read(Message message, int maxBodySize) throws WebhookRejection {
        Object body = message.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = EMPTY;
        } else if (body instanceof byte[] array) {
            bytes = array;
        } else if (body instanceof InputStream stream) {
            bytes = readAtMost(stream, maxBodySize);
        } else {
            bytes = message.getBody(byte[].class);
        }
        if (bytes == null) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable body");
        }
        if (bytes.length > maxBodySize) {
            throw tooLarge(maxBodySize);
        }
        return bytes;
    }

    static WebhookRejection tooLarge(int maxBodySize) {
        return new WebhookRejection(WebhookResponse.PAYLOAD_TOO_LARGE, "Body larger than " + maxBodySize + " bytes");
    }

    private static byte[] readAtMost(InputStream stream, int maxBodySize) throws WebhookRejection {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBodySize, CHUNK));
            byte[] chunk = new byte[CHUNK];
            int read;
            while ((read = stream.read(chunk)) != -1) {
                if (out.size() + read > maxBodySize) {
                    throw tooLarge(maxBodySize);
                }
                out.write(chunk, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable body", e);
        }
    }
}
