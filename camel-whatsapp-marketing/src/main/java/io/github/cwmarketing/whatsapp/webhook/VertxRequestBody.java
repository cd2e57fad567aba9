package io.github.cwmarketing.whatsapp.webhook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
            received.cancel(false);
            throw buffer.deadlinePassed();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebhookRejection rejection) {
                throw rejection;
            }
            throw new WebhookRejection(WebhookResponse.BAD_REQUEST, "Unreadable body", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookRejection(WebhookResponse.INTERNAL_SERVER_ERROR, "Interrupted while reading the body");
        }
    }

    /**
     * Makes the server drop the rest of a body it will not read: the stream (HTTP/2) or the connection (HTTP/1.x,
     * announced with {@code Connection: close} so that the client does not reuse it) is closed once the answer is
     * sent, instead of the client's upload going on.
     */
    static void closeAfterResponse(Object body) {
        HttpServerRequest request = (HttpServerRequest) body;
        if (request.isEnded()) {
            return;
        }
        request.pause();
        HttpServerResponse response = request.response();
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        if (!http2) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.endHandler(sent -> {
            if (http2) {
                response.reset();
            } else {
                request.connection().close();
            }
        });
    }
}
