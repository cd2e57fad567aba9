package io.github.cwmarketing.whatsapp.sandbox;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Meta's {@code MarketingMessageRequestPayload} schema from the OpenAPI 3.1 spec shipped in this module, compiled once
 * per JVM on first use (about 0.5-0.75 s and 16 MiB) and shared by every sandbox. Validation is thread-safe.
 */
final class MetaSpecSchema {

    static final String SPEC_RESOURCE = "/META-INF/whatsapp-sandbox/business-messaging-api_v23.0.yaml";
    // The spec is registered under this made-up id so that nothing is ever fetched over the network.
    private static final String SPEC_ID = "https://whatsapp-sandbox.invalid/business-messaging-api_v23.0.yaml";
    private static final String REQUEST_SCHEMA = "#/components/schemas/MarketingMessageRequestPayload";

    private MetaSpecSchema() {
    }

    static Schema marketingMessageRequest() {
        return Holder.SCHEMA;
    }

    private static final class Holder {
        static final Schema SCHEMA = compile();
    }

    private static Schema compile() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(SPEC_ID, readSpec())).schemaRegistryConfig(config));
        Schema schema = registry.getSchema(SchemaLocation.of(SPEC_ID + REQUEST_SCHEMA));
        schema.initializeValidators();
        return schema;
    }

    private static String readSpec() {
        try (InputStream in = MetaSpecSchema.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SPEC_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SPEC_RESOURCE, e);
        }
    }
}
