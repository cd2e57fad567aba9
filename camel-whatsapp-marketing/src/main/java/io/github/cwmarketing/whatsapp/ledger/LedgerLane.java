package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread with one database connection that applies queued ledger operations in batches: it takes whatever queued
 * up while the previous batch ran (group commit), executes each kind's group with set-based statements in one
 * transaction, commits, and only then completes the callers' stages, on the completion executor. A batch that fails
 * is retried on a deadlock or serialization failure, executed task by task when one task is at fault, and failed as a
 * whole (with a typed exception) when the database is unreachable; the connection is then opened afresh for the next
 * batch. Every task has a deadline; a result that arrives after it is handed to {@link LaneTask#late()}. A statement
 * that gets no answer for as long as the deadline breaks the connection (JDBC's network timeout).
 */
final class LedgerLane {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerLane.class);
    private static final int ATTEMPTS = 3;
    private static final Duration CONNECTION_MAX_AGE = Duration.ofMinutes(10);
    private static final Duration RETRY_WHEN_UNAVAILABLE = Duration.ofMillis(500);

    private final String name;
    private final DataSource dataSource;
    private final int maxBatch;
    private final Duration timeout;
    private final Executor completions;
    private final ScheduledExecutorService timer;
    private final BlockingDeque<LaneTask<?>> queue;
    private final Thread thread;
    private volatile boolean running;
    private Connection connection;
    private long connectionOpenedAt;

    LedgerLane(String name, DataSource dataSource, int maxBatch, int maxQueue, Duration timeout, Executor completions,
               ScheduledExecutorService timer) {
        this.name = name;
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.completions = completions;
        this.timer = timer;
        this.queue = new LinkedBlockingDeque<>(maxQueue);
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
    }

    /** Queues the task; its stage fails at once when the lane is stopped or full, later when its deadline passes. */
    <T> CompletableFuture<T> submit(LaneTask<T> task) {
        return enqueue(task, false);
    }

    /** Queues the task ahead of the others (the lease heartbeat must not wait behind a busy queue). */
    <T> CompletableFuture<T> submitFirst(LaneTask<T> task) {
        return enqueue(task, true);
    }

    private <T> CompletableFuture<T> enqueue(LaneTask<T> task, boolean first) {
        if (!running) {
            task.future.completeExceptionally(new WhatsAppMarketingLedgerException("The message ledger is not started",
                    null));
            return task.future;
        }
        boolean queued = first ? queue.offerFirst(task) : queue.offerLast(task);
        if (!queued) {
            task.future.completeExceptionally(new WhatsAppMarketingLedgerException("The message ledger's " + name
                                                                                    + " queue is full", null));
            return task.future;
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> task.future.completeExceptionally(
                new WhatsAppMarketingLedgerException("The message ledger did not answer within " + timeout.toMillis()
                                                     + " ms", null)), timeout.toMillis(), TimeUnit.MILLISECONDS);
        task.future.whenComplete((result, failure) -> deadline.cancel(false));
        return task.future;
    }

    /** Stops taking tasks, applies what is queued, and closes the connection. */
    void stop(Duration grace) throws InterruptedException {
        running = false;
        thread.join(grace.toMillis());
        closeConnection();
    }

    private void loop() {
        List<LaneTask<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                LaneTask<?> head = queue.poll(100, TimeUnit.MILLISECONDS);
                if (head == null) {
                    continue;
                }
                batch.add(head);
                queue.drainTo(batch, maxBatch - 1);
                execute(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.warn("Message ledger lane {} failed a batch: {}", name, e.getMessage(), e);
                failAll(batch, e);
            } finally {
                batch.clear();
            }
        }
        List<LaneTask<?>> rest = new ArrayList<>();
        queue.drainTo(rest);
        failAll(rest, new WhatsAppMarketingLedgerException("The message ledger stopped", null));
    }

    /**
     * The tasks queued before an isolated one (a report, a purge) are committed before it runs, so that it sees them;
     * the others of the batch share one transaction.
     */
    private void execute(List<LaneTask<?>> batch) {
        List<LaneTask<?>> shared = new ArrayList<>(batch.size());
        for (LaneTask<?> task : batch) {
            if (task.runner().isolated()) {
                if (!shared.isEmpty()) {
                    runInTransaction(shared);
                    shared = new ArrayList<>(batch.size());
                }
                runInTransaction(List.of(task));
            } else {
                shared.add(task);
            }
        }
        if (!shared.isEmpty()) {
            runInTransaction(shared);
        }
    }

    private void runInTransaction(List<LaneTask<?>> tasks) {
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            boolean committing = false;
            try {
                Connection c = connection();
                for (List<LaneTask<?>> group : groups(tasks)) {
                    group.get(0).runner().run(c, group);
                }
                committing = true;
                c.commit();
                tasks.forEach(this::deliver);
                return;
            } catch (SQLException e) {
                rollback();
                if (isBrokenConnection(e)) {
                    closeConnection();
                    // a connection that broke while idle (a database restart) fails its first use; nothing of an
                    // uncommitted transaction survives a broken connection, so one retry on a new one is safe
                    if (!committing && !reconnected) {
                        reconnected = true;
                        continue;
                    }
                    unavailable(tasks, e);
                    return;
                }
                if (isRetryable(e) && attempt < ATTEMPTS) {
                    continue;
                }
                if (tasks.size() > 1) {
                    LOG.debug("Message ledger batch of {} failed ({}); applying its tasks one by one", tasks.size(),
                            e.getMessage());
                    tasks.forEach(task -> runInTransaction(List.of(task)));
                    return;
                }
                LOG.warn("Message ledger operation failed: {}", e.getMessage());
                failAll(tasks, new WhatsAppMarketingLedgerException("Message ledger operation failed: " + e.getMessage(),
                        e));
                return;
            }
        }
    }

    /** Fails what callers wait for; keeps the writes that must not be lost, to try them again shortly. */
    private void unavailable(List<LaneTask<?>> tasks, SQLException e) {
        List<LaneTask<?>> failed = new ArrayList<>();
        for (LaneTask<?> task : tasks) {
            if (task.keptWhenUnavailable() && running) {
                timer.schedule(() -> queue.offerLast(task), RETRY_WHEN_UNAVAILABLE.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                failed.add(task);
            }
        }
        failAll(failed, new WhatsAppMarketingLedgerException("The message ledger's database is unavailable: "
                                                             + e.getMessage(), e));
    }

    private static List<List<LaneTask<?>>> groups(List<LaneTask<?>> tasks) {
        Map<LaneTask.Runner, List<LaneTask<?>>> byRunner = new LinkedHashMap<>();
        tasks.stream().sorted(Comparator.comparingInt(task -> task.runner().order()))
                .forEach(task -> byRunner.computeIfAbsent(task.runner(), runner -> new ArrayList<>()).add(task));
        return new ArrayList<>(byRunner.values());
    }

    private <T> void deliver(LaneTask<T> task) {
        T result = task.result();
        completions.execute(() -> {
            if (!task.future.complete(result)) {
                task.late();
            }
        });
    }

    private void failAll(List<LaneTask<?>> tasks, Exception failure) {
        for (LaneTask<?> task : tasks) {
            completions.execute(() -> task.future.completeExceptionally(failure));
        }
    }

    private Connection connection() throws SQLException {
        if (connection != null && System.nanoTime() - connectionOpenedAt > CONNECTION_MAX_AGE.toNanos()) {
            closeConnection();
        }
        if (connection == null) {
            Connection opened = dataSource.getConnection();
            opened.setAutoCommit(false);
            // a database that stops answering (a stalled network, a frozen server) breaks the connection once no
            // caller waits any more, instead of holding the lane forever; the next batch opens a new one
            try {
                opened.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            } catch (SQLFeatureNotSupportedException unsupported) {
                LOG.debug("The ledger's JDBC driver has no network timeout; a database that hangs holds lane {}", name);
            }
            connection = opened;
            connectionOpenedAt = System.nanoTime();
        }
        return connection;
    }

    private boolean isBrokenConnection(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return connection == null || !connection.isValid(2);
        } catch (SQLException invalid) {
            return true;
        }
    }

    private static boolean isRetryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    private void rollback() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is checked next
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
            connection = null;
        }
    }
}
