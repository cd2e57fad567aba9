package io.github.cwmarketing.whatsapp.http;

import java.io.IOException;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Marks the moment an {@link Attempt}'s request is handed to a connection. HttpClient's async client runs its request
 * interceptors right before a connection writes the request (after the pool lease and the connect), so this is the
 * line between "not sent" and "may have reached Meta". An attempt whose deadline already passed is aborted here,
 * before a byte is written.
 */
final class HandOverInterceptor implements HttpRequestInterceptor {

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) throws IOException {
        if (context.getAttribute(Attempt.CONTEXT_ATTRIBUTE) instanceof Attempt attempt && !attempt.handOver()) {
            throw new IOException("The attempt ended before its request was sent");
        }
    }
}
