package io.github.cwmarketing.whatsapp.sandbox;

import java.util.Objects;

/**
 * One status webhook a scenario emits for an accepted message: {@code sent}, {@code delivered}, {@code read}, or
 * {@code failed} with an error.
 *
 * @param status the webhook {@code status} value
 * @param error  the error of a {@code failed} status, else {@code null}
 */
public record StatusStep(String status, WhatsAppError error) {

    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String READ = "read";
    public static final String FAILED = "failed";

    public StatusStep {
        Objects.requireNonNull(status, "status");
        if (FAILED.equals(status) != (error != null)) {
            throw new IllegalArgumentException("an error is required for, and only for, a failed status");
        }
    }

    public static StatusStep sent() {
        return new StatusStep(SENT, null);
    }

    public static StatusStep delivered() {
        return new StatusStep(DELIVERED, null);
    }

    public static StatusStep read() {
        return new StatusStep(READ, null);
    }

    public static StatusStep failed(WhatsAppError error) {
        return new StatusStep(FAILED, Objects.requireNonNull(error, "error"));
    }

    boolean isDeliveredOrRead() {
        return DELIVERED.equals(status) || READ.equals(status);
    }
}
