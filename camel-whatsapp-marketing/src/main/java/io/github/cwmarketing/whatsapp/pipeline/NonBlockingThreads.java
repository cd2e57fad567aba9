package io.github.cwmarketing.whatsapp.pipeline;

/**
 * The threads on which the component must never wait: its scheduler, the shared pacing's leaser, the message ledger's
 * threads (a send continues there once the ledger answered its claim; a route continues there after a duplicate), the
 * HTTP client's I/O threads, and Vert.x event loops (a route continuing there after a webhook or an earlier send).
 * Recognised by name: the component names its own threads with these names ({@code JdbcMessageLedger} starts each of
 * its threads' names with {@code WhatsAppMarketingLedger}), HttpClient 5 and Vert.x name theirs so.
 */
public final class NonBlockingThreads {

    /** The name of the component's scheduler (pacing waits, retry delays, response deadlines). */
    public static final String SCHEDULER_NAME = "WhatsAppMarketingScheduler";
    /** The name of the thread that leases tokens from the shared pacing database. */
    public static final String LEASER_NAME = "WhatsAppMarketingPacingLeaser";
    private static final String LEDGER = "WhatsAppMarketingLedger";
    private static final String HTTP_CLIENT_IO = "httpclient-dispatch";
    private static final String VERTX_EVENT_LOOP = "vert.x-eventloop-thread";

    private NonBlockingThreads() {
    }

    /** Whether the current thread may wait (a route thread, a pool thread of the application). */
    public static boolean currentMayWait() {
        String name = Thread.currentThread().getName();
        return !(name.contains(SCHEDULER_NAME) || name.startsWith(LEASER_NAME) || name.startsWith(LEDGER)
                 || name.startsWith(HTTP_CLIENT_IO) || name.startsWith(VERTX_EVENT_LOOP));
    }
}
