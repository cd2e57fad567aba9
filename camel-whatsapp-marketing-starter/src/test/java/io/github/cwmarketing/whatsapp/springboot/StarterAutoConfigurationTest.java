package io.github.cwmarketing.whatsapp.springboot;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingPacing;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's switches ({@code enabled}, the global {@code camel.component.enabled}, the customizer's
 * own switch) and the {@code configuration} bean reference, with {@link ApplicationContextRunner}.
 */
class StarterAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    WhatsAppMarketingComponentConverter.class, WhatsAppMarketingComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.whatsapp-marketing.phone-number-id=1234567890",
                    "camel.component.whatsapp-marketing.max-retries=1");

    private static WhatsAppMarketingComponent component(org.springframework.context.ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class);
    }

    @Test
    void enabledByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(WhatsAppMarketingComponentConfiguration.class);
            assertThat(context).hasBean("configureWhatsAppMarketingComponent");
            assertThat(component(context).getConfiguration().getPhoneNumberId()).isEqualTo("1234567890");
            assertThat(component(context).getConfiguration().getMaxRetries()).isEqualTo(1);
        });
    }

    @Test
    void enabledFalseSwitchesTheAutoConfigurationOff() {
        runner.withPropertyValues("camel.component.whatsapp-marketing.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(WhatsAppMarketingComponentConfiguration.class);
            assertThat(context).doesNotHaveBean(ComponentCustomizer.class);
            assertThat(context).doesNotHaveBean(WhatsAppMarketingComponentAutoConfiguration.class);
            // the component still works, with its own defaults
            assertThat(component(context).getConfiguration().getPhoneNumberId()).isNull();
            assertThat(component(context).getConfiguration().getMaxRetries()).isEqualTo(3);
        });
    }

    @Test
    void globalComponentSwitchAlsoApplies() {
        runner.withPropertyValues("camel.component.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(WhatsAppMarketingComponentConfiguration.class));
    }

    @Test
    void customizerCanBeSwitchedOffAlone() {
        runner.withPropertyValues("camel.component.whatsapp-marketing.customizer.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(WhatsAppMarketingComponentConfiguration.class);
            assertThat(component(context).getConfiguration().getPhoneNumberId()).isNull();
        });
    }

    @Test
    void configurationBeanIsTheBaseAndExplicitPropertiesWin() {
        runner.withUserConfiguration(BaseConfiguration.class)
                .withPropertyValues("camel.component.whatsapp-marketing.configuration=#bean:whatsAppBase")
                .run(context -> {
                    WhatsAppMarketingConfiguration configuration = component(context).getConfiguration();
                    assertThat(configuration.getTemplateName()).as("from the bean").isEqualTo("base_template");
                    assertThat(configuration.getApiVersion()).as("bean value, not the starter's default")
                            .isEqualTo("v21.0");
                    assertThat(configuration.getMessagesPerSecond()).as("bean value, not the starter's default")
                            .isEqualTo(10);
                    assertThat(configuration.getPhoneNumberId()).as("explicit property").isEqualTo("1234567890");
                    assertThat(configuration.getMaxRetries()).as("explicit property").isEqualTo(1);
                });
    }

    @Test
    void unknownBeanReferenceFailsWithItsName() {
        runner.withPropertyValues("camel.component.whatsapp-marketing.idempotent-repository=#bean:missingRepository")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("missingRepository");
                });
    }

    @Test
    void sanitizingFunctionOnlyWithActuator() {
        runner.run(context -> assertThat(context).hasBean("whatsAppMarketingSanitizingFunction"));
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("whatsAppMarketingSanitizingFunction");
            assertThat(component(context).getConfiguration().getPhoneNumberId()).isEqualTo("1234567890");
        });
    }

    @Test
    void sanitizerMasksTheSecretNamesInAnySpelling() {
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret("camel.component.whatsapp-marketing.access-token")).isTrue();
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret("accessToken")).isTrue();
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret("WHATSAPP_ACCESS_TOKEN")).isTrue();
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret("CAMEL_COMPONENT_WHATSAPPMARKETING_APPSECRET")).isTrue();
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret("camel.component.whatsapp-marketing.verify-token")).isTrue();
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret("camel.component.whatsapp-marketing.api-key")).isTrue();
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret("camel.component.whatsapp-marketing.phone-number-id"))
                .isFalse();
        assertThat(WhatsAppMarketingSanitizingFunction.isSecret(
                "camel.component.whatsapp-marketing.health-check-token-validation")).isFalse();
    }

    @Test
    void sharedPacingIsSwitchedOnByPropertiesAlone() {
        runner.withUserConfiguration(DataSources.class)
                .withPropertyValues("camel.component.whatsapp-marketing.pacing=database",
                        "camel.component.whatsapp-marketing.max-messages-per-second=1000",
                        "camel.component.whatsapp-marketing.pair-pacing=false")
                .run(context -> {
                    WhatsAppMarketingComponent component = component(context);
                    assertThat(component.getPacing()).isEqualTo(WhatsAppMarketingPacing.DATABASE);
                    assertThat(component.getPacingDataSource()).as("left to the registry's only DataSource").isNull();
                    assertThat(component.getConfiguration().getMaxMessagesPerSecond()).isEqualTo(1000);
                    assertThat(component.getConfiguration().isPairPacing()).isFalse();
                });
    }

    @Test
    void thePacingDataSourceIsABeanReference() {
        runner.withUserConfiguration(DataSources.class)
                .withPropertyValues("camel.component.whatsapp-marketing.pacing=DATABASE",
                        "camel.component.whatsapp-marketing.pacing-data-source=#bean:pacingDb")
                .run(context -> assertThat(component(context).getPacingDataSource())
                        .isSameAs(context.getBean("pacingDb")));
    }

    /** A DataSource bean to bind by reference; never connected to in these binding tests. */
    @Configuration(proxyBeanMethods = false)
    static class DataSources {

        @Bean
        DataSource pacingDb() {
            return new UnconnectedDataSource();
        }
    }

    static final class UnconnectedDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("not connected in this test");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BaseConfiguration {

        @Bean
        WhatsAppMarketingConfiguration whatsAppBase() {
            WhatsAppMarketingConfiguration configuration = new WhatsAppMarketingConfiguration();
            configuration.setTemplateName("base_template");
            configuration.setApiVersion("v21.0");
            configuration.setMessagesPerSecond(10);
            return configuration;
        }
    }
}
