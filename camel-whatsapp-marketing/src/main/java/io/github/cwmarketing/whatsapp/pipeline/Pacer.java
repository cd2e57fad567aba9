package io.github.cwmarketing.whatsapp.pipeline;

/**
 * Client-side pacing of the requests of one phone number id (the pacing key). {@link #reserve()} books the next free
 * slot and says how long the caller must wait for it; the caller schedules the send for then.
 * <p>
 * Implementations must never block: {@code reserve()} runs on route threads and, for retries, on the component's
 * scheduler and on HttpClient's I/O threads. A pacer that needs remote state (a database, Redis) must keep what it
 * needs locally (e.g. tokens leased in advance) and refill in the background, never wait for a round trip here.
 */
public interface Pacer {

    /** Books a slot for one request; returns the nanoseconds to wait before using it (0 = send now). Never blocks. */
    long reserve();

    /** The rate this pacer allows now, in messages per second. */
    int messagesPerSecond();
}
