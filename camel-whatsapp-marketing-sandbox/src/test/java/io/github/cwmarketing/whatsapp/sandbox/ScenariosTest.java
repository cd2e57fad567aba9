package io.github.cwmarketing.whatsapp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    private final Scenarios scenarios = Scenarios.defaults();

    @Test
    void picksTheScenarioByTheLastDigitOfTheRecipient() {
        assertThat(scenarios.forRecipient("+1 650 555 1230")).isSameAs(Scenarios.UNDELIVERABLE);
        assertThat(scenarios.forRecipient("16505551239")).isSameAs(Scenarios.PER_USER_LIMIT);
        assertThat(scenarios.forRecipient("16505551238")).isSameAs(Scenarios.NEVER_READ);
        assertThat(scenarios.forRecipient("16505551237")).isSameAs(Scenarios.PAIR_LIMITED_ONCE);
        assertThat(scenarios.forRecipient("16505551236")).isSameAs(Scenarios.HELD_THEN_READ);
        assertThat(scenarios.forRecipient("16505551235")).isSameAs(Scenarios.PAUSED_THEN_READ);
        assertThat(scenarios.forRecipient("16505551234")).isSameAs(Scenarios.READ);
        assertThat(scenarios.forRecipient("US.ENT.1181579921288684483X")).isSameAs(Scenarios.READ);
        assertThat(scenarios.forRecipient("")).isSameAs(Scenarios.READ);
    }

    @Test
    void letsARowBeReplaced() {
        Scenario bounced = Scenario.of("failed at once", StatusStep.failed(WhatsAppError.UNDELIVERABLE));

        Scenarios custom = scenarios.with(3, bounced);

        assertThat(custom.forRecipient("16505551233")).isSameAs(bounced);
        assertThat(scenarios.forRecipient("16505551233")).isSameAs(Scenarios.READ);
    }

    @Test
    void pricesSentAndTheFirstOfDeliveredOrReadOnly() {
        assertThat(Scenarios.READ.pricedAt(0)).isTrue();
        assertThat(Scenarios.READ.pricedAt(1)).isTrue();
        assertThat(Scenarios.READ.pricedAt(2)).isFalse();
        assertThat(Scenario.of("read without delivered", StatusStep.sent(), StatusStep.read()).pricedAt(1)).isTrue();
        assertThat(Scenarios.UNDELIVERABLE.pricedAt(1)).isFalse();
    }

    @Test
    void answersAcceptedUnlessTheScenarioSaysHeldOrPaused() {
        assertThat(Scenarios.READ.messageStatus()).isEqualTo("accepted");
        assertThat(Scenarios.PAIR_LIMITED_ONCE.messageStatus()).isEqualTo("accepted");
        assertThat(Scenarios.HELD_THEN_READ.messageStatus()).isEqualTo("held_for_quality_assessment");
        assertThat(Scenarios.HELD_THEN_DROPPED.messageStatus()).isEqualTo("held_for_quality_assessment");
        assertThat(Scenarios.PAUSED_THEN_READ.messageStatus()).isEqualTo("paused");
        assertThat(Scenarios.PAUSED_THEN_READ.rejectingFirst(1, WhatsAppError.PAIR_RATE_LIMIT).messageStatus())
                .isEqualTo("paused");
    }

    @Test
    void rejectsOnlyTheConfiguredFirstAttempts() {
        assertThat(Scenarios.PAIR_LIMITED_ONCE.rejects(1)).isTrue();
        assertThat(Scenarios.PAIR_LIMITED_ONCE.rejects(2)).isFalse();
        assertThat(Scenarios.READ.rejects(1)).isFalse();
    }

    @Test
    void keepsTheDocumentedDefaultLimits() {
        assertThat(Scenarios.DEFAULT_MESSAGES_PER_SECOND).isEqualTo(80);
        assertThat(Scenarios.DEFAULT_PAIR_LIMIT).isEqualTo(45);
        assertThat(Scenarios.DEFAULT_PAIR_WINDOW).isEqualTo(Duration.ofSeconds(6));
    }
}
