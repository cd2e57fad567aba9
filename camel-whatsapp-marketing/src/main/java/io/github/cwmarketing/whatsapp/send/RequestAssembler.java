package io.github.cwmarketing.whatsapp.send;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.Template;
import io.github.cwmarketing.whatsapp.model.TemplateComponent;
import io.github.cwmarketing.whatsapp.model.TemplateLanguage;
import io.github.cwmarketing.whatsapp.model.TemplateParameter;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;

/**
 * Turns an exchange body into a complete marketing message request. Accepted bodies:
 * <ol>
 * <li>a {@link MarketingMessageRequest} (copied, never changed);</li>
 * <li>a full payload as JSON {@code String}, {@code byte[]}, {@code InputStream}, or a {@code Map} with a
 * {@code template} key;</li>
 * <li>a {@code List}: positional body text parameters ({@link TemplateParameter} elements are used as they are);</li>
 * <li>a {@code Map} without a {@code template} key: named body text parameters;</li>
 * <li>no body: the template without parameters.</li>
 * </ol>
 * Fields the payload leaves unset are filled from the {@link MessageDefaults} and Meta's fixed envelope values.
 */
public final class RequestAssembler {

    private static final String TEMPLATE_KEY = "template";

    private final ObjectMapper mapper;
    private final ObjectReader requestReader;

    public RequestAssembler(ObjectMapper mapper) {
        this.mapper = mapper;
        this.requestReader = mapper.readerFor(MarketingMessageRequest.class);
    }

    public MarketingMessageRequest assemble(Object body, MessageDefaults defaults) {
        MarketingMessageRequest request = toRequest(body);
        complete(request, defaults);
        return request;
    }

    private MarketingMessageRequest toRequest(Object body) {
        if (body == null) {
            return new MarketingMessageRequest();
        }
        if (body instanceof MarketingMessageRequest typed) {
            return typed.copy();
        }
        if (body instanceof Map<?, ?> map) {
            return map.containsKey(TEMPLATE_KEY) ? fromMap(map) : withBody(namedParameters(map));
        }
        if (body instanceof Collection<?> list) {
            return withBody(positionalParameters(list));
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            return fromJson(body);
        }
        throw new WhatsAppMarketingValidationException("body", "unsupported type " + body.getClass().getName()
                                                               + ": send a MarketingMessageRequest, a JSON payload, a"
                                                               + " Map, a List of parameters or no body");
    }

    private MarketingMessageRequest fromMap(Map<?, ?> payload) {
        try {
            return mapper.convertValue(payload, MarketingMessageRequest.class);
        } catch (IllegalArgumentException e) {
            throw invalidPayload(e.getCause() instanceof JsonMappingException mapping ? mapping : null, e);
        }
    }

    private MarketingMessageRequest fromJson(Object json) {
        try {
            if (json instanceof String text) {
                return requestReader.readValue(text);
            }
            if (json instanceof byte[] bytes) {
                return requestReader.readValue(bytes);
            }
            return requestReader.readValue((InputStream) json);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException malformed) {
                throw notJson(malformed);
            }
            throw invalidPayload(e, e);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    private static WhatsAppMarketingValidationException notJson(IOException e) {
        return new WhatsAppMarketingValidationException("body", "is not valid JSON: " + firstLine(e.getMessage()));
    }

    private static WhatsAppMarketingValidationException invalidPayload(JsonMappingException mapping, Exception e) {
        String field = mapping == null ? "body" : fieldPath(mapping);
        String reason = mapping == null ? e.getMessage() : mapping.getOriginalMessage();
        return new WhatsAppMarketingValidationException(field, "invalid value: " + firstLine(reason));
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static List<TemplateParameter> positionalParameters(Collection<?> values) {
        List<TemplateParameter> parameters = new ArrayList<>(values.size());
        for (Object value : values) {
            parameters.add(value instanceof TemplateParameter parameter ? parameter : TemplateParameter.text(text(value)));
        }
        return parameters;
    }

    private static List<TemplateParameter> namedParameters(Map<?, ?> values) {
        List<TemplateParameter> parameters = new ArrayList<>(values.size());
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            parameters.add(TemplateParameter.namedText(String.valueOf(entry.getKey()), text(entry.getValue())));
        }
        return parameters;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static MarketingMessageRequest withBody(List<TemplateParameter> parameters) {
        MarketingMessageRequest request = new MarketingMessageRequest();
        Template template = new Template();
        if (!parameters.isEmpty()) {
            template.addComponents(new TemplateComponent(TemplateComponent.BODY, parameters));
        }
        request.setTemplate(template);
        return request;
    }

    private static void complete(MarketingMessageRequest request, MessageDefaults defaults) {
        if (request.getMessagingProduct() == null) {
            request.setMessagingProduct(MarketingMessageRequest.MESSAGING_PRODUCT);
        }
        if (request.getRecipientType() == null) {
            request.setRecipientType(MarketingMessageRequest.RECIPIENT_TYPE_INDIVIDUAL);
        }
        if (request.getType() == null) {
            request.setType(MarketingMessageRequest.TYPE_TEMPLATE);
        }
        if (request.getTo() == null && request.getRecipient() == null) {
            request.setTo(defaults.to());
            request.setRecipient(defaults.recipient());
        }
        if (request.getProductPolicy() == null) {
            request.setProductPolicy(defaults.productPolicy());
        }
        if (request.getMessageActivitySharing() == null) {
            request.setMessageActivitySharing(defaults.messageActivitySharing());
        }
        completeTemplate(request, defaults);
    }

    private static void completeTemplate(MarketingMessageRequest request, MessageDefaults defaults) {
        Template template = request.getTemplate();
        if (template == null) {
            template = new Template();
            request.setTemplate(template);
        }
        if (template.getName() == null) {
            template.setName(defaults.templateName());
        }
        TemplateLanguage language = template.getLanguage();
        if (language == null && defaults.templateLanguage() != null) {
            language = new TemplateLanguage(defaults.templateLanguage());
            template.setLanguage(language);
        }
        if (language != null) {
            if (language.getCode() == null) {
                language.setCode(defaults.templateLanguage());
            }
            if (language.getPolicy() == null) {
                language.setPolicy(TemplateLanguage.DETERMINISTIC);
            }
        }
    }
}
