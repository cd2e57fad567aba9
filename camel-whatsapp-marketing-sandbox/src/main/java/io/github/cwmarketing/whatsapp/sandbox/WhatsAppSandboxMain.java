package io.github.cwmarketing.whatsapp.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * Runs a sandbox from the command line until Ctrl-C:
 * {@code --port 8089 --callback-url http://localhost:8080/webhook --app-secret s3cr3t}. Each option can also be given
 * as a system property {@code whatsapp.sandbox.<option>} (e.g. {@code -Dwhatsapp.sandbox.port=8089}); arguments win.
 */
public final class WhatsAppSandboxMain {

    static final int DEFAULT_PORT = 8089;
    private static final String PROPERTY_PREFIX = "whatsapp.sandbox.";
    private static final Map<String, BiConsumer<WhatsAppSandbox.Builder, String>> OPTIONS = options();

    private WhatsAppSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            printUsage(System.out);
            return;
        }
        WhatsAppSandbox sandbox = configure(args, System.getProperties()).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "whatsapp-sandbox-shutdown"));
        printBanner(sandbox, System.out);
        stopped.await();
    }

    /** A builder configured from system properties, then from {@code --option value} or {@code --option=value}. */
    static WhatsAppSandbox.Builder configure(String[] args, Properties systemProperties) {
        Map<String, String> values = new TreeMap<>(); // a fixed order: --onboarding-status wins over --onboarded
        values.put("port", Integer.toString(DEFAULT_PORT));
        OPTIONS.keySet().forEach(option -> {
            String value = systemProperties.getProperty(PROPERTY_PREFIX + option);
            if (value != null) {
                values.put(option, value);
            }
        });
        values.putAll(parseArgs(args));
        WhatsAppSandbox.Builder builder = WhatsAppSandbox.builder();
        values.forEach((option, value) -> OPTIONS.get(option).accept(builder, value));
        return builder;
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option, got " + args[i]);
            }
            String option = args[i].substring(2);
            String value;
            int equals = option.indexOf('=');
            if (equals >= 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Missing value of --" + option);
            }
            if (!OPTIONS.containsKey(option)) {
                throw new IllegalArgumentException("Unknown option --" + option + "; options: " + OPTIONS.keySet());
            }
            values.put(option, value);
        }
        return values;
    }

    private static Map<String, BiConsumer<WhatsAppSandbox.Builder, String>> options() {
        Map<String, BiConsumer<WhatsAppSandbox.Builder, String>> options = new HashMap<>();
        options.put("port", (b, v) -> b.port(Integer.parseInt(v)));
        options.put("host", WhatsAppSandbox.Builder::bindAddress);
        options.put("access-token", WhatsAppSandbox.Builder::accessToken);
        options.put("app-secret", WhatsAppSandbox.Builder::appSecret);
        options.put("phone-number-id", WhatsAppSandbox.Builder::phoneNumberId);
        options.put("display-phone-number", WhatsAppSandbox.Builder::displayPhoneNumber);
        options.put("waba-id", WhatsAppSandbox.Builder::wabaId);
        options.put("callback-url", WhatsAppSandbox.Builder::callbackUrl);
        options.put("onboarded", (b, v) -> b.onboarded(parseBoolean(v)));
        options.put("onboarding-status", WhatsAppSandbox.Builder::onboardingStatus);
        options.put("cloud-api-marketing-disabled", (b, v) -> b.cloudApiMarketingDisabled(parseBoolean(v)));
        options.put("messages-per-second", (b, v) -> b.messagesPerSecond(Integer.parseInt(v)));
        options.put("pair-limit", (b, v) -> b.pairRateLimit(Integer.parseInt(v), Scenarios.DEFAULT_PAIR_WINDOW));
        options.put("status-delay-ms", (b, v) -> b.statusDelay(Duration.ofMillis(Long.parseLong(v))));
        options.put("latency-ms", WhatsAppSandboxMain::latency);
        options.put("statuses-per-callback", (b, v) -> b.statusesPerCallback(Integer.parseInt(v)));
        options.put("schema-validation", (b, v) -> b.schemaValidation(parseBoolean(v)));
        return Map.copyOf(options);
    }

    /** {@code 100} or {@code 50-300}: a fixed or uniformly random latency in milliseconds. */
    private static void latency(WhatsAppSandbox.Builder builder, String value) {
        String[] bounds = value.split("-", 2);
        Duration min = Duration.ofMillis(Long.parseLong(bounds[0].trim()));
        Duration max = bounds.length == 2 ? Duration.ofMillis(Long.parseLong(bounds[1].trim())) : min;
        builder.responseLatency(min, max);
    }

    private static boolean parseBoolean(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("Expected true or false, got " + value);
        }
    }

    private static void printBanner(WhatsAppSandbox sandbox, PrintStream out) {
        SandboxSettings settings = sandbox.settings();
        boolean defaultSecret = WhatsAppSandbox.builder().settings().appSecret().equals(settings.appSecret());
        out.println("WhatsApp Marketing Messages sandbox running (Ctrl-C to stop)");
        out.println("  Base URI:      " + sandbox.baseUri());
        out.println("  Send:          POST " + sandbox.marketingMessagesUri());
        out.println("  Access token:  " + settings.accessToken());
        out.println("  App secret:    " + (defaultSecret ? settings.appSecret() : "(as configured)"));
        out.println("  WABA id:       " + settings.wabaId());
        out.println("  Callback URL:  " + (settings.callbackUrl() == null ? "(none)" : settings.callbackUrl()));
    }

    private static void printUsage(PrintStream out) {
        out.println("Usage: WhatsAppSandboxMain [--option value]...  (or -D" + PROPERTY_PREFIX + "<option>=value)");
        out.println("Options: " + String.join(", ", new java.util.TreeSet<>(OPTIONS.keySet())));
        out.println("Default port: " + DEFAULT_PORT);
    }
}
