package io.github.cwmarketing.whatsapp.pacing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import io.github.cwmarketing.whatsapp.pipeline.NonBlockingThreads;
import io.github.cwmarketing.whatsapp.pipeline.Pacer;
import io.github.cwmarketing.whatsapp.pipeline.PacerFactory;
import io.github.cwmarketing.whatsapp.pipeline.PacingSettings;

/**
 * Pacing shared by every instance that sends for a phone number id, through one PostgreSQL table: each number's rate
 * is one Bucket4j token bucket in the table ({@value BucketStore#DEFAULT_TABLE}, created when absent), and each
 * instance leases tokens from it in small batches on a thread of its own, so no route or I/O thread ever waits for
 * the database (about 10 round trips per second per busy instance and number, whatever the rate).
 * <p>
 * Used by the component with {@code pacing=DATABASE}; or create one and set it as the {@code pacerFactory} option.
 * Give it a pooled {@link DataSource} (HikariCP, Spring Boot's), with a socket timeout. The instances' clocks must be
 * synchronised (NTP): Bucket4j refills by the wall clock of the instance that touches the bucket.
 * <p>
 * The rate of a number is stored with its bucket. With a fixed rate, the rate an instance is configured with is
 * written when it starts (so all instances must be configured alike; the last one started wins). With an adaptive
 * rate ({@code maxMessagesPerSecond}), a rate already stored is kept, so a restarted instance continues at the tier
 * the others found; any instance's change is seen by the others within a second.
 */
public class PostgresPacerFactory implements PacerFactory, AutoCloseable {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final BucketStore store;
    private final LeaseScheduler leaser;
    private final LongSupplier nanoClock;
    private final List<LeasedPacer> pacers = new CopyOnWriteArrayList<>();

    /** Shares pacing through the default table, on this data source. */
    public PostgresPacerFactory(DataSource dataSource) {
        this(dataSource, BucketStore.DEFAULT_TABLE);
    }

    /** Shares pacing through the given table (created when absent), on this data source. */
    public PostgresPacerFactory(DataSource dataSource, String table) {
        this(dataSource, table, TimeMeter.SYSTEM_MILLISECONDS, System::nanoTime,
                LeaseScheduler.ownThread(NonBlockingThreads.LEASER_NAME));
    }

    PostgresPacerFactory(DataSource dataSource, String table, TimeMeter sharedClock, LongSupplier nanoClock,
                         LeaseScheduler leaser) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain SQL table name: " + table);
        }
        this.store = new BucketStore(dataSource, table, sharedClock);
        this.leaser = leaser;
        this.nanoClock = nanoClock;
    }

    @Override
    public Pacer createPacer(String pacingKey, int messagesPerSecond) {
        return created(new LeasedPacer(pacingKey, messagesPerSecond, false, store, leaser, nanoClock));
    }

    @Override
    public Pacer createPacer(String pacingKey, PacingSettings settings) {
        return created(new LeasedPacer(pacingKey, settings.messagesPerSecond(), settings.adaptive(), store, leaser,
                nanoClock));
    }

    private LeasedPacer created(LeasedPacer pacer) {
        pacers.removeIf(LeasedPacer::isClosed);
        pacers.add(pacer);
        return pacer;
    }

    /** Closes the pacers it created (they refuse every request afterwards) and stops the leaser thread. */
    @Override
    public void close() {
        pacers.forEach(LeasedPacer::close);
        pacers.clear();
        leaser.close();
    }
}
