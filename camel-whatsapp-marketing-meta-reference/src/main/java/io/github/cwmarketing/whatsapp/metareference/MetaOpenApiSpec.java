package io.github.cwmarketing.whatsapp.metareference;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;

/**
 * Meta's OpenAPI 3.1 spec of the WhatsApp Business Messaging API ({@code business-messaging-api_v23.0.yaml}, MIT
 * licence in {@link #LICENSE_RESOURCE}), and the networknt dialect to compile schemas of it with.
 */
public final class MetaOpenApiSpec {

    /** The classpath resource of the spec (YAML). */
    public static final String RESOURCE = Resources.ROOT + "openapi/business-messaging-api_v23.0.yaml";
    /** The classpath resource of the spec's licence (MIT, Meta Platforms, Inc. and affiliates). */
    public static final String LICENSE_RESOURCE = Resources.ROOT + "openapi/LICENSE";
    /** The Graph API version the spec describes. */
    public static final String API_VERSION = "v23.0";
    /**
     * A made-up absolute id to register the spec under (e.g. {@code schemas(Map.of(ID, text()))}), so that schema
     * references resolve against it and nothing is ever fetched over the network.
     */
    public static final String ID = "https://meta-reference.invalid/business-messaging-api_v23.0.yaml";

    /**
     * The fixed fields of an OpenAPI Object. A schema reference into the spec ({@code ID + "#/components/schemas/X"})
     * makes networknt read the whole document as a schema resource; these are its top-level fields, not keywords.
     */
    private static final List<String> OPENAPI_DOCUMENT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect",
            "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs");

    private static final Dialect DIALECT = Dialect.builder(ID + "#dialect", Dialects.getOpenApi31())
            .keywords(keywords -> OPENAPI_DOCUMENT_FIELDS
                    .forEach(field -> keywords.putIfAbsent(field, new NonValidationKeyword(field))))
            .build();

    private MetaOpenApiSpec() {
    }

    /** The spec's YAML text. */
    public static String text() {
        return new String(Resources.read(RESOURCE), StandardCharsets.UTF_8);
    }

    /**
     * networknt's OpenAPI 3.1 dialect (the spec's {@code discriminator}, {@code example}, ... are known) that also
     * knows the OpenAPI document's own fields, so compiling a schema of the spec reports no unknown keyword.
     */
    public static Dialect dialect() {
        return DIALECT;
    }
}
