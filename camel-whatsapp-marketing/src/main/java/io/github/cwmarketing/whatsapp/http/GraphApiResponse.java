package io.github.cwmarketing.whatsapp.http;

/**
 * The HTTP answer of a Graph API call: status, body bytes, and the usage header Meta uses to ask clients to slow down.
 */
public record GraphApiResponse(int status, byte[] body, String businessUseCaseUsage) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
