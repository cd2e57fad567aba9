package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command loop of a child JVM: reads one command a line from stdin ({@code name key=value ...}), answers one line
 * on stdout: {@code RESULT <json>} or {@code ERROR <message>}. Anything else the child prints goes to stderr, which the
 * suite keeps in a log file. The loop ends on {@code quit} or when stdin closes (the suite died).
 */
public final class AgentLoop {

    /** One command handler. */
    @FunctionalInterface
    public interface Handler {
        Map<String, Object> handle(String command, Map<String, String> arguments) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream PROTOCOL = System.out;

    private AgentLoop() {
    }

    /** Tells the suite the agent is ready, with what it wants to say (e.g. its port). */
    public static void ready(Map<String, Object> details) throws Exception {
        // from here on System.out belongs to the protocol only
        System.setOut(System.err);
        PROTOCOL.println("READY " + JSON.writeValueAsString(details));
        PROTOCOL.flush();
    }

    public static void serve(Handler handler) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String command = parts[0];
            if ("quit".equals(command)) {
                break;
            }
            Map<String, String> arguments = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    arguments.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
            }
            try {
                Map<String, Object> result = handler.handle(command, arguments);
                PROTOCOL.println("RESULT " + JSON.writeValueAsString(result == null ? Map.of() : result));
            } catch (Throwable e) {
                e.printStackTrace(System.err);
                PROTOCOL.println("ERROR " + String.valueOf(e).replace('\n', ' '));
            }
            PROTOCOL.flush();
        }
    }

    public static long longArg(Map<String, String> arguments, String name, long fallback) {
        String value = arguments.get(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    public static int intArg(Map<String, String> arguments, String name, int fallback) {
        String value = arguments.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    public static String arg(Map<String, String> arguments, String name) {
        String value = arguments.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing argument " + name);
        }
        return value;
    }
}
