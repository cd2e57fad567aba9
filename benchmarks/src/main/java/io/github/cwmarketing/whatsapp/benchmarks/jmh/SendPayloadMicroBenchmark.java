package io.github.cwmarketing.whatsapp.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cwmarketing.whatsapp.model.MarketingMessageResponse;
import io.github.cwmarketing.whatsapp.send.AssembledMessage;
import io.github.cwmarketing.whatsapp.send.MessageDefaults;
import io.github.cwmarketing.whatsapp.send.RequestAssembler;
import io.github.cwmarketing.whatsapp.send.RequestValidator;
import org.apache.camel.component.whatsapp.model.Language;
import org.apache.camel.component.whatsapp.model.MessageResponse;
import org.apache.camel.component.whatsapp.model.Parameter;
import org.apache.camel.component.whatsapp.model.TemplateMessage;
import org.apache.camel.component.whatsapp.model.TemplateMessageRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-message JSON work of each producer outside HTTP and Camel: building the request body from what the route
 * gives (ours: positional parameters + defaults, assembled, validated against Meta's rules and written; theirs: the
 * typed TemplateMessageRequest written with its mapper) and reading Meta's response.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SendPayloadMicroBenchmark {

    private static final String RESPONSE = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+447946000001\","
                                           + "\"wa_id\":\"447946000001\"}],\"messages\":[{\"id\":"
                                           + "\"wamid.HBgM447946000001FQIAERgS1AA==\",\"message_status\":\"accepted\"}]}";

    private RequestAssembler assembler;
    private final RequestValidator validator = new RequestValidator();
    private ObjectReader responseReader;
    private MessageDefaults defaults;
    private ObjectMapper theirsMapper;
    private byte[] responseBytes;

    @Setup
    public void setUp() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        assembler = new RequestAssembler(mapper);
        responseReader = mapper.readerFor(MarketingMessageResponse.class);
        defaults = new MessageDefaults("+447946000001", null, "spring_sale", "en", null, null, null, null);
        // as WhatsAppServiceRestAPIAdapter configures its mapper
        theirsMapper = new ObjectMapper().registerModule(new JavaTimeModule());
        theirsMapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        responseBytes = RESPONSE.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] oursRequest() throws Exception {
        AssembledMessage message = assembler.assemble(List.of("Alice", "SPRING25"), defaults);
        validator.validate(message.request());
        return message.json();
    }

    @Benchmark
    public String theirsRequest() throws Exception {
        Language language = new Language();
        language.setCode("en");
        language.setPolicy("deterministic");
        TemplateMessage template = new TemplateMessage();
        template.setName("spring_sale");
        template.setLanguage(language);
        org.apache.camel.component.whatsapp.model.Component body = new org.apache.camel.component.whatsapp.model.Component();
        body.setType("body");
        body.setParameters(List.of(text("Alice"), text("SPRING25")));
        template.setComponents(List.of(body));
        TemplateMessageRequest request = new TemplateMessageRequest();
        request.setTo("+447946000001");
        request.setTemplate(template);
        return theirsMapper.writeValueAsString(request);
    }

    @Benchmark
    public Object oursResponse() throws Exception {
        return responseReader.readValue(responseBytes);
    }

    @Benchmark
    public Object theirsResponse() throws Exception {
        return theirsMapper.readValue(RESPONSE, MessageResponse.class);
    }

    private static Parameter text(String value) {
        Parameter parameter = new Parameter();
        parameter.setType("text");
        parameter.setText(value);
        return parameter;
    }
}
