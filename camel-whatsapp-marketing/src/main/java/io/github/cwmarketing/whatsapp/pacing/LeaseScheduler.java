package io.github.cwmarketing.whatsapp.pacing;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the database work of shared pacing runs: one thread of its own, never a route, scheduler or I/O thread.
 */
interface LeaseScheduler extends AutoCloseable {

    /** Runs the task after the delay; does nothing once closed. */
    void schedule(Runnable task, long delayNanos);

    @Override
    void close();

    /** One daemon thread with this name. */
    static LeaseScheduler ownThread(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new LeaseScheduler() {
            @Override
            public void schedule(Runnable task, long delayNanos) {
                try {
                    executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // closed: the pacers were closed as well
                }
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
