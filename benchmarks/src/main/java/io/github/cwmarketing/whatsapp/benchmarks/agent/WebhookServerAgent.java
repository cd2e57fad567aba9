package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One webhook receiver in its own JVM: a Camel context with the Vert.x platform-http server on a loopback port and one
 * route that counts what it receives. Variants:
 * <ul>
 * <li>{@code ours-signed}: {@code whatsapp-marketing:webhook} with the app secret (signature verified), one exchange
 * per status, deduplicated;</li>
 * <li>{@code ours-unsigned}: the same with {@code signatureVerification=false};</li>
 * <li>{@code ours-ledger} (the ledger part): ours signed, each POST looked up and recorded in a
 * {@code JdbcMessageLedger} on PostgreSQL (the JDBC URL is the third argument) instead of the in-memory dedup store;</li>
 * <li>{@code ours-signed-camel-repo} (not in the default set): ours signed, deduplicating on Camel 4.18's
 * MemoryIdempotentRepository as the consumer did before the benchmarks;</li>
 * <li>{@code theirs-raw}: camel-whatsapp's {@code webhook:whatsapp:...}: one exchange per POST with the raw body as a
 * String, no signature check (it has none), nothing parsed;</li>
 * <li>{@code theirs-parse}: the same plus the least a route must add to get at the statuses: Jackson parses the body
 * and the route walks {@code entry[].changes[].value.statuses[]} (still no signature check, no deduplication, no
 * exchange per status).</li>
 * </ul>
 */
public final class WebhookServerAgent {

    public static final String PATH = "/whatsapp/webhook";
    public static final String THEIRS_PATH = "/camel-whatsapp/webhook";
    static final String VERIFY_TOKEN = "benchmark-verify-token";

    private final LongAdder exchanges = new LongAdder();
    private final LongAdder statuses = new LongAdder();
    private final ObjectMapper mapper = new ObjectMapper();
    private long cpuMark;
    private long exchangesMark;
    private long statusesMark;
    private long gcMark;
    private long jitMark;

    /** {@code WebhookServerAgent <variant> <port> [<jdbcUrl of the ledger>]} */
    public static void main(String[] args) throws Exception {
        String variant = args[0];
        int port = Integer.parseInt(args[1]);
        WebhookServerAgent agent = new WebhookServerAgent();
        CamelContext context = new DefaultCamelContext();
        if (args.length > 2) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(args[2]);
            context.getRegistry().bind("ledger", new JdbcMessageLedger(dataSource));
        }
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(agent.routes(variant));
        context.start();
        AgentLoop.ready(Map.of("variant", variant, "port", port, "path", path(variant)));
        AgentLoop.serve(agent::command);
        context.stop();
    }

    /** The HTTP path of a variant's webhook. */
    public static String path(String variant) {
        // where camel-webhook 4.18 mounts camel-whatsapp's webhook (its webhookPath option is taken by camel-webhook's
        // own option of the same name, then replaced by the whatsapp endpoint's default)
        return variant.startsWith("theirs") ? THEIRS_PATH : PATH;
    }

    private RouteBuilder routes(String variant) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                switch (variant) {
                    case "ours-signed" -> from("whatsapp-marketing:webhook?webhookPath=" + PATH + "&appSecret="
                                               + StatusWebhooks.APP_SECRET + "&verifyToken=" + VERIFY_TOKEN)
                            .process(exchange -> countStatus());
                    case "ours-signed-camel-repo" -> {
                        // before/after check: deduplication on Camel 4.18's MemoryIdempotentRepository (SimpleLRUCache),
                        // the consumer's default until the benchmarks found its lock contention
                        getContext().getRegistry().bind("camelMemoryRepository",
                                MemoryIdempotentRepository.memoryIdempotentRepository(100_000));
                        from("whatsapp-marketing:webhook?webhookPath=" + PATH + "&appSecret=" + StatusWebhooks.APP_SECRET
                             + "&verifyToken=" + VERIFY_TOKEN + "&idempotentRepository=#camelMemoryRepository")
                                .process(exchange -> countStatus());
                    }
                    case "ours-ledger" -> from("whatsapp-marketing:webhook?webhookPath=" + PATH + "&appSecret="
                                               + StatusWebhooks.APP_SECRET + "&verifyToken=" + VERIFY_TOKEN
                                               + "&ledger=#ledger")
                            .process(exchange -> countStatus());
                    case "ours-unsigned" -> from("whatsapp-marketing:webhook?webhookPath=" + PATH
                                                 + "&signatureVerification=false&verifyToken=" + VERIFY_TOKEN)
                            .process(exchange -> countStatus());
                    case "theirs-raw" -> from(theirs())
                            .process(exchange -> exchanges.increment());
                    case "theirs-parse" -> from(theirs())
                            .process(exchange -> {
                                exchanges.increment();
                                countStatuses(mapper.readTree(exchange.getMessage().getBody(String.class)));
                            });
                    default -> throw new IllegalArgumentException("Unknown variant " + variant);
                }
            }
        };
    }

    private static String theirs() {
        return "webhook:whatsapp:106540352242922?authorizationToken=EAAbenchmarkToken&webhookVerifyToken="
               + VERIFY_TOKEN + "&webhookComponentName=platform-http&webhookAutoRegister=false";
    }

    private void countStatus() {
        exchanges.increment();
        statuses.increment();
    }

    private void countStatuses(JsonNode root) {
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    if (status.isObject()) {
                        statuses.increment();
                    }
                }
            }
        }
    }

    private Map<String, Object> command(String command, Map<String, String> arguments) throws Exception {
        switch (command) {
            case "mark" -> {
                cpuMark = ProcessMetrics.cpuNanos();
                exchangesMark = exchanges.sum();
                statusesMark = statuses.sum();
                gcMark = ProcessMetrics.gcCount();
                jitMark = ProcessMetrics.jitMillis();
                return Map.of();
            }
            case "stats" -> {
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("cpuNanos", ProcessMetrics.cpuNanos() - cpuMark);
                stats.put("exchanges", exchanges.sum() - exchangesMark);
                stats.put("statuses", statuses.sum() - statusesMark);
                stats.put("gcCount", ProcessMetrics.gcCount() - gcMark);
                stats.put("jitMillis", ProcessMetrics.jitMillis() - jitMark);
                stats.put("threads", ProcessMetrics.liveThreads());
                return stats;
            }
            case "heap" -> {
                return Map.of("heapBytes", ProcessMetrics.heapAfterGc(), "threads", ProcessMetrics.liveThreads());
            }
            default -> throw new IllegalArgumentException("Unknown command " + command);
        }
    }
}
