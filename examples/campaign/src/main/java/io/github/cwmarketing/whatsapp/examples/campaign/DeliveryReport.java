package io.github.cwmarketing.whatsapp.examples.campaign;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;

/**
 * Counts of a campaign: by status, by how Meta routed the messages, by error code, and the elapsed time. The progress
 * lines count what the tracker saw; the final report comes from the message ledger.
 */
public record DeliveryReport(int recipients, int accepted, int rejected, Map<MessageState, Integer> byState,
                             Map<String, Integer> byRoute, Map<Integer, Integer> byErrorCode, Duration elapsed,
                             boolean complete) {

    static DeliveryReport of(int recipients, Collection<CampaignMessage> messages, int rejected,
                             Map<Integer, AtomicInteger> rejectedByCode, Duration elapsed, boolean complete) {
        Map<MessageState, Integer> byState = new EnumMap<>(MessageState.class);
        Map<String, Integer> byRoute = new TreeMap<>();
        Map<Integer, Integer> byErrorCode = new TreeMap<>();
        for (MessageState state : MessageState.values()) {
            byState.put(state, 0);
        }
        for (CampaignMessage message : messages) {
            byState.merge(message.state(), 1, Integer::sum);
            byRoute.merge(message.routedVia() == null ? "unknown" : message.routedVia(), 1, Integer::sum);
            if (message.errorCode() != null) {
                byErrorCode.merge(message.errorCode(), 1, Integer::sum);
            }
        }
        rejectedByCode.forEach((code, count) -> byErrorCode.merge(code, count.get(), Integer::sum));
        return new DeliveryReport(recipients, messages.size(), rejected, byState, byRoute, byErrorCode, elapsed,
                complete);
    }

    /** The report of a finished campaign, from the message ledger's campaign report. */
    static DeliveryReport fromLedger(int recipients, CampaignReport ledger, Duration elapsed, boolean complete) {
        Map<MessageState, Integer> byState = new EnumMap<>(MessageState.class);
        for (MessageState state : MessageState.values()) {
            byState.put(state, 0);
        }
        ledger.byFinalStatus().forEach((status, count) -> {
            MessageState state = switch (status) {
                case ACCEPTED -> MessageState.ACCEPTED;
                case SENT -> MessageState.SENT;
                case DELIVERED, PLAYED -> MessageState.DELIVERED;
                case READ -> MessageState.READ;
                case FAILED -> MessageState.FAILED;
                default -> null;
            };
            if (state != null) {
                byState.merge(state, count.intValue(), Integer::sum);
            }
        });
        Map<String, Integer> byRoute = new TreeMap<>();
        ledger.byRoutedVia().forEach((route, count) -> byRoute.put(route, count.intValue()));
        Map<Integer, Integer> byErrorCode = new TreeMap<>();
        ledger.byErrorCode().forEach((code, count) -> byErrorCode.put(code, count.intValue()));
        return new DeliveryReport(recipients, (int) ledger.accepted(), (int) ledger.count(FinalStatus.REJECTED),
                byState, byRoute, byErrorCode, elapsed, complete);
    }

    public int count(MessageState state) {
        return byState.getOrDefault(state, 0);
    }

    public int failedTotal() {
        return count(MessageState.FAILED) + rejected;
    }

    String progressLine() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format("[campaign] sent %d/%d | accepted %d | delivered %d | read %d | failed %d | %.1f msg/s",
                accepted + rejected, recipients, accepted,
                count(MessageState.DELIVERED) + count(MessageState.READ), count(MessageState.READ),
                failedTotal(), (accepted + rejected) / seconds);
    }

    /** The delivery report as printed at the end of the campaign. */
    public String render() {
        StringBuilder text = new StringBuilder("\n===== Delivery report =====\n");
        line(text, "Recipients", recipients);
        line(text, "Accepted by the API", accepted);
        line(text, "Rejected at send", rejected);
        text.append("By final status\n");
        byState.forEach((state, count) -> line(text, "  " + state.name().toLowerCase(Locale.ROOT), count));
        text.append("By route (from status webhooks)\n");
        byRoute.forEach((route, count) -> line(text, "  " + route, count));
        text.append("By error code\n");
        if (byErrorCode.isEmpty()) {
            text.append("  none\n");
        }
        byErrorCode.forEach((code, count) -> line(text, "  " + code, count));
        text.append(String.format("%-28s %.1f s%n", "Elapsed", elapsed.toMillis() / 1000.0));
        text.append("Outcome: ").append(complete ? "COMPLETE" : "TIMED OUT").append('\n');
        return text.toString();
    }

    private static void line(StringBuilder text, String label, int count) {
        text.append(String.format("%-28s %6d%n", label, count));
    }
}
