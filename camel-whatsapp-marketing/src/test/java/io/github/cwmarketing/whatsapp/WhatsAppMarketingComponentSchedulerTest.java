package io.github.cwmarketing.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The component's scheduler holds a task per message waiting for a pacing slot or a retry, and a response deadline per
 * call in flight: it must take far more than the 1,000 tasks Camel's default thread pool profile allows a queue (found
 * by the benchmarks: 1,500 paced messages in flight failed with "The component is stopping; request not sent").
 */
class WhatsAppMarketingComponentSchedulerTest {

    @Test
    void schedulerQueueIsNotCappedAtCamelsDefaultQueueSize() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            WhatsAppMarketingComponent component = new WhatsAppMarketingComponent();
            context.addComponent("whatsapp-marketing", component);
            context.start();
            ScheduledExecutorService scheduler = component.scheduler();
            List<ScheduledFuture<?>> tasks = new ArrayList<>();
            assertThatCode(() -> {
                for (int i = 0; i < 5_000; i++) {
                    tasks.add(scheduler.schedule(() -> { }, 1, TimeUnit.HOURS));
                }
            }).doesNotThrowAnyException();
            assertThat(tasks).hasSize(5_000);
            tasks.forEach(task -> task.cancel(false));
        }
    }
}
