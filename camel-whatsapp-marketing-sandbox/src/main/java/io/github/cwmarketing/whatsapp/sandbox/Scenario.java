package io.github.cwmarketing.whatsapp.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * What the sandbox does with a message to a given recipient: optionally reject the first attempts synchronously, then
 * accept it, answering {@code messageStatus}, and emit the status webhooks of {@code steps}, one after the other.
 *
 * @param description      one line for logs and docs
 * @param rejectedAttempts how many first attempts to the recipient are rejected with {@code rejection}
 * @param rejection        the synchronous error of a rejected attempt, or {@code null} when none is rejected
 * @param steps            the statuses emitted for an accepted message, in order
 * @param messageStatus    {@code messages[0].message_status} of the answer accepting the message: {@link #ACCEPTED},
 *                         {@link #HELD_FOR_QUALITY_ASSESSMENT} or {@link #PAUSED}
 */
public record Scenario(String description, int rejectedAttempts, WhatsAppError rejection, List<StatusStep> steps,
                       String messageStatus) {

    /** The message is being processed. */
    public static final String ACCEPTED = "accepted";
    /** Meta holds the message until it has assessed its quality, then sends or drops it. */
    public static final String HELD_FOR_QUALITY_ASSESSMENT = "held_for_quality_assessment";
    /** Meta paused the message's delivery. */
    public static final String PAUSED = "paused";

    public Scenario {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(messageStatus, "messageStatus");
        steps = List.copyOf(steps);
        if (rejectedAttempts < 0 || (rejectedAttempts > 0) != (rejection != null)) {
            throw new IllegalArgumentException("a rejection error is required for, and only for, rejected attempts");
        }
    }

    /** A scenario whose accepting answer says {@code accepted}. */
    public Scenario(String description, int rejectedAttempts, WhatsAppError rejection, List<StatusStep> steps) {
        this(description, rejectedAttempts, rejection, steps, ACCEPTED);
    }

    /** A scenario that accepts every attempt and emits {@code steps}. */
    public static Scenario of(String description, StatusStep... steps) {
        return new Scenario(description, 0, null, List.of(steps));
    }

    /** This scenario, but the first {@code attempts} sends to the recipient fail with {@code error}. */
    public Scenario rejectingFirst(int attempts, WhatsAppError error) {
        return new Scenario(description, attempts, error, steps, messageStatus);
    }

    /** This scenario, but the answer accepting the message says {@code status} (e.g. {@link #PAUSED}). */
    public Scenario answering(String status) {
        return new Scenario(description, rejectedAttempts, rejection, steps, status);
    }

    /** Whether the {@code attempt}-th send (1-based) to the recipient is rejected synchronously. */
    public boolean rejects(int attempt) {
        return attempt <= rejectedAttempts;
    }

    /**
     * Whether the status at {@code index} carries {@code pricing}: Meta prices {@code sent} and the first of
     * {@code delivered}/{@code read}, never {@code failed}.
     */
    boolean pricedAt(int index) {
        StatusStep step = steps.get(index);
        if (StatusStep.SENT.equals(step.status())) {
            return true;
        }
        if (!step.isDeliveredOrRead()) {
            return false;
        }
        return steps.subList(0, index).stream().noneMatch(StatusStep::isDeliveredOrRead);
    }
}
