package io.github.cwmarketing.whatsapp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code x-business-use-case-usage} header, shaped like the example of Meta's spec: usage objects keyed by the
 * business object id; {@code call_count} and the times are percentages of the limit.
 */
final class UsageHeader {

    static final String NAME = "x-business-use-case-usage";

    private UsageHeader() {
    }

    static String value(String wabaId, int messagingUsagePercent) {
        ObjectNode header = Json.object();
        ArrayNode usages = header.putArray(wabaId);
        addUsage(usages, "whatsapp_business_management", 1);
        addUsage(usages, "whatsapp", Math.max(1, messagingUsagePercent));
        return Json.write(header);
    }

    private static void addUsage(ArrayNode usages, String type, int percent) {
        ObjectNode usage = usages.addObject();
        usage.put("type", type);
        usage.put("call_count", percent);
        usage.put("total_cputime", 1);
        usage.put("total_time", 1);
        usage.put("estimated_time_to_regain_access", 0);
    }
}
