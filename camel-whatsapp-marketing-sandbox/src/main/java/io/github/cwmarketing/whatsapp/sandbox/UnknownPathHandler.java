package io.github.cwmarketing.whatsapp.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** Answers every request no other handler serves with a Graph-style error instead of WireMock's 404 page. */
final class UnknownPathHandler implements GraphApiHandler {

    // WireMock tries stubs with a lower number first; every other handler uses the default priority.
    private static final int LOWEST_PRIORITY = 1000;

    @Override
    public String name() {
        return "unknown-path";
    }

    @Override
    public MappingBuilder requests() {
        return any(anyUrl()).atPriority(LOWEST_PRIORITY);
    }

    @Override
    public GraphResponse handle(GraphRequest request) {
        return ErrorEnvelope.response(WhatsAppError.UNKNOWN_PATH,
                "The sandbox does not serve " + request.method() + " " + request.path());
    }
}
