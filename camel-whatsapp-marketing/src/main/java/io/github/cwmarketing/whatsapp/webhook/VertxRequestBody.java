package io.github.cwmarketing.whatsapp.webhook;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Reads the body of a Vert.x request that platform-http handed over unread ({@code useBodyHandler=false}): the
 * consumer, not Vert.x's BodyHandler, decides how much is buffered. The only class that touches Vert.x; loaded only
 * when Vert.x is on the classpath (see {@link RawBody}).
 */
final class VertxRequestBody {

    private VertxRequestBody() {
    }

    static boolean isRequest(Object body) {
        return body instanceof HttpServerRequest;
    }

    /**
     * Resumes the paused request and waits, on this worker thread, until its body ended, passed the limit or the
     * deadline; the chunks are collected on the request's event loop.
     */
    static byte[] read(Object body, BodyBuffer buffer) throws WebhookRejection {
        HttpServerRequest request = (HttpServerRequest) body;
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        try {
            request.exceptionHandler(received::completeExceptionally);
            request.handler(chunk -> {
                try {
                    if (!received.isDone()) {
                        buffer.append(chunk.getBytes(), 0, chunk.length());
                    }
                } catch (WebhookRejection tooLarge) {
                    request.pause();
                    received.completeExceptionally(tooLarge);
                }
            });
            request.endHandler(ended -> received.complete(buffer.toByteArray()));
            request.resume();
        } catch (IllegalStateException alreadyRead) {
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable body", alreadyRead);
        }
        return await(received, buffer);
    }

    private static byte[] await(CompletableFuture<byte[]> received, BodyBuffer buffer) throws WebhookRejection {
        try {
            return received.get(Math.max(0, buffer.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            if (received.cancel(false)) {
                throw buffer.deadlinePassed();
            }
            return await(received, buffer); // it ended at the deadline: its outcome is there
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebhookRejection rejection) {
                throw rejection;
            }
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable body", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading a webhook body", e);
        }
    }

    /**
     * Makes the server drop the rest of a body it will not read. The answer goes out at once, announcing
     * {@code Connection: close} (HTTP/1.x); then the rest of the upload is read and thrown away, nothing kept, for at
     * most {@code drainTime}, so that a client still sending can read the answer (closing with unread bytes would
     * reset the connection and lose it); then the connection (HTTP/1.x) or the stream (HTTP/2) is closed.
     */
    static void closeAfterResponse(Object body, Duration drainTime) {
        HttpServerRequest request = (HttpServerRequest) body;
        if (request.isEnded()) {
            return;
        }
        request.pause();
        HttpServerResponse response = request.response();
        if (request.version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.endHandler(sent -> drainThenClose(request, drainTime));
    }

    /** On the request's event loop, once the answer is sent. */
    private static void drainThenClose(HttpServerRequest request, Duration drainTime) {
        Context context = Vertx.currentContext();
        if (context == null || drainTime.isZero() || drainTime.isNegative()) {
            close(request);
            return;
        }
        long timer = context.owner().setTimer(drainTime.toMillis(), expired -> close(request));
        request.handler(discarded -> {
        });
        request.endHandler(ended -> {
            context.owner().cancelTimer(timer);
            close(request);
        });
        request.resume();
    }

    private static void close(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
        } else {
            request.connection().close();
        }
    }
}
