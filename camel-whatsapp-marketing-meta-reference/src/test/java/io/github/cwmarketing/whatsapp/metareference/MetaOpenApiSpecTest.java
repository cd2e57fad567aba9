package io.github.cwmarketing.whatsapp.metareference;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaOpenApiSpecTest {

    private static final String REQUEST_SCHEMA = "#/components/schemas/MarketingMessageRequestPayload";

    @Test
    void theSpecIsMetasOpenApi31DocumentWithItsMitLicence() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(MetaOpenApiSpec.text());

        assertThat(spec.path("openapi").asText()).startsWith("3.1");
        assertThat(spec.at("/components/schemas/MarketingMessageRequestPayload").isObject()).isTrue();
        assertThat(new String(Resources.read(MetaOpenApiSpec.LICENSE_RESOURCE), StandardCharsets.UTF_8))
                .startsWith("MIT License").contains("Copyright (c) Meta Platforms, Inc. and affiliates.");
    }

    @Test
    void compilingASchemaOfTheSpecWarnsAboutNothing() {
        String log = stderrWhile(() -> compile(MetaOpenApiSpec.dialect()));

        assertThat(log).doesNotContain("WARN");
    }

    @Test
    void networkntsPlainOpenApi31DialectTakesTheDocumentsFieldsForUnknownKeywords() {
        // what the dialect is for (networknt warns once per keyword and JVM; no other test compiles with this one)
        String log = stderrWhile(() -> compile(Dialects.getOpenApi31()));

        assertThat(log).contains("WARN").contains("Unknown keyword paths").contains("Unknown keyword components");
    }

    @Test
    void schemasOfTheSpecValidate() {
        Schema schema = compile(MetaOpenApiSpec.dialect());
        String valid = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"16505551234\","
                       + "\"type\":\"template\",\"template\":{\"name\":\"summer_sale\","
                       + "\"language\":{\"code\":\"en_US\",\"policy\":\"deterministic\"}}}";

        assertThat(schema.validate(valid, com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(valid.replace("\"type\":\"template\"", "\"type\":\"text\""),
                com.networknt.schema.InputFormat.JSON)).isNotEmpty();
    }

    private static Schema compile(Dialect dialect) {
        SchemaRegistry registry = SchemaRegistry.withDialect(dialect,
                builder -> builder.schemas(Map.of(MetaOpenApiSpec.ID, MetaOpenApiSpec.text())));
        Schema schema = registry.getSchema(SchemaLocation.of(MetaOpenApiSpec.ID + REQUEST_SCHEMA));
        schema.initializeValidators();
        return schema;
    }

    // slf4j-simple (the test logger) writes to the System.err of the moment
    private static String stderrWhile(Supplier<?> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
