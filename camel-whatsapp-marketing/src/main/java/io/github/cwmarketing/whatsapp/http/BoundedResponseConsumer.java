package io.github.cwmarketing.whatsapp.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * Buffers a response body up to a limit. A body announced or found longer than the limit stops the reading at once
 * (the connection is dropped) with a {@link ResponseTooLargeException} holding the status and headers, so a hostile
 * or broken server cannot fill the heap: HttpClient's {@code SimpleResponseConsumer} buffers any length.
 */
final class BoundedResponseConsumer implements AsyncResponseConsumer<SimpleHttpResponse> {

    private final int maxBodyBytes;
    private final ByteArrayBuffer body = new ByteArrayBuffer(1024);
    private SimpleHttpResponse head;
    private ContentType contentType;
    private FutureCallback<SimpleHttpResponse> resultCallback;

    BoundedResponseConsumer(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                FutureCallback<SimpleHttpResponse> callback) throws IOException {
        head = SimpleHttpResponse.copy(response);
        if (entity == null) {
            callback.completed(head);
            return;
        }
        if (entity.getContentLength() > maxBodyBytes) {
            throw new ResponseTooLargeException(head, maxBodyBytes);
        }
        contentType = ContentType.parseLenient(entity.getContentType());
        resultCallback = callback;
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing the component uses
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if ((long) body.length() + src.remaining() > maxBodyBytes) {
            throw new ResponseTooLargeException(head, maxBodyBytes);
        }
        body.append(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        head.setBody(body.toByteArray(), contentType);
        resultCallback.completed(head);
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        body.clear();
    }

    /** A response whose body passed the limit: its status and headers, without the body. */
    static final class ResponseTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient SimpleHttpResponse head;

        ResponseTooLargeException(SimpleHttpResponse head, int maxBodyBytes) {
            super("HTTP " + head.getCode() + " with a body longer than " + maxBodyBytes + " bytes; it was not read");
            this.head = head;
        }

        SimpleHttpResponse head() {
            return head;
        }
    }
}
