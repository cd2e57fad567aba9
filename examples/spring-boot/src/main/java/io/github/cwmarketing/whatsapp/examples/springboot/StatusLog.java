package io.github.cwmarketing.whatsapp.examples.springboot;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs one line per status webhook: message id, status, how it was routed, error code. The recipient (a phone number)
 * is logged at DEBUG only.
 */
@Component("statusLog")
public class StatusLog {

    private static final Logger LOG = LoggerFactory.getLogger(StatusLog.class);

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public void onStatus(Message message) {
        String status = message.getHeader(WhatsAppMarketingConstants.STATUS, "unknown", String.class);
        counts.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
        LOG.info(summary(message));
        if (LOG.isDebugEnabled()) {
            LOG.debug("Status {} of {} for recipient {}", status,
                    message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID),
                    message.getHeader(WhatsAppMarketingConstants.RECIPIENT_ID));
        }
    }

    /** E.g. {@code status=failed message=wamid.HBg... routedVia=MARKETING_MESSAGES_API error=131049}. */
    static String summary(Message message) {
        return "status=" + message.getHeader(WhatsAppMarketingConstants.STATUS, "unknown", String.class)
               + " message=" + message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID, "-", String.class)
               + " routedVia=" + message.getHeader(WhatsAppMarketingConstants.ROUTED_VIA, "-", String.class)
               + " error=" + message.getHeader(WhatsAppMarketingConstants.ERROR_CODE, "-", String.class);
    }

    /** Statuses received so far, by status. */
    public Map<String, Long> counts() {
        Map<String, Long> answer = new TreeMap<>();
        counts.forEach((status, count) -> answer.put(status, count.get()));
        return answer;
    }
}
