package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * camel-whatsapp-marketing sending at a fixed rate, without and with a message ledger, in its own JVM. Routes
 * {@code direct:no-ledger} and {@code direct:ledger} end in the same send endpoint options (one phone number id each),
 * the second with a {@link JdbcMessageLedger} on PostgreSQL and a send key and campaign per message. The feeder is
 * open-loop and is the pacer: message i is offered at {@code start + i / rate}, and its latency runs from that moment
 * (so a stall delays the messages behind it instead of hiding them) until the exchange's completion callback. The
 * component's own pacing is off: a token bucket at exactly the offered rate is a queue at 100 % utilisation, whose
 * random walk (tens to hundreds of milliseconds) would drown the ledger's few milliseconds.
 */
public final class LedgerSendAgent {

    static final String NO_LEDGER_PHONE_NUMBER_ID = "106540352242931";
    static final String LEDGER_PHONE_NUMBER_ID = "106540352242932";
    /** In flight = rate × latency: 250 at 1,000 msg/s and 250 ms; the pool must hold them all. */
    static final int MAX_CONNECTIONS = 400;

    private final CamelContext context;
    private final AtomicLong keys = new AtomicLong();
    private final String runId = Long.toHexString(System.nanoTime());
    private final Map<LedgerWrite, LatencyRecorder> writes = new EnumMap<>(LedgerWrite.class);

    private LedgerSendAgent(CamelContext context) {
        this.context = context;
        for (LedgerWrite write : LedgerWrite.values()) {
            writes.put(write, new LatencyRecorder());
        }
    }

    /** {@code LedgerSendAgent <stubPort> <jdbcUrl> <latencyMs>} */
    public static void main(String[] args) throws Exception {
        int stubPort = Integer.parseInt(args[0]);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[1]);
        int latency = Integer.parseInt(args[2]);
        CamelContext context = new DefaultCamelContext();
        LedgerSendAgent agent = new LedgerSendAgent(context);
        context.getRegistry().bind("ledger", new JdbcMessageLedger(dataSource));
        WhatsAppMarketingComponent component = context.getComponent("whatsapp-marketing",
                WhatsAppMarketingComponent.class);
        // only the ledger route names the ledger: no autowiring of the one MessageLedger bean into every endpoint
        component.setAutowiredEnabled(false);
        component.addListener(agent.listener());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:no-ledger").routeId("no-ledger")
                        .to(uri(stubPort, latency, NO_LEDGER_PHONE_NUMBER_ID));
                from("direct:ledger").routeId("ledger")
                        .to(uri(stubPort, latency, LEDGER_PHONE_NUMBER_ID) + "&ledger=#ledger");
            }
        });
        context.start();
        AgentLoop.ready(Map.of("component", "ours"));
        AgentLoop.serve(agent::command);
        context.stop();
    }

    private static String uri(int stubPort, int latencyMillis, String phoneNumberId) {
        return "whatsapp-marketing:send?accessToken=" + SendAgent.TOKEN + "&phoneNumberId=" + phoneNumberId
               + "&baseUri=http://127.0.0.1:" + stubPort + "/lat" + latencyMillis + "&templateName=" + SendAgent.TEMPLATE
               + "&templateLanguage=en&messagesPerSecond=0&maxConnections=" + MAX_CONNECTIONS
               + "&campaign=benchmark";
    }

    private WhatsAppMarketingListener listener() {
        return new WhatsAppMarketingListener() {
            @Override
            public void onLedgerWrite(LedgerWrite write, Duration took) {
                writes.get(write).recordNanos(took.toNanos());
            }
        };
    }

    private Map<String, Object> command(String command, Map<String, String> arguments) throws Exception {
        return switch (command) {
            case "run" -> run("direct:" + AgentLoop.arg(arguments, "route"), AgentLoop.intArg(arguments, "rate", 1000),
                    AgentLoop.longArg(arguments, "durationMs", 5000), AgentLoop.longArg(arguments, "latencyMs", 0));
            case "heap" -> Map.of("heapBytes", ProcessMetrics.heapAfterGc(), "threads", ProcessMetrics.liveThreads());
            default -> throw new IllegalArgumentException("Unknown command " + command);
        };
    }

    private Map<String, Object> run(String route, int rate, long durationMs, long stubLatencyMs) throws Exception {
        Endpoint endpoint = context.getEndpoint(route);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        try {
            return drive(endpoint, producer, rate, durationMs, stubLatencyMs, route.endsWith(":ledger"));
        } finally {
            producer.stop();
        }
    }

    private Map<String, Object> drive(Endpoint endpoint, AsyncProducer producer, int rate, long durationMs,
                                      long stubLatencyMs, boolean keyed) throws InterruptedException {
        int bound = 100_000;
        Semaphore outstanding = new Semaphore(bound);
        LatencyRecorder latencies = new LatencyRecorder();
        writes.values().forEach(recorder -> recorder.summary(0)); // reset the interval
        LongAdder succeeded = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;

        long cpuBefore = ProcessMetrics.cpuNanos();
        long gcBefore = ProcessMetrics.gcCount();
        long jitBefore = ProcessMetrics.jitMillis();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(durationMs);
        long offered = 0;
        for (long due = start; due < end; due = start + ++offered * periodNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            outstanding.acquire();
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(List.of("Alice", "SPRING25"));
            long n = keys.incrementAndGet();
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, String.format("+4479460%05d", n % 100_000));
            if (keyed) {
                exchange.getMessage().setHeader(WhatsAppMarketingConstants.SEND_KEY, "bench:" + runId + ":" + n);
            }
            long offeredAt = due;
            producer.process(exchange, doneSync -> {
                if (exchange.isFailed()) {
                    failed.increment();
                    Exception e = exchange.getException();
                    firstError.compareAndSet(null, e == null ? "failed" : String.valueOf(e));
                } else {
                    succeeded.increment();
                    latencies.recordNanos(System.nanoTime() - offeredAt);
                }
                outstanding.release();
            });
        }
        long offeredFor = System.nanoTime() - start;
        boolean drained = outstanding.tryAcquire(bound, 120, TimeUnit.SECONDS);
        long cpu = ProcessMetrics.cpuNanos() - cpuBefore;
        long elapsed = System.nanoTime() - start;
        long ok = succeeded.sum();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("offered", offered);
        result.put("succeeded", ok);
        result.put("failed", failed.sum());
        result.put("lost", drained ? 0 : bound - outstanding.availablePermits());
        result.put("firstError", firstError.get());
        result.put("seconds", offeredFor / 1e9);
        result.put("offeredPerSecond", offered / (offeredFor / 1e9));
        result.put("messagesPerSecond", ok / (offeredFor / 1e9));
        result.put("cpuMicrosPerMessage", offered == 0 ? null : cpu / 1000.0 / offered);
        result.put("cpuCores", (double) cpu / elapsed);
        result.put("gcCount", ProcessMetrics.gcCount() - gcBefore);
        result.put("jitMillis", ProcessMetrics.jitMillis() - jitBefore);
        result.put("threads", ProcessMetrics.liveThreads());
        result.put("latency", latencies.summary(stubLatencyMs));
        Map<String, Object> ledger = new LinkedHashMap<>();
        writes.forEach((write, recorder) -> {
            Map<String, Object> summary = recorder.summary(0);
            if (((Number) summary.get("samples")).longValue() > 0) {
                ledger.put(write.name().toLowerCase(java.util.Locale.ROOT), summary);
            }
        });
        result.put("ledgerWrites", ledger);
        return result;
    }
}
