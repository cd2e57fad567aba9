package io.github.cwmarketing.whatsapp.sandbox;

import java.time.Instant;

/**
 * A valid send the sandbox refused synchronously by one of its rules (throughput 130429, pair rate limit 131056, a
 * scenario's rejected first attempts, onboarding): together with {@link SentMessage}s, every send attempt that reached
 * the number, e.g. to measure the rate a cluster of senders really produced.
 *
 * @param recipient {@code to} when present, else the BSUID of {@code recipient}
 * @param errorCode the Meta error code of the refusal
 * @param refusedAt when the sandbox refused it
 */
public record RefusedSend(String recipient, int errorCode, Instant refusedAt) {
}
