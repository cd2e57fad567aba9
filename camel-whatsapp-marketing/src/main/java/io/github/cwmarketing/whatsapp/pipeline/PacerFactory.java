package io.github.cwmarketing.whatsapp.pipeline;

/**
 * Creates the {@link Pacer} of a phone number id. The component asks once per pacing key and shares the pacer with
 * every endpoint that sends through that number. Set it as the component's {@code pacerFactory} option, or bind one
 * bean of this type in the registry (it is autowired); the default is {@link DefaultPacerFactory}, or the shared
 * PostgreSQL one with {@code pacing=DATABASE}.
 */
@FunctionalInterface
public interface PacerFactory {

    /**
     * The pacer of one pacing key: a phone number id, or for 360dialog a fingerprint of the API key that stands for
     * one number. Must not block.
     */
    Pacer createPacer(String pacingKey, int messagesPerSecond);

    /**
     * The pacer of one pacing key, knowing all its settings (whether the rate is adaptive, for instance). The
     * component calls this one; by default it asks {@link #createPacer(String, int)} with the starting rate.
     */
    default Pacer createPacer(String pacingKey, PacingSettings settings) {
        return createPacer(pacingKey, settings.messagesPerSecond());
    }
}
