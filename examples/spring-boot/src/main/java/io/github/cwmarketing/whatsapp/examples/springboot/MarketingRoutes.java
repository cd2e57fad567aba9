package io.github.cwmarketing.whatsapp.examples.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The routes. The component needs no URI options: token, phone number id, template, app secret and verify token come
 * from {@code camel.component.whatsapp-marketing.*} in {@code application.yml}.
 */
@Component
public class MarketingRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure() {
        // POST /api/messages?to=4915112345671&name=Maria: sends the configured template, with name as its body parameter
        from("platform-http:/api/messages?httpMethodRestrict=POST").routeId("send-api")
                .onException(WhatsAppMarketingValidationException.class).handled(true)
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .setBody(exchange -> error(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                .end()
                .onException(WhatsAppMarketingException.class).handled(true)
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(502))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .setBody(exchange -> error(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                .end()
                .removeHeaders("*", "to", "name")
                .setHeader(WhatsAppMarketingConstants.TO, header("to"))
                .setBody(exchange -> List.of(exchange.getMessage().getHeader("name", "there", String.class)))
                .to("whatsapp-marketing:send")
                .log("Sent message ${header.CamelWhatsAppMarketingMessageId} (${header.CamelWhatsAppMarketingMessageStatus})")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(exchange -> json(Map.of(
                        "messageId", exchange.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_ID, ""),
                        "messageStatus", exchange.getMessage().getHeader(WhatsAppMarketingConstants.MESSAGE_STATUS, ""))));

        // one exchange per status webhook, signed by Meta and deduplicated by the consumer
        from("whatsapp-marketing:webhook").routeId("statuses")
                .bean("statusLog", "onStatus");

        // GET /api/statuses: how many statuses of each kind arrived
        from("platform-http:/api/statuses?httpMethodRestrict=GET").routeId("status-counts")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(exchange -> json(exchange.getContext().getRegistry()
                        .lookupByNameAndType("statusLog", StatusLog.class).counts()));

        // the sandbox profile's demo: one message per demo recipient, shortly after start
        from("timer:demo?repeatCount=1&delay={{example.demo.delay}}").routeId("demo")
                .autoStartup("{{example.demo.enabled}}")
                .setBody(simple("{{example.demo.recipients}}"))
                .split(body().tokenize(","))
                    .setHeader(WhatsAppMarketingConstants.TO, body())
                    .setBody(constant(List.of("there")))
                    .to("whatsapp-marketing:send")
                    .log("Demo: sent message ${header.CamelWhatsAppMarketingMessageId}")
                .end();
    }

    private static String error(Exception exception) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", exception.getClass().getSimpleName());
        if (exception instanceof WhatsAppMarketingApiException api) {
            error.put("code", api.getCode());
            error.put("message", api.getErrorMessage());
        } else {
            error.put("message", exception.getMessage());
        }
        return json(error);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
