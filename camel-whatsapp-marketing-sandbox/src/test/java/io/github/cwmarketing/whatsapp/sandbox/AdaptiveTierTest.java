package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.spi.PacingStatus;
import io.github.cwmarketing.whatsapp.spi.RateChangeReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The component's adaptive rate ({@code maxMessagesPerSecond}) against the sandbox's throughput tier: it starts from
 * the level the sandbox answers, backs off on the sandbox's 130429 above the tier, and climbs to the maximum once the
 * sandbox upgrades the number. Real time, with small rates; only what a slow machine cannot change is asserted
 * (a slow machine sends less, which can only delay the climb, up to the 30 s bound).
 */
class AdaptiveTierTest extends CamelTestSupport {

    private final List<String> changes = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("rateChanges", new WhatsAppMarketingListener() {
            @Override
            public void onRateChanged(PacingStatus status, int previousRate, RateChangeReason reason) {
                changes.add(previousRate + "->" + status.messagesPerSecond() + " " + reason);
            }
        });
    }

    private static String sendUri(WhatsAppSandbox sandbox, String options) {
        return "whatsapp-marketing:send?baseUri=" + sandbox.baseUri() + "&accessToken=" + sandbox.accessToken()
               + "&phoneNumberId=" + sandbox.phoneNumberId() + "&templateName=autumn_offer&templateLanguage=en"
               + "&retryDelay=100ms&retryMaxDelay=2s" + options;
    }

    private boolean reachedTheMaximum() {
        return changes.stream().anyMatch(change -> change.matches("\\d+->40 RAISED"));
    }

    @Test
    void anUpgradedNumberIsPacedAtItsLevelFromTheStart() throws Exception {
        try (WhatsAppSandbox upgraded = WhatsAppSandbox.builder().throughputUpgrade(Duration.ZERO).build().start()) {
            context.getEndpoint(sendUri(upgraded, "&maxMessagesPerSecond=1000")).createProducer().start();

            for (int i = 0; i < 250 && changes.isEmpty(); i++) {
                Thread.sleep(20);
            }

            assertThat(changes).containsExactly("80->1000 THROUGHPUT_LEVEL");
        }
    }

    @Test
    void theRateBacksOffAtTheTierAndClimbsToTheMaximumOnceTheNumberIsUpgraded() throws Exception {
        // small rates, so that a busy machine still sends at them: a tier of 20/s, upgraded to 40/s once the rate
        // backed off
        try (WhatsAppSandbox sandbox = WhatsAppSandbox.builder().messagesPerSecond(20).upgradedMessagesPerSecond(40)
                .statusDelay(Duration.ofHours(1)).schemaValidation(false).build().start()) {
            String uri = sendUri(sandbox, "&messagesPerSecond=20&maxMessagesPerSecond=40&maxRetries=8");
            Semaphore outstanding = new Semaphore(60);
            AtomicInteger failed = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            ProducerTemplate producer = context.createProducerTemplate();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int sent = 0;
            while (!reachedTheMaximum() && System.nanoTime() < deadline) {
                if (changes.stream().anyMatch(change -> change.endsWith("THROUGHPUT_LIMIT"))) {
                    sandbox.upgradeThroughput();
                }
                if (!outstanding.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                // last digits 1 to 4: the sandbox's plain "accepted" scenario; not a US number (usRecipients)
                String to = "49151" + String.format("%07d", sent) + (1 + sent % 4);
                sent++;
                producer.asyncSend(uri, exchange -> exchange.getMessage()
                        .setHeader(WhatsAppMarketingConstants.TO, to)).whenComplete((exchange, error) -> {
                            Exception exception = exchange.getException();
                            if (exception != null) {
                                failed.incrementAndGet();
                                failures.add(exception);
                            }
                            outstanding.release();
                        });
            }
            assertThat(outstanding.tryAcquire(60, 30, TimeUnit.SECONDS)).as("every send ended").isTrue();

            assertThat(reachedTheMaximum()).as("the rate climbed to the maximum after the upgrade: %s", changes)
                    .isTrue();
            assertThat(changes.get(0)).as("the level read says STANDARD, 80/s, capped at the maximum: %s", changes)
                    .isEqualTo("20->40 THROUGHPUT_LEVEL");
            assertThat(changes.get(1)).as("above the tier: 130429: %s", changes).isEqualTo("40->32 THROUGHPUT_LIMIT");
            assertThat(changes).as("never above the maximum")
                    .allSatisfy(change -> assertThat(Integer.parseInt(change.split("->| ")[1])).isLessThanOrEqualTo(40));
            assertThat(failures).as("130429 answers were retried, nothing lost").isEmpty();
            assertThat(failed).hasValue(0);
        }
    }
}
