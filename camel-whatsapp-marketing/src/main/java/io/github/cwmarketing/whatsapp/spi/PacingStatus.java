package io.github.cwmarketing.whatsapp.spi;

/**
 * The live pacing state of one phone number id, given to listeners once when the component starts pacing the number
 * ({@link WhatsAppMarketingListener#onPacingStarted}) and valid until the component stops: read it whenever a value is
 * needed (a metrics gauge). Thread-safe; reads never block.
 */
public interface PacingStatus {

    /** The pacing key: the phone number id (for 360dialog without one, a fingerprint of the API key). */
    String phoneNumberId();

    /** The rate now in force, in messages per second (shared by every instance with {@code pacing=DATABASE}). */
    int messagesPerSecond();

    /** The most the adaptive rate may reach ({@code maxMessagesPerSecond}); equals the rate when it is fixed. */
    int maxMessagesPerSecond();

    /** Exchanges taken by the producer and not yet handed to the HTTP client (waiting for a pacing slot). */
    int pendingSends();
}
