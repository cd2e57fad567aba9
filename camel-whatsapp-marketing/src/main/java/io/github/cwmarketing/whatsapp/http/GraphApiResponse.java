package io.github.cwmarketing.whatsapp.http;

/**
 * The HTTP answer of a Graph API call: status, body bytes, and the headers the component reads.
 *
 * @param status               the HTTP status
 * @param body                 the body, empty when there was none
 * @param contentType          {@code Content-Type}, or null
 * @param businessUseCaseUsage {@code x-business-use-case-usage}, Meta's way of asking clients to slow down, or null
 * @param retryAfter           {@code Retry-After} (seconds or an HTTP date), or null
 * @param bodyOverLimit        the answer's body was longer than {@link GraphApiTransport#MAX_RESPONSE_BODY_BYTES}
 *                             and was not read ({@code body} is then empty)
 */
public record GraphApiResponse(int status, byte[] body, String contentType, String businessUseCaseUsage,
                               String retryAfter, boolean bodyOverLimit) {

    /** An answer whose body was read whole. */
    public GraphApiResponse(int status, byte[] body, String contentType, String businessUseCaseUsage,
                            String retryAfter) {
        this(status, body, contentType, businessUseCaseUsage, retryAfter, false);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
