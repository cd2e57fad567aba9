package io.github.cwmarketing.whatsapp.springboot;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.webhook.WebhookRejection;
import io.github.cwmarketing.whatsapp.webhook.WebhookRequestHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Bounds the body of every webhook POST on Spring Boot's web server. camel-platform-http-starter reads a request's
 * whole body before the webhook consumer is asked, with no limit; this filter reads it first, within the consumer's
 * {@code maxBodySize} and {@code bodyReadTimeout}: a POST announcing a larger Content-Length is answered 413 before
 * its body is read, a chunked one as soon as it passes the limit, a slow one 408, a compressed one 415 (each with
 * {@code Connection: close}, and the listener is told). An accepted body is handed on as the bytes read, so a request
 * never holds more than {@code maxBodySize} while its body arrives. Requests to other paths pass untouched.
 */
public class WhatsAppMarketingWebhookBodyFilter extends OncePerRequestFilter {

    private static final String POST = "POST";
    private static final String CONTENT_ENCODING = "Content-Encoding";

    private final CamelContext camelContext;
    private final UrlPathHelper paths = UrlPathHelper.defaultInstance;

    public WhatsAppMarketingWebhookBodyFilter(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !POST.equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WebhookRequestHandler webhook = webhookAt(paths.getLookupPathForRequest(request));
        if (webhook == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = webhook.readBody(request.getInputStream(), request.getContentLengthLong(),
                    request.getHeader(CONTENT_ENCODING));
        } catch (WebhookRejection rejection) {
            refuse(response, rejection);
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
    }

    /** The webhook a started consumer of any whatsapp-marketing component of the context serves on the path. */
    private WebhookRequestHandler webhookAt(String path) {
        for (String name : camelContext.getComponentNames()) {
            if (camelContext.hasComponent(name) instanceof WhatsAppMarketingComponent component) {
                WebhookRequestHandler webhook = component.webhookRequestHandler(path);
                if (webhook != null) {
                    return webhook;
                }
            }
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, WebhookRejection rejection) throws IOException {
        String reason = rejection.toResponse().body();
        response.setStatus(rejection.getStatus());
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(reason.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /** The request with the body already read: served from those bytes, its length their length. */
    private static final class ReadBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BytesInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }

        private Charset charset() {
            try {
                String encoding = getCharacterEncoding();
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class BytesInputStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BytesInputStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return bytes.available();
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("The body was read already; read it synchronously");
        }
    }
}
