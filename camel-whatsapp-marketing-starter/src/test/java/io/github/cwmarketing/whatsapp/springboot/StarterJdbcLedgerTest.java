package io.github.cwmarketing.whatsapp.springboot;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.ledger.InMemoryMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC ledger the starter builds on the application's DataSource, only when enabled and none is defined. */
class StarterJdbcLedgerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WhatsAppMarketingJdbcLedgerAutoConfiguration.class))
            .withBean(DataSource.class, PGSimpleDataSource::new);

    @Test
    void enabledItIsBuiltOnTheDataSource() {
        runner.withPropertyValues("camel.whatsapp-marketing.ledger.jdbc.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(JdbcMessageLedger.class));
    }

    @Test
    void notWithoutTheSwitchNorBesideTheApplicationsOwnLedger() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MessageLedger.class));
        runner.withPropertyValues("camel.whatsapp-marketing.ledger.jdbc.enabled=true")
                .withBean(MessageLedger.class, InMemoryMessageLedger::new)
                .run(context -> assertThat(context).hasSingleBean(MessageLedger.class)
                        .doesNotHaveBean(JdbcMessageLedger.class));
    }
}
