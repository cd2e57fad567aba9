package io.github.cwmarketing.whatsapp.sandbox;

import java.time.Instant;

/**
 * A status of an accepted message that is due for the callback.
 *
 * @param message    the accepted message
 * @param scenario   the message's scenario
 * @param index      which of the scenario's steps
 * @param at         when the status occurred (its webhook timestamp)
 * @param generation the sandbox generation, bumped by every reset
 */
record DueStatus(SentMessage message, Scenario scenario, int index, Instant at, long generation) {

    StatusStep step() {
        return scenario.steps().get(index);
    }

    boolean priced() {
        return scenario.pricedAt(index);
    }
}
