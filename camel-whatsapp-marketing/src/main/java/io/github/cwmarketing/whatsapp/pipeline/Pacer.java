package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.CompletionStage;

/**
 * The rate of the requests of one phone number id (the pacing key): a source of send slots. The component asks for
 * one slot at a time, only for a request that is ready to go, and schedules the request for the slot's time; requests
 * that wait longer queue in the component, not in the pacer, so that a rate change applies to them at once.
 * <p>
 * Implementations must never block: {@code acquire()} runs on route threads, on the component's scheduler and on
 * HttpClient's I/O threads. A pacer that needs remote state (a database, Redis) keeps what it needs locally (tokens
 * leased in advance), refills in the background, and completes the stage later when it has no slot at hand.
 */
public interface Pacer extends AutoCloseable {

    /**
     * Books the next slot. The stage completes (at once, or later when the pacer first has to get tokens) with the
     * nanoseconds to wait from its completion before the request may be sent (0 = now); or exceptionally with a
     * {@link io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException} when no slot can be had (the
     * shared store is unreachable): the request is then not sent. Never blocks.
     */
    CompletionStage<Long> acquire();

    /** The rate this pacer allows now, in messages per second. */
    int messagesPerSecond();

    /**
     * Changes the rate (the adaptive tier of {@code maxMessagesPerSecond}); a shared pacer changes it for every
     * instance. Pacers with a fixed rate keep this default, and the component then refuses {@code maxMessagesPerSecond}
     * at start-up.
     *
     * @throws UnsupportedOperationException when the rate is fixed
     */
    default void setMessagesPerSecond(int messagesPerSecond) {
        throw new UnsupportedOperationException(getClass().getName() + " has a fixed rate");
    }

    /** Releases what the pacer holds (a lease, a thread); called when the component stops. */
    @Override
    default void close() {
    }
}
