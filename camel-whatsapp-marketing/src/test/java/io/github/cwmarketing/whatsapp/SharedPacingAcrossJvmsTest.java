package io.github.cwmarketing.whatsapp;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cwmarketing.whatsapp.support.EmbeddedPostgres;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two JVMs send for one phone number id with {@code pacing=DATABASE} on one embedded PostgreSQL, counted at the
 * stub: together they stay within the number's rate, and each gets a share. Only bounds a slow machine cannot break
 * are asserted (it can only send more slowly, never faster).
 */
class SharedPacingAcrossJvmsTest {

    private static final int RATE = 100;
    private static final int PER_INSTANCE = 150;
    private static final String DATABASE = "shared_pacing_jvms";
    private static GraphApiStub graphApi;

    @BeforeAll
    static void start() {
        graphApi = new GraphApiStub();
        graphApi.acceptAll();
        EmbeddedPostgres.createDatabase(DATABASE);
    }

    @AfterAll
    static void stop() {
        graphApi.close();
    }

    @Test
    void twoJvmsTogetherStayWithinOneNumbersRate() throws Exception {
        String jdbcUrl = EmbeddedPostgres.server().getJdbcUrl("postgres", DATABASE);
        Process child = new ProcessBuilder(javaBinary(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SharedPacingInstance.class.getName(), graphApi.baseUri(), jdbcUrl, String.valueOf(RATE),
                String.valueOf(PER_INSTANCE), "4917")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (SharedPacingInstance parent = new SharedPacingInstance(graphApi.baseUri(), jdbcUrl, RATE);
             BufferedReader childOut = new BufferedReader(
                     new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            parent.warmUp();
            assertThat(readLine(childOut, "READY")).isEqualTo("READY");
            graphApi.reset();
            graphApi.acceptAll();
            OutputStream go = child.getOutputStream();
            go.write('\n');
            go.flush();

            int[] mine = parent.send(PER_INSTANCE, "4916");
            String childDone = readLine(childOut, "DONE");

            assertThat(mine).containsExactly(PER_INSTANCE, 0);
            assertThat(childDone).isEqualTo("DONE " + PER_INSTANCE + " 0");
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        List<LoggedRequest> arrivals = graphApi.marketingMessageRequests();
        assertThat(arrivals).hasSize(2 * PER_INSTANCE);
        List<Long> times = arrivals.stream().map(request -> request.getLoggedDate().getTime()).sorted().toList();
        long spanMillis = times.get(times.size() - 1) - times.get(0);
        // 300 messages at 100/s: the bucket's burst (20) and the leased tokens allow a few dozen early; arrival jitter
        // on a busy machine bunches some more within a second
        assertThat(spanMillis).as("all arrivals spread at the shared rate, not at twice it").isGreaterThan(2_200);
        assertThat(maxInAnySecond(times)).as("no second above the rate plus the burst").isLessThanOrEqualTo(RATE + 50);
        long fromChild = arrivals.stream().filter(request -> request.getBodyAsString().contains("\"4917")).count();
        assertThat(fromChild).isEqualTo(PER_INSTANCE);
        long half = times.get(0) + spanMillis / 2;
        long childInFirstHalf = arrivals.stream().filter(request -> request.getLoggedDate().getTime() < half
                && request.getBodyAsString().contains("\"4917")).count();
        long inFirstHalf = times.stream().filter(time -> time < half).count();
        assertThat(childInFirstHalf).as("both busy: the child gets a share from the start").isGreaterThan(inFirstHalf / 4);
    }

    private static long maxInAnySecond(List<Long> times) {
        long max = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= 1000) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    private static String readLine(BufferedReader out, String prefix) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String read;
                while ((read = out.readLine()) != null) {
                    if (read.startsWith(prefix)) {
                        return read;
                    }
                }
                return "EOF";
            } catch (java.io.IOException e) {
                return "EOF: " + e;
            }
        });
        return line.get(60, TimeUnit.SECONDS);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
