package io.github.cwmarketing.whatsapp.webhook;

import java.util.Arrays;

/**
 * The bytes of one webhook body as they arrive: it grows with them (doubling, up to the announced length or the
 * limit, so a body of the announced length ends in an array of exactly its size) and refuses to pass the limit or
 * the deadline. Not thread-safe: one writer at a time, handing the result over through a happens-before edge.
 */
final class BodyBuffer {

    private static final int INITIAL_CAPACITY = 8192;

    private final WebhookBodyLimits limits;
    private final int expectedLength;
    private final long deadline;
    private byte[] bytes;
    private int size;

    BodyBuffer(WebhookBodyLimits limits, long declaredLength) {
        this.limits = limits;
        this.expectedLength = declaredLength >= 0 && declaredLength <= limits.maxBodySize()
                ? (int) declaredLength : limits.maxBodySize();
        this.deadline = System.nanoTime() + limits.readTimeout().toNanos();
        this.bytes = new byte[Math.min(INITIAL_CAPACITY, expectedLength)];
    }

    void append(byte[] chunk, int offset, int length) throws WebhookRejection {
        if (length > limits.maxBodySize() - size) {
            throw limits.tooLarge();
        }
        ensureCapacity(size + length);
        System.arraycopy(chunk, offset, bytes, size, length);
        size += length;
    }

    private void ensureCapacity(int needed) {
        if (needed <= bytes.length) {
            return;
        }
        int ceiling = needed <= expectedLength ? expectedLength : limits.maxBodySize();
        bytes = Arrays.copyOf(bytes, (int) Math.min(ceiling, Math.max(needed, 2L * bytes.length)));
    }

    void checkDeadline() throws WebhookRejection {
        if (remainingNanos() <= 0) {
            throw deadlinePassed();
        }
    }

    WebhookRejection deadlinePassed() {
        return limits.tooSlow();
    }

    long remainingNanos() {
        return deadline - System.nanoTime();
    }

    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
