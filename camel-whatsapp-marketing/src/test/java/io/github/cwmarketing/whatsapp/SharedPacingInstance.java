package io.github.cwmarketing.whatsapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * One instance of an application that sends for a phone number id with pacing shared through PostgreSQL, configured
 * from properties only (as Camel Main or Spring Boot bind {@code camel.component.whatsapp-marketing.*}). Run as a
 * child JVM by {@link SharedPacingAcrossJvmsTest}, or in the test's own JVM.
 * <p>
 * Arguments: Graph API base URI, JDBC URL, messages per second, messages to send, recipient prefix. Prints
 * {@code READY} once started, sends when a line arrives on stdin, then prints {@code DONE <accepted> <failed>}.
 */
public final class SharedPacingInstance implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final CamelContext context;
    private final String uri;
    private final String warmUpUri;

    public SharedPacingInstance(String baseUri, String jdbcUrl, int messagesPerSecond) throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(pool);
        context = new DefaultCamelContext();
        context.getRegistry().bind("pacingDb", dataSource);
        WhatsAppMarketingComponent component = new WhatsAppMarketingComponent();
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withProperties(new java.util.HashMap<>(Map.of("pacing", "DATABASE"))).bind();
        context.addComponent("whatsapp-marketing", component);
        context.start();
        uri = uri(baseUri, "106540352242922", messagesPerSecond);
        warmUpUri = uri(baseUri, "100000000000001", 1000);
    }

    private static String uri(String baseUri, String phoneNumberId, int messagesPerSecond) {
        return "whatsapp-marketing:send?accessToken=EAAtestTOKEN0123456789secret&phoneNumberId=" + phoneNumberId
               + "&baseUri=" + baseUri + "&templateName=autumn_offer&templateLanguage=en&pairPacing=false"
               + "&messagesPerSecond=" + messagesPerSecond;
    }

    /**
     * Opens the HTTP connections, the database pool and the pacing table through another phone number id, so that
     * the measured sends do not wait for a cold JVM.
     */
    public void warmUp() {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < 40; i++) {
            sends.add(template.asyncSend(warmUpUri, exchange -> exchange.getMessage()
                    .setHeader(WhatsAppMarketingConstants.TO, "4915000000000")));
        }
        sends.forEach(CompletableFuture::join);
    }

    /** Sends the messages at once (the component paces them); returns accepted and failed counts. */
    public int[] send(int messages, String recipientPrefix) {
        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String to = recipientPrefix + String.format("%05d", i);
            sends.add(template.asyncSend(uri, exchange -> exchange.getMessage()
                    .setHeader(WhatsAppMarketingConstants.TO, to)));
        }
        int failed = 0;
        for (CompletableFuture<Exchange> send : sends) {
            if (send.join().getException() != null) {
                failed++;
            }
        }
        return new int[] { messages - failed, failed };
    }

    @Override
    public void close() {
        context.stop();
        dataSource.close();
    }

    public static void main(String[] args) throws Exception {
        try (SharedPacingInstance instance = new SharedPacingInstance(args[0], args[1], Integer.parseInt(args[2]))) {
            instance.warmUp();
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            int[] result = instance.send(Integer.parseInt(args[3]), args[4]);
            System.out.println("DONE " + result[0] + " " + result[1]);
            System.out.flush();
        }
    }
}
