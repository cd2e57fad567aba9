package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.whatsapp.model.Language;
import org.apache.camel.component.whatsapp.model.Parameter;
import org.apache.camel.component.whatsapp.model.TemplateMessage;
import org.apache.camel.component.whatsapp.model.TemplateMessageRequest;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One component's sending side in its own JVM, so that process CPU and heap are that component's alone. Routes
 * {@code direct:send-<latency>} (pacing off) and {@code direct:paced} (pacing on, ours only) end in the component's
 * producer, pointed at the stub with the latency in the base URI. One feeding thread drives a route closed-loop with a
 * fixed number of exchanges in flight: it takes a permit, sends an exchange into the route asynchronously, and the
 * completion (on the component's own I/O threads) gives the permit back.
 *
 * <p>With a TLS stub (its port, key store, latency and the tier rate as extra arguments) also: {@code direct:tls-one}
 * and {@code direct:tls-three} (ours, default settings but {@code messagesPerSecond} = the tier rate, HTTP/2 over TLS;
 * {@code three} spreads the exchanges over three phone number ids), {@code direct:h1-one} (ours, the same over
 * HTTP/1.1 in clear text) and {@code direct:tls-theirs} (camel-whatsapp with a JDK {@code HttpClient} that trusts the
 * stub's certificate, no pacing).
 */
public final class SendAgent {

    public static final String OURS = "ours";
    public static final String THEIRS = "theirs";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String PACED_PHONE_NUMBER_ID = "106540352242923";
    /** The phone number ids of the tier scenarios, each paced at the tier rate. */
    static final List<String> TIER_PHONE_NUMBER_IDS = List.of("106540352242930", "106540352242931", "106540352242932");
    static final String H1_PHONE_NUMBER_ID = "106540352242933";
    static final String TOKEN = "EAAbenchmarkToken";
    static final String TEMPLATE = "spring_sale";

    private final String component;
    private final CamelContext context;
    private final AtomicLong recipientCounter = new AtomicLong();

    private SendAgent(String component, CamelContext context) {
        this.component = component;
        this.context = context;
    }

    /**
     * {@code SendAgent <ours|theirs> <stubPort> <latency,latency...> <pacedRate> [<tlsPort> <keyStore> <tlsLatency>
     * <tierRate>]}
     */
    public static void main(String[] args) throws Exception {
        String component = args[0];
        int stubPort = Integer.parseInt(args[1]);
        List<Integer> latencies = new ArrayList<>();
        for (String latency : args[2].split(",")) {
            latencies.add(Integer.parseInt(latency));
        }
        int pacedRate = Integer.parseInt(args[3]);
        CamelContext context = new DefaultCamelContext();
        if (args.length > 4) {
            tierRoutes(context, component, stubPort, Integer.parseInt(args[4]), java.nio.file.Path.of(args[5]),
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int latency : latencies) {
                    from("direct:send-" + latency).routeId("send-" + latency)
                            .to(uri(component, stubPort, latency, PHONE_NUMBER_ID, 0));
                }
                if (OURS.equals(component)) {
                    from("direct:paced").routeId("paced")
                            .to(uri(component, stubPort, 100, PACED_PHONE_NUMBER_ID, pacedRate));
                }
            }
        });
        context.start();
        SendAgent agent = new SendAgent(component, context);
        AgentLoop.ready(Map.of("component", component));
        AgentLoop.serve(agent::command);
        context.stop();
    }

    private static void tierRoutes(CamelContext context, String component, int stubPort, int tlsPort,
                                   java.nio.file.Path keyStore, int latency, int tierRate) throws Exception {
        String https = "https://127.0.0.1:" + tlsPort + "/lat" + latency;
        if (OURS.equals(component)) {
            context.getRegistry().bind("stubTrust", TlsCertificate.trustParameters(keyStore));
        } else {
            context.getRegistry().bind("trustingClient", java.net.http.HttpClient.newBuilder()
                    .sslContext(TlsCertificate.trustContext(keyStore)).build());
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (OURS.equals(component)) {
                    String tls = "whatsapp-marketing:send?accessToken=" + TOKEN + "&phoneNumberId="
                                 + TIER_PHONE_NUMBER_IDS.get(0) + "&baseUri=" + https + "&templateName=" + TEMPLATE
                                 + "&templateLanguage=en&messagesPerSecond=" + tierRate
                                 + "&sslContextParameters=#stubTrust";
                    from("direct:tls-one").routeId("tls-one").to(tls);
                    from("direct:tls-three").routeId("tls-three").to(tls);
                    from("direct:h1-one").routeId("h1-one")
                            .to(uri(OURS, stubPort, latency, H1_PHONE_NUMBER_ID, tierRate));
                } else {
                    from("direct:tls-theirs").routeId("tls-theirs")
                            .to("whatsapp:" + TIER_PHONE_NUMBER_IDS.get(0) + "?authorizationToken=" + TOKEN
                                + "&baseUri=" + https + "&apiVersion=v25.0&httpClient=#trustingClient");
                }
            }
        });
    }

    static String uri(String component, int stubPort, int latencyMillis, String phoneNumberId, int messagesPerSecond) {
        String baseUri = "http://127.0.0.1:" + stubPort + "/lat" + latencyMillis;
        if (OURS.equals(component)) {
            return "whatsapp-marketing:send?accessToken=" + TOKEN + "&phoneNumberId=" + phoneNumberId
                   + "&baseUri=" + baseUri + "&templateName=" + TEMPLATE + "&templateLanguage=en"
                   + "&messagesPerSecond=" + messagesPerSecond;
        }
        return "whatsapp:" + phoneNumberId + "?authorizationToken=" + TOKEN + "&baseUri=" + baseUri
               + "&apiVersion=v25.0";
    }

    private Map<String, Object> command(String command, Map<String, String> arguments) throws Exception {
        return switch (command) {
            case "run" -> run("direct:" + AgentLoop.arg(arguments, "route"), AgentLoop.intArg(arguments, "inFlight", 200),
                    AgentLoop.longArg(arguments, "durationMs", 5000), AgentLoop.longArg(arguments, "latencyMs", 0),
                    AgentLoop.intArg(arguments, "numbers", 1), AgentLoop.longArg(arguments, "drainMs", 60_000));
            case "heap" -> Map.of("heapBytes", ProcessMetrics.heapAfterGc(), "threads", ProcessMetrics.liveThreads());
            default -> throw new IllegalArgumentException("Unknown command " + command);
        };
    }

    /** Drives the route for {@code durationMs} with {@code inFlight} exchanges in flight; figures of that window. */
    private Map<String, Object> run(String route, int inFlight, long durationMs, long stubLatencyMs, int numbers,
                                    long drainMs) throws Exception {
        Endpoint endpoint = context.getEndpoint(route);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        try {
            return drive(endpoint, producer, inFlight, durationMs, stubLatencyMs, numbers, drainMs);
        } finally {
            producer.stop();
        }
    }

    private Map<String, Object> drive(Endpoint endpoint, AsyncProducer producer, int inFlight, long durationMs,
                                      long stubLatencyMs, int numbers, long drainMs) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        LatencyRecorder latencies = new LatencyRecorder();
        LongAdder succeeded = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        Consumer<Exchange> body = OURS.equals(component) ? this::oursBody : this::theirsBody;

        long gcCountBefore = ProcessMetrics.gcCount();
        long gcMillisBefore = ProcessMetrics.gcMillis();
        long jitBefore = ProcessMetrics.jitMillis();
        long cpuBefore = ProcessMetrics.cpuNanos();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(durationMs);
        long sent = 0;
        while (System.nanoTime() < end) {
            if (!permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            Exchange exchange = endpoint.createExchange();
            body.accept(exchange);
            if (numbers > 1) {
                exchange.getMessage().setHeader(WhatsAppMarketingConstants.PHONE_NUMBER_ID,
                        TIER_PHONE_NUMBER_IDS.get((int) (sent % numbers)));
            }
            long sentAt = System.nanoTime();
            sent++;
            producer.process(exchange, doneSync -> {
                long now = System.nanoTime();
                if (now <= end) {
                    if (exchange.isFailed()) {
                        failed.increment();
                        Exception e = exchange.getException();
                        firstError.compareAndSet(null, e == null ? "failed" : String.valueOf(e));
                    } else {
                        succeeded.increment();
                        latencies.recordNanos(now - sentAt);
                    }
                }
                permits.release();
            });
        }
        long cpu = ProcessMetrics.cpuNanos() - cpuBefore;
        long elapsed = System.nanoTime() - start;
        long jitMillis = ProcessMetrics.jitMillis() - jitBefore;
        long gcCount = ProcessMetrics.gcCount() - gcCountBefore;
        long gcMillis = ProcessMetrics.gcMillis() - gcMillisBefore;
        int threads = ProcessMetrics.liveThreads();
        // drain: what never completes is lost (a producer that does not call back on some errors)
        boolean drained = permits.tryAcquire(inFlight, drainMs, TimeUnit.MILLISECONDS);
        int lost = drained ? 0 : inFlight - permits.availablePermits();

        long ok = succeeded.sum();
        long completed = ok + failed.sum();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sent", sent);
        result.put("succeeded", ok);
        result.put("failed", failed.sum());
        result.put("lost", lost);
        result.put("firstError", firstError.get());
        result.put("seconds", elapsed / 1e9);
        result.put("messagesPerSecond", ok / (elapsed / 1e9));
        result.put("cpuMicrosPerMessage", completed == 0 ? null : cpu / 1000.0 / completed);
        result.put("cpuCores", (double) cpu / elapsed);
        result.put("gcCount", gcCount);
        result.put("gcMillis", gcMillis);
        result.put("jitMillis", jitMillis);
        result.put("threads", threads);
        result.put("latency", latencies.summary(stubLatencyMs));
        if (OURS.equals(component)) {
            // the HTTP/2 connections of the component and the requests each carries now
            context.getEndpoints().stream()
                    .filter(e -> e instanceof io.github.cwmarketing.whatsapp.WhatsAppMarketingEndpoint)
                    .map(e -> (io.github.cwmarketing.whatsapp.WhatsAppMarketingEndpoint) e)
                    .map(e -> e.getComponent().transport(e.getConfiguration()).toString())
                    .distinct().forEach(t -> result.merge("transports", t, (a, b) -> a + "; " + b));
        }
        return result;
    }

    private String nextRecipient() {
        return String.format("+4479460%05d", recipientCounter.incrementAndGet() % 100_000);
    }

    /** Ours: positional body parameters, the recipient in a header, template name and language on the endpoint. */
    private void oursBody(Exchange exchange) {
        exchange.getMessage().setBody(List.of("Alice", "SPRING25"));
        exchange.getMessage().setHeader(WhatsAppMarketingConstants.TO, nextRecipient());
    }

    /** Theirs: the typed template message request, with the same template, language and parameters. */
    private void theirsBody(Exchange exchange) {
        Language language = new Language();
        language.setCode("en");
        language.setPolicy("deterministic");
        TemplateMessage template = new TemplateMessage();
        template.setName(TEMPLATE);
        template.setLanguage(language);
        org.apache.camel.component.whatsapp.model.Component bodyComponent =
                new org.apache.camel.component.whatsapp.model.Component();
        bodyComponent.setType("body");
        bodyComponent.setParameters(List.of(text("Alice"), text("SPRING25")));
        template.setComponents(List.of(bodyComponent));
        TemplateMessageRequest request = new TemplateMessageRequest();
        request.setTo(nextRecipient());
        request.setTemplate(template);
        exchange.getMessage().setBody(request);
    }

    private static Parameter text(String value) {
        Parameter parameter = new Parameter();
        parameter.setType("text");
        parameter.setText(value);
        return parameter;
    }

    static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }
}
