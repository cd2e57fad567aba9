package io.github.cwmarketing.whatsapp.http;

/**
 * The HTTP answer of a Graph API call: status, body bytes, and the headers the component reads.
 *
 * @param status               the HTTP status
 * @param body                 the body, empty when there was none
 * @param contentType          {@code Content-Type}, or null
 * @param businessUseCaseUsage {@code x-business-use-case-usage}, Meta's way of asking clients to slow down, or null
 * @param retryAfter           {@code Retry-After} (seconds or an HTTP date), or null
 */
public record GraphApiResponse(int status, byte[] body, String contentType, String businessUseCaseUsage,
                               String retryAfter) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
