package io.github.cwmarketing.whatsapp.springboot;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With {@code camel.whatsapp-marketing.ledger.jdbc.enabled=true}: a {@link JdbcMessageLedger} on the application's
 * {@link DataSource} (PostgreSQL), which the component's autowired {@code ledger} option then uses. Not when the
 * application defines its own {@link MessageLedger}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
                   before = WhatsAppMarketingComponentAutoConfiguration.class)
@ConditionalOnProperty(prefix = WhatsAppMarketingJdbcLedgerProperties.PREFIX, name = "enabled")
@EnableConfigurationProperties(WhatsAppMarketingJdbcLedgerProperties.class)
public class WhatsAppMarketingJdbcLedgerAutoConfiguration {

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean(MessageLedger.class)
    public JdbcMessageLedger whatsAppMarketingLedger(DataSource dataSource,
                                                     WhatsAppMarketingJdbcLedgerProperties properties) {
        JdbcMessageLedger ledger = new JdbcMessageLedger(dataSource);
        ledger.setCreateSchema(properties.isCreateSchema());
        return ledger;
    }
}
