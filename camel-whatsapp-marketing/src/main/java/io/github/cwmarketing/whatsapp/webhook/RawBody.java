package io.github.cwmarketing.whatsapp.webhook;

import java.io.InputStream;
import java.time.Duration;

import org.apache.camel.Message;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;

/**
 * The exact bytes of a webhook request body, whatever form the platform-http engine hands it over in, and never more
 * than the limit. Which form to ask each engine for is decided here too, as options of the platform-http delegate:
 * <ul>
 * <li>Vert.x engines (Camel Main, JBang, plain Camel, Quarkus): {@code useBodyHandler=false}. The body arrives as the
 * paused Vert.x request, before anything is buffered, and is read here within the limits; otherwise Vert.x's
 * BodyHandler would buffer up to its own, server-wide limit (10 MiB by default) before the consumer is asked.</li>
 * <li>Spring Boot: {@code useStreaming=true}, so the body is the raw bytes (an InputStream) rather than a Reader that
 * decodes and re-encodes them, which would break the signature of non-ASCII bodies. Spring Boot's binding reads the
 * whole body before the consumer runs; the starter's servlet filter enforces the limits in front of it.</li>
 * </ul>
 */
public final class RawBody {

    private static final byte[] EMPTY = new byte[0];
    private static final String SPRING_BOOT_ENGINES = "org.apache.camel.component.platform.http.springboot.";
    private static final boolean VERTX = isPresent("io.vertx.core.http.HttpServerRequest");

    private RawBody() {
    }

    /** The options of the platform-http delegate that make the engine hand the body over as read here. */
    public static String platformHttpOptions(PlatformHttpEngine engine) {
        boolean springBoot = engine != null && engine.getClass().getName().startsWith(SPRING_BOOT_ENGINES);
        return springBoot ? "useStreaming=true" : "useBodyHandler=false";
    }

    /**
     * Reads the body of a platform-http request message: a byte[] as is, an unread Vert.x request or a stream up to the
     * limit only, and an engine buffer (Vert.x's Buffer) through Camel's type converters, which copy its bytes once.
     */
    public static byte[] read(Message message, WebhookBodyLimits limits, long declaredLength) throws WebhookRejection {
        Object body = message.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = EMPTY;
        } else if (body instanceof byte[] array) {
            bytes = array;
        } else if (VERTX && VertxRequestBody.isRequest(body)) {
            bytes = VertxRequestBody.read(body, limits.newBuffer(declaredLength));
        } else if (body instanceof InputStream stream) {
            bytes = limits.read(stream, declaredLength);
        } else {
            bytes = message.getBody(byte[].class);
        }
        if (bytes == null) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable body");
        }
        if (bytes.length > limits.maxBodySize()) {
            throw limits.tooLarge();
        }
        return bytes;
    }

    /**
     * Lets the engine drop a body refused before (or while) it is read: the rest is discarded, nothing kept, for at
     * most {@code drainTime} after the answer, then the connection is closed. Other engines finish the request their
     * own way (Tomcat swallows a bounded amount, then closes).
     */
    public static void discard(Message message, Duration drainTime) {
        Object body = message.getBody();
        if (VERTX && VertxRequestBody.isRequest(body)) {
            VertxRequestBody.closeAfterResponse(body, drainTime);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, RawBody.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
