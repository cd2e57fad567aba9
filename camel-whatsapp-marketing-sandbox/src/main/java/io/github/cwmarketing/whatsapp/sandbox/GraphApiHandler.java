package io.github.cwmarketing.whatsapp.sandbox;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * Serves one Graph API operation of the sandbox. To simulate another path, write a handler and register it in
 * {@link WhatsAppSandbox}; {@link GraphApiTransformer} routes the matching requests to it.
 */
interface GraphApiHandler {

    /** Unique name, used to route WireMock stubs to this handler. */
    String name();

    /** The requests this handler serves, e.g. {@code post(urlPathMatching("/v[0-9.]+/[^/]+/marketing_messages"))}. */
    MappingBuilder requests();

    GraphResponse handle(GraphRequest request);

    /** Forgets per-test state (counters, limits). */
    default void reset() {
    }
}
