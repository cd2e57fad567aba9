package io.github.cwmarketing.whatsapp.sandbox;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends WireMock's own messages to the application's SLF4J: wiremock-standalone shades SLF4J, so its built-in
 * notifier would log nowhere. Info goes to DEBUG because WireMock's info is request-level noise.
 */
final class WireMockSlf4jNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.cwmarketing.whatsapp.sandbox.WireMock");

    @Override
    public void info(String message) {
        LOG.debug(message);
    }

    @Override
    public void error(String message) {
        LOG.error(message);
    }

    @Override
    public void error(String message, Throwable t) {
        LOG.error(message, t);
    }
}
