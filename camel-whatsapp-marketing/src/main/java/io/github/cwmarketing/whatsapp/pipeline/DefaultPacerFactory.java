package io.github.cwmarketing.whatsapp.pipeline;

/**
 * The default pacing: one in-memory {@link TokenBucketPacer} per phone number id, in this JVM only.
 */
public class DefaultPacerFactory implements PacerFactory {

    @Override
    public Pacer createPacer(String pacingKey, int messagesPerSecond) {
        return new TokenBucketPacer(messagesPerSecond);
    }
}
