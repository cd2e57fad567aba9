package io.github.cwmarketing.whatsapp;

import java.util.HashMap;
import java.util.Map;

import io.github.cwmarketing.whatsapp.support.LedgerDatabase;

/**
 * A campaign run in a JVM of its own, for {@link LedgerKilledRunTest}: an instance with a JDBC ledger on the given
 * PostgreSQL schema sends {@code keys} messages, each with its send key, paced at 50 messages per second, through the
 * Graph API stub at {@code baseUri}; then it waits to be killed. Arguments: JDBC URL, schema, base URI, keys.
 */
public final class LedgerCampaignProcess {

    static final String CAMPAIGN_PACING = "&messagesPerSecond=50&responseTimeout=120s";

    private LedgerCampaignProcess() {
    }

    public static void main(String[] args) throws Exception {
        LedgerInstance instance = new LedgerInstance(LedgerDatabase.dataSource(args[0], args[1]), args[2],
                CAMPAIGN_PACING, "", ledger -> {
                });
        int keys = Integer.parseInt(args[3]);
        for (int i = 0; i < keys; i++) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(WhatsAppMarketingConstants.TO, recipient(i));
            headers.put(WhatsAppMarketingConstants.SEND_KEY, key(i));
            instance.template.asyncSend("direct:send", exchange -> exchange.getMessage().setHeaders(headers));
        }
        System.out.println("All " + keys + " sends started");
        Thread.sleep(Long.MAX_VALUE);
    }

    static String key(int i) {
        return "killed:" + i;
    }

    /** A German mobile number of its own per key. */
    static String recipient(int i) {
        return String.format("+491512%07d", i);
    }
}
