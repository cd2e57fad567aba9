package io.github.cwmarketing.whatsapp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;

/**
 * How much of a webhook POST body is read and for how long: at most {@code maxBodySize} bytes, within
 * {@code readTimeout}. A body announced larger is refused before it is read; a body that grows past the limit is refused
 * as soon as it does; memory grows with what arrived, never past the limit. A compressed body is refused too: the
 * signature covers the bytes as sent, and inflating them would escape the limit.
 */
public final class WebhookBodyLimits {

    private static final int CHUNK = 8192;
    private static final String IDENTITY = "identity";

    private final int maxBodySize;
    private final Duration readTimeout;

    public WebhookBodyLimits(int maxBodySize, Duration readTimeout) {
        if (maxBodySize <= 0 || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("maxBodySize and readTimeout must be positive");
        }
        this.maxBodySize = maxBodySize;
        this.readTimeout = readTimeout;
    }

    public int maxBodySize() {
        return maxBodySize;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Refuses, before anything is read, a body announced larger than the limit ({@code declaredLength}, -1 when
     * unknown) or sent with a {@code Content-Encoding} (null when none).
     */
    public void checkHeaders(long declaredLength, String contentEncoding) throws WebhookRejection {
        if (declaredLength > maxBodySize) {
            throw tooLarge();
        }
        if (contentEncoding != null && !contentEncoding.isBlank()
                && !IDENTITY.equals(contentEncoding.trim().toLowerCase(Locale.ROOT))) {
            throw new WebhookRejection(WebhookResponse.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding " + contentEncoding.trim() + " is not supported");
        }
    }

    /** An empty buffer for one body, whose read time starts now. */
    BodyBuffer newBuffer(long declaredLength) {
        return new BodyBuffer(this, declaredLength);
    }

    /**
     * Reads a body from a blocking stream within the limits, and closes it. A read that blocks is bounded by the
     * server's own socket timeout; the deadline is checked each time bytes arrive.
     */
    public byte[] read(InputStream stream, long declaredLength) throws WebhookRejection {
        BodyBuffer body = newBuffer(declaredLength);
        byte[] chunk = new byte[CHUNK];
        try (stream) {
            int read;
            while ((read = stream.read(chunk)) != -1) {
                body.append(chunk, 0, read);
                body.checkDeadline();
            }
        } catch (IOException e) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable body", e);
        }
        return body.toByteArray();
    }

    /**
     * How long the rest of a body refused unread is discarded before the connection is closed: the read timeout, so
     * that a client still sending gets to read the answer; nothing after a timeout, the client being too slow anyway.
     */
    public Duration drainTime(WebhookRejection refusal) {
        return refusal.getStatus() == WebhookResponse.REQUEST_TIMEOUT ? Duration.ZERO : readTimeout;
    }

    WebhookRejection tooLarge() {
        return new WebhookRejection(WebhookResponse.PAYLOAD_TOO_LARGE, "Body larger than " + maxBodySize + " bytes");
    }

    WebhookRejection tooSlow() {
        return new WebhookRejection(WebhookResponse.REQUEST_TIMEOUT,
                "Body not received within " + readTimeout.toMillis() + " ms");
    }
}
