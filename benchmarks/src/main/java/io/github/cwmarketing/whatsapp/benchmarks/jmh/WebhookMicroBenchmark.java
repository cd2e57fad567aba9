package io.github.cwmarketing.whatsapp.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.benchmarks.agent.StatusWebhooks;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.webhook.WebhookParser;
import io.github.cwmarketing.whatsapp.webhook.WebhookRejection;
import io.github.cwmarketing.whatsapp.webhook.WebhookSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The webhook consumer's per-POST work outside Camel and HTTP: the signature check over the raw bytes and the parse
 * into status events, for 1 and 100 statuses per POST. {@code jacksonReadTree} is the floor: the tree parse that any
 * route needs to get at the statuses (what the camel-whatsapp "parse" variant does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookMicroBenchmark {

    @Param({ "1", "100" })
    public int statuses;

    private byte[] body;
    private String header;
    private WebhookSignature signature;
    private WebhookParser parser;
    private ObjectMapper plainMapper;

    @Setup
    public void setUp() {
        StatusWebhooks webhooks = new StatusWebhooks("JMH");
        body = webhooks.next(statuses);
        header = webhooks.sign(body);
        signature = new WebhookSignature(List.of(StatusWebhooks.APP_SECRET));
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        parser = new WebhookParser(mapper);
        plainMapper = new ObjectMapper();
        if (!signature.verify(body, header)) {
            throw new IllegalStateException("signature does not verify");
        }
    }

    @Benchmark
    public boolean verifySignature() {
        return signature.verify(body, header);
    }

    @Benchmark
    public List<WebhookEvent> parseStatuses() throws WebhookRejection {
        return parser.parse(body);
    }

    @Benchmark
    public JsonNode jacksonReadTree() throws Exception {
        return plainMapper.readTree(new String(body, StandardCharsets.UTF_8));
    }
}
