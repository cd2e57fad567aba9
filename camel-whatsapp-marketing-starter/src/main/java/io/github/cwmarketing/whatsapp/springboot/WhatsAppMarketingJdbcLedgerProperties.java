package io.github.cwmarketing.whatsapp.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's JDBC message ledger ({@code camel.whatsapp-marketing.ledger.jdbc.*}): built on the application's
 * DataSource when enabled.
 */
@ConfigurationProperties(prefix = WhatsAppMarketingJdbcLedgerProperties.PREFIX)
public class WhatsAppMarketingJdbcLedgerProperties {

    static final String PREFIX = "camel.whatsapp-marketing.ledger.jdbc";

    /**
     * Whether to build a JdbcMessageLedger on the application's DataSource (PostgreSQL) as the component's ledger.
     */
    private boolean enabled;

    /**
     * Whether the ledger applies its schema script (META-INF/whatsapp-marketing/ledger/postgresql) at start when its
     * tables are absent; false: it only checks the schema version.
     */
    private boolean createSchema = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isCreateSchema() {
        return createSchema;
    }

    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }
}
