package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One operation queued on a {@link LedgerLane}. Tasks of one kind share a {@link Runner} that executes a whole group of
 * them with set-based statements in the lane's transaction, then sets each task's result.
 *
 * @param <T> the result the caller's stage completes with
 */
abstract class LaneTask<T> {

    /** Executes a group of tasks of one kind within the lane's open transaction. */
    interface Runner {

        void run(Connection connection, List<LaneTask<?>> tasks) throws SQLException;

        /** The order of this kind within a batch: hand-overs and outcomes before new claims keeps causality. */
        int order();

        /** Whether tasks of this kind run alone, in their own transaction (long reads, chunked purges). */
        default boolean isolated() {
            return false;
        }
    }

    /** The statements of one kind of task, for {@link #runner}. */
    interface Body {

        void run(Connection connection, List<LaneTask<?>> tasks) throws SQLException;
    }

    /** The runner of one kind of task. */
    static Runner runner(int order, boolean isolated, Body body) {
        return new Runner() {
            @Override
            public void run(Connection connection, List<LaneTask<?>> tasks) throws SQLException {
                body.run(connection, tasks);
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public boolean isolated() {
                return isolated;
            }
        };
    }

    final CompletableFuture<T> future = new CompletableFuture<>();
    private final Runner runner;
    private T result;

    LaneTask(Runner runner) {
        this.runner = runner;
    }

    Runner runner() {
        return runner;
    }

    void result(T value) {
        this.result = value;
    }

    T result() {
        return result;
    }

    /**
     * Whether the task is kept and tried again when the database is unavailable (writes that must not be lost: a
     * claim's outcome, a release), instead of failing at once like everything a caller waits for.
     */
    boolean keptWhenUnavailable() {
        return false;
    }

    /** Called when the result was ready but the caller's stage had completed already (timed out). */
    void late() {
    }
}
