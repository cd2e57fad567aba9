package io.github.cwmarketing.whatsapp.springboot;

import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.http.HttpClientConfigurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the object options of {@link WhatsAppMarketingComponentConfiguration} from bean references, as Camel's
 * generated starters do: {@code #bean:name} or {@code #name} (a plain {@code name} is accepted too) becomes the Spring
 * bean of that name and the option's type, e.g.
 * {@code camel.component.whatsapp-marketing.idempotent-repository=#bean:webhookRepository}.
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class WhatsAppMarketingComponentConverter implements GenericConverter {

    private static final Map<String, Class<?>> TYPES = Map.of(
            WhatsAppMarketingConfiguration.class.getName(), WhatsAppMarketingConfiguration.class,
            IdempotentRepository.class.getName(), IdempotentRepository.class,
            SSLContextParameters.class.getName(), SSLContextParameters.class,
            HttpClientConfigurer.class.getName(), HttpClientConfigurer.class,
            DataSource.class.getName(), DataSource.class);

    private final ApplicationContext applicationContext;

    public WhatsAppMarketingComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(
                new ConvertiblePair(String.class, WhatsAppMarketingConfiguration.class),
                new ConvertiblePair(String.class, IdempotentRepository.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, HttpClientConfigurer.class),
                new ConvertiblePair(String.class, DataSource.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        Class<?> type = TYPES.get(targetType.getType().getName());
        if (type == null) {
            return null;
        }
        String reference = source.toString().trim();
        if (reference.isEmpty()) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length())
                : reference.startsWith("#") ? reference.substring(1) : reference;
        try {
            return applicationContext.getBean(name, type);
        } catch (NoSuchBeanDefinitionException e) {
            throw new IllegalArgumentException("No bean named '" + name + "' of type " + type.getName()
                                               + " for the bean reference '" + reference + "'", e);
        }
    }
}
