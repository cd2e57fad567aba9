package io.github.cwmarketing.whatsapp.pacing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * The token buckets of the phone numbers in one PostgreSQL table, through Bucket4j's {@code SELECT ... FOR UPDATE}
 * proxy manager: one row per pacing key, its state updated in one short transaction per call. Every call is a
 * database round trip and blocks: only the leaser thread calls it.
 */
final class BucketStore {

    /** The table, created when absent: {@code (id VARCHAR(255) PRIMARY KEY, state BYTEA)}. */
    static final String DEFAULT_TABLE = "whatsapp_marketing_pacing";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final String table;
    private final ProxyManager<String> proxies;
    private volatile boolean schemaReady;

    BucketStore(DataSource dataSource, String table, TimeMeter clock) {
        this.dataSource = dataSource;
        this.table = table;
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(table)
                .clientClock(clock)
                .requestTimeout(REQUEST_TIMEOUT)
                .build();
    }

    /** The bucket of a pacing key; the configuration is used when its row does not exist yet. No database access. */
    BucketProxy bucket(String pacingKey, Supplier<BucketConfiguration> configuration) {
        return proxies.builder().build(pacingKey, configuration);
    }

    /**
     * A bucket refilled at {@code messagesPerSecond}, holding at most {@code capacity} tokens: the burst allowed after
     * an idle period.
     */
    static BucketConfiguration configuration(int messagesPerSecond, long capacity) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillGreedy(messagesPerSecond, Duration.ofSeconds(1)).initialTokens(capacity).build())
                .build();
    }

    /** The rate stored for the key, or 0 when it has no row yet. */
    int storedRate(String pacingKey) {
        return proxies.getProxyConfiguration(pacingKey)
                .map(configuration -> (int) configuration.getBandwidths()[0].getRefillTokens())
                .orElse(0);
    }

    void replace(BucketProxy bucket, BucketConfiguration configuration) {
        bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
    }

    /**
     * Reserves {@code tokens} in the shared bucket, as Bucket4j's blocking consume does but without sleeping: returns
     * the nanoseconds until the tokens are this caller's (0 = now), or -1 when that would be more than
     * {@code maxWaitNanos} away (nothing reserved then).
     */
    long reserve(BucketProxy bucket, long tokens, long maxWaitNanos) {
        long[] wait = {0};
        boolean reserved = bucket.asBlocking().tryConsumeUninterruptibly(tokens, maxWaitNanos, nanos -> wait[0] = nanos);
        return reserved ? wait[0] : -1;
    }

    /** Creates the table when absent (once per store). */
    void ensureSchema() throws SQLException {
        if (schemaReady) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table
                              + " (id VARCHAR(255) PRIMARY KEY, state BYTEA)");
        } catch (SQLException e) {
            // two instances creating it at once: one of them fails on PostgreSQL's catalog, the table exists then
            if (!tableExists()) {
                throw e;
            }
        }
        schemaReady = true;
    }

    private boolean tableExists() {
        try (Connection connection = dataSource.getConnection();
             var result = connection.getMetaData().getTables(null, null, table, null)) {
            return result.next();
        } catch (SQLException e) {
            return false;
        }
    }
}
