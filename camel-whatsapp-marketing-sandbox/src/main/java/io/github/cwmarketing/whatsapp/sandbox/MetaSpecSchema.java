package io.github.cwmarketing.whatsapp.sandbox;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import io.github.cwmarketing.whatsapp.metareference.MetaOpenApiSpec;
import java.util.Map;

/**
 * Meta's {@code MarketingMessageRequestPayload} schema from the OpenAPI 3.1 spec ({@link MetaOpenApiSpec}), compiled
 * once per JVM on first use (about 0.5-0.75 s and 16 MiB) and shared by every sandbox. Validation is thread-safe.
 */
final class MetaSpecSchema {

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
        SchemaRegistry registry = SchemaRegistry.withDialect(MetaOpenApiSpec.dialect(),
                builder -> builder.schemas(Map.of(MetaOpenApiSpec.ID, MetaOpenApiSpec.text()))
                        .schemaRegistryConfig(config));
        Schema schema = registry.getSchema(SchemaLocation.of(MetaOpenApiSpec.ID + REQUEST_SCHEMA));
        schema.initializeValidators();
        return schema;
    }
}
