package io.github.cwmarketing.whatsapp.sandbox;

import static io.github.cwmarketing.whatsapp.sandbox.GraphClient.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WhatsAppSandboxExtensionTest {

    @RegisterExtension
    static final WhatsAppSandboxExtension WHATSAPP = new WhatsAppSandboxExtension(
            WhatsAppSandbox.builder().accessToken("extension-token").statusDelay(Duration.ofMillis(20)));

    private final WhatsAppSandbox injectedIntoConstructor;

    WhatsAppSandboxExtensionTest(WhatsAppSandbox sandbox) {
        this.injectedIntoConstructor = sandbox;
    }

    @Test
    @Order(1)
    void injectsTheStartedSandboxBuiltFromTheBuilder(WhatsAppSandbox sandbox) {
        assertThat(sandbox.isRunning()).isTrue();
        assertThat(sandbox).isSameAs(injectedIntoConstructor).isSameAs(WHATSAPP.sandbox());
        assertThat(sandbox.accessToken()).isEqualTo("extension-token");

        new GraphClient(sandbox).accepted(template("16505551234"));

        assertThat(sandbox.sentMessages()).hasSize(1);
    }

    @Test
    @Order(2)
    void resetsTheSandboxBetweenTests(WhatsAppSandbox sandbox) {
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheOuterSandbox(WhatsAppSandbox sandbox) {
            assertThat(sandbox).isSameAs(WHATSAPP.sandbox());
            assertThat(sandbox.isRunning()).isTrue();
        }
    }

    @Test
    void startsWithDefaultsAndStopsAfterAllTests() {
        DefaultsExample.seen.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(DefaultsExample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(DefaultsExample.seen).hasSize(2);
        assertThat(DefaultsExample.seen.get(0)).isSameAs(DefaultsExample.seen.get(1));
        assertThat(DefaultsExample.seen.get(0).isRunning()).isFalse();
    }

    @Test
    void runsOneSandboxPerTestWhenRegisteredOnAnInstanceField() {
        PerTestExample.seen.clear();

        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerTestExample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(PerTestExample.seen).hasSize(2).doesNotHaveDuplicates()
                .noneMatch(WhatsAppSandbox::isRunning);
    }

    /** Run through the test kit only: Surefire skips nested classes. */
    @ExtendWith(WhatsAppSandboxExtension.class)
    static class DefaultsExample {

        static final List<WhatsAppSandbox> seen = new ArrayList<>();

        @Test
        void first(WhatsAppSandbox sandbox) {
            assertDefaults(sandbox);
            seen.add(sandbox);
        }

        @Test
        void second(WhatsAppSandbox sandbox) {
            assertDefaults(sandbox);
            seen.add(sandbox);
        }

        private static void assertDefaults(WhatsAppSandbox sandbox) {
            assertThat(sandbox.isRunning()).isTrue();
            assertThat(sandbox.accessToken()).isEqualTo("sandbox-token");
            assertThat(sandbox.appSecret()).isEqualTo("sandbox-app-secret");
            assertThat(sandbox.phoneNumberId()).isEqualTo("100000000000001");
            assertThat(sandbox.wabaId()).isEqualTo("200000000000001");
            assertThat(sandbox.baseUri().getHost()).isEqualTo("127.0.0.1");
        }
    }

    static class PerTestExample {

        static final List<WhatsAppSandbox> seen = new ArrayList<>();

        @RegisterExtension
        final WhatsAppSandboxExtension whatsApp = new WhatsAppSandboxExtension();

        @Test
        void first(WhatsAppSandbox sandbox) {
            seen.add(sandbox);
        }

        @Test
        void second(WhatsAppSandbox sandbox) {
            seen.add(sandbox);
        }
    }
}
