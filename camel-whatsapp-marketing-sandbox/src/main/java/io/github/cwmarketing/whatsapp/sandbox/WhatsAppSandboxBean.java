package io.github.cwmarketing.whatsapp.sandbox;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The sandbox as a JavaBean, for containers that create a bean from properties and call its start and stop methods:
 * a Camel YAML {@code beans} entry ({@code initMethod: start}, {@code destroyMethod: stop}), Spring XML and the like.
 * No Java needed to run one next to a YAML route:
 *
 * <pre>{@code
 * - beans:
 *     - name: whatsappSandbox
 *       type: io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandboxBean
 *       initMethod: start
 *       destroyMethod: stop
 *       properties:
 *         port: 8089
 *         callbackUrl: http://127.0.0.1:8080/whatsapp-marketing/webhook
 * }</pre>
 * The options are {@link WhatsAppSandboxMain}'s, with the same defaults (port 8089) and the same parsing: setters for
 * the common ones, {@link #setOptions(Map)} for any ({@code statuses-per-callback}, {@code latency-ms}...).
 */
public final class WhatsAppSandboxBean {

    private final Map<String, String> options = new TreeMap<>();
    private WhatsAppSandbox sandbox;

    public void setPort(int port) {
        options.put("port", Integer.toString(port));
    }

    public void setHost(String host) {
        options.put("host", host);
    }

    public void setAccessToken(String accessToken) {
        options.put("access-token", accessToken);
    }

    public void setAppSecret(String appSecret) {
        options.put("app-secret", appSecret);
    }

    public void setPhoneNumberId(String phoneNumberId) {
        options.put("phone-number-id", phoneNumberId);
    }

    public void setWabaId(String wabaId) {
        options.put("waba-id", wabaId);
    }

    public void setCallbackUrl(String callbackUrl) {
        options.put("callback-url", callbackUrl);
    }

    public void setMessagesPerSecond(int messagesPerSecond) {
        options.put("messages-per-second", Integer.toString(messagesPerSecond));
    }

    public void setStatusDelayMs(long statusDelayMs) {
        options.put("status-delay-ms", Long.toString(statusDelayMs));
    }

    /** Any of {@link WhatsAppSandboxMain}'s options by its command-line name, e.g. {@code onboarded}: false. */
    public void setOptions(Map<String, String> more) {
        options.putAll(more);
    }

    /** Builds and starts the sandbox from the options; an unknown option or a wrong value fails here. */
    public synchronized void start() {
        if (sandbox == null) {
            String[] args = options.entrySet().stream().map(option -> "--" + option.getKey() + "=" + option.getValue())
                    .toArray(String[]::new);
            sandbox = WhatsAppSandboxMain.configure(args, new Properties()).build().start();
        }
    }

    public synchronized void stop() {
        if (sandbox != null) {
            sandbox.stop();
            sandbox = null;
        }
    }

    /** The running sandbox, to inspect it ({@code sentMessages()}, {@code deliveredStatuses()}...). */
    public synchronized WhatsAppSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("The sandbox bean is not started");
        }
        return sandbox;
    }
}
