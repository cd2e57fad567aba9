package io.github.cwmarketing.whatsapp.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A child JVM on the suite's own classpath, driven through its stdin/stdout line protocol (see AgentLoop). Its stderr
 * (logs, stack traces) goes to {@code <logDir>/<name>.log}.
 */
final class Child implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Map<String, Object> ready;

    private Child(String name, Process process) throws Exception {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "child-" + name);
        reader.setDaemon(true);
        reader.start();
        this.ready = parse(await("READY ", 120_000));
    }

    static Child start(String name, Class<?> mainClass, List<String> jvmOptions, List<String> arguments, Path logDir)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
        return new Child(name, builder.start());
    }

    Map<String, Object> ready() {
        return ready;
    }

    long pid() {
        return process.pid();
    }

    /** Sends a command and waits for its result. */
    Map<String, Object> call(String command, long timeoutMillis) throws Exception {
        stdin.write(command + "\n");
        stdin.flush();
        return parse(await("RESULT ", timeoutMillis));
    }

    private String await(String prefix, long timeoutMillis) throws Exception {
        String line = answers.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IllegalStateException(name + ": no answer within " + timeoutMillis + " ms (see its log)");
        }
        if (line.startsWith("ERROR ")) {
            throw new IllegalStateException(name + ": " + line.substring(6));
        }
        if (line.startsWith("EXIT")) {
            throw new IllegalStateException(name + " exited: " + line + " (see its log)");
        }
        if (!line.startsWith(prefix)) {
            throw new IllegalStateException(name + ": unexpected answer " + line);
        }
        return line.substring(prefix.length());
    }

    private static Map<String, Object> parse(String json) throws IOException {
        return JSON.readValue(json, MAP);
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ") || line.startsWith("RESULT ") || line.startsWith("ERROR ")) {
                    answers.add(line);
                } else {
                    System.err.println("[" + name + "] " + line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        answers.add("EXIT " + name);
    }

    @Override
    public void close() {
        try {
            stdin.write("quit\n");
            stdin.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
