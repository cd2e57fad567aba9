package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.io.BufferedWriter;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A campaign streamed from a file, in a JVM of its own started with a small heap: the route pattern of
 * docs/pacing-and-throughput.md, {@code split(body().tokenize("\n")).streaming().parallelProcessing()} into
 * {@code whatsapp-marketing:send} with pacing on. The producer's backpressure ({@code maxPendingSends}) makes the
 * splitter's threads wait, so the file is read no faster than the number sends and the heap stays bounded whatever
 * the file's size. Samples the heap while it runs: the most used, and the most left after a collection (the live set).
 */
public final class CampaignAgent {

    private final int stubPort;
    private final Path directory;

    private CampaignAgent(int stubPort, Path directory) {
        this.stubPort = stubPort;
        this.directory = directory;
    }

    /** {@code CampaignAgent <stubPort> <directory for the recipients file>} */
    public static void main(String[] args) throws Exception {
        CampaignAgent agent = new CampaignAgent(Integer.parseInt(args[0]), Path.of(args[1]));
        AgentLoop.ready(Map.of("maxHeapBytes", Runtime.getRuntime().maxMemory()));
        AgentLoop.serve(agent::command);
    }

    private Map<String, Object> command(String command, Map<String, String> arguments) throws Exception {
        if (!"run".equals(command)) {
            throw new IllegalArgumentException("Unknown command " + command);
        }
        return run(AgentLoop.intArg(arguments, "recipients", 1_000_000), AgentLoop.intArg(arguments, "rate", 4000),
                AgentLoop.intArg(arguments, "latencyMs", 20));
    }

    private Map<String, Object> run(int recipients, int rate, int latencyMs) throws Exception {
        File file = recipientsFile(recipients);
        LongAdder accepted = new LongAdder();
        LongAdder failed = new LongAdder();
        CamelContext context = new DefaultCamelContext();
        String send = "whatsapp-marketing:send?accessToken=EAAbenchmarkToken&phoneNumberId=106540352242940"
                      + "&baseUri=http://127.0.0.1:" + stubPort + "/lat" + latencyMs
                      + "&templateName=spring_sale&templateLanguage=en&messagesPerSecond=" + rate;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(exchange -> failed.increment());
                from("direct:campaign")
                        .split(body().tokenize("\n")).streaming().parallelProcessing()
                            .filter(body().isNotEqualTo(""))
                            .process(exchange -> {
                                String[] columns = exchange.getMessage().getBody(String.class).split(",", -1);
                                exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, columns[0]);
                                exchange.getMessage().setBody(List.of(columns[1]));
                            })
                            .to(send)
                            .process(exchange -> accepted.increment())
                        .end()
                        .end();
            }
        });
        context.start();
        HeapSampler heap = new HeapSampler();
        heap.start();
        long cpuBefore = ProcessMetrics.cpuNanos();
        long gcBefore = ProcessMetrics.gcCount();
        long start = System.nanoTime();
        context.createProducerTemplate().sendBody("direct:campaign", file);
        long elapsed = System.nanoTime() - start;
        long cpu = ProcessMetrics.cpuNanos() - cpuBefore;
        heap.stopSampling();
        context.stop();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recipients", recipients);
        result.put("fileBytes", file.length());
        result.put("accepted", accepted.sum());
        result.put("failed", failed.sum());
        result.put("seconds", elapsed / 1e9);
        result.put("messagesPerSecond", accepted.sum() / (elapsed / 1e9));
        result.put("cpuCores", (double) cpu / elapsed);
        result.put("gcCount", ProcessMetrics.gcCount() - gcBefore);
        result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        result.put("peakHeapUsedBytes", heap.peakUsed.get());
        result.put("peakHeapAfterGcBytes", heap.peakAfterGc());
        return result;
    }

    /** {@code phone,first_name,language} lines, made once per size. */
    private File recipientsFile(int recipients) throws Exception {
        Path file = directory.resolve("campaign-" + recipients + ".csv");
        if (!Files.exists(file)) {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < recipients; i++) {
                    out.write(String.format("+4479%08d,Alice,en%n", i));
                }
            }
        }
        return file.toFile();
    }

    /** Samples the heap every 100 ms; collection usage gives what survived each GC. */
    private static final class HeapSampler extends Thread {
        final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running = true;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
        }

        @Override
        public void run() {
            while (running) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                peakAfterGc.accumulateAndGet(afterGc(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        /** The most the old generation held right after a collection: the live set, seen while the campaign ran. */
        long peakAfterGc() {
            return Math.max(peakAfterGc.get(), afterGc());
        }

        private static long afterGc() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                if (afterGc != null && pool.getName().contains("Old")) {
                    used += afterGc.getUsed();
                }
            }
            return used;
        }
    }
}
