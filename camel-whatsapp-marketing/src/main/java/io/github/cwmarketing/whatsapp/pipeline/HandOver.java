package io.github.cwmarketing.whatsapp.pipeline;

import java.util.concurrent.CompletionStage;

/**
 * What the message ledger records around a request's attempts. {@link #handOver()} is asked right before an attempt
 * leaves, after its pacing slot: the request leaves only once its stage completes, and a failed stage fails the send
 * with its exception, no request made. {@link #handBack()} is told when an attempt was provably not accepted (Meta
 * refused it, or it never left) and its retry waits: a crash meanwhile then leaves the send to be sent again rather
 * than counted an unknown outcome; the retry is handed over again before it leaves.
 */
public interface HandOver {

    CompletionStage<Void> handOver();

    void handBack();
}
