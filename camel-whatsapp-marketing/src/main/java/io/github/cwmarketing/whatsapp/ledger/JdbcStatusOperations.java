package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JDBC ledger's receiving side: the lookup before routing (already recorded? the message row's context), the
 * recording after routing (each event key once, across instances, through the primary key of
 * {@code whatsapp_webhook_event}; statuses merged forward per message; unknown outcomes resolved through the send key in
 * the callback data; 131050/131049 suppressions), and the purge of event keys past their retention. A batch of POSTs
 * becomes a handful of set-based statements.
 */
final class JdbcStatusOperations {

    // the message by its id, else (an unknown outcome whose answer was lost) by the send key it carried as callback
    // data: two joins on unique indexes, the second probed only when the first found nothing
    private static final String LOOKUP = "SELECT u.ord, (e.event_key IS NOT NULL) AS seen,"
            + " (m1.id IS NOT NULL OR m2.id IS NOT NULL) AS found,"
            + " COALESCE(m1.send_key, m2.send_key) AS send_key, COALESCE(m1.campaign, m2.campaign) AS campaign,"
            + " COALESCE(m1.template_name, m2.template_name) AS template_name,"
            + " COALESCE(m1.sent_at, m2.sent_at) AS sent_at, s.status"
            + " FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(event_key, message_id, callback, ord)"
            + " LEFT JOIN whatsapp_webhook_event e ON e.event_key = u.event_key"
            + " LEFT JOIN whatsapp_message m1 ON m1.message_id = u.message_id"
            + " LEFT JOIN whatsapp_message m2 ON m1.id IS NULL AND m2.send_key = u.callback AND m2.key_in_callback"
            + " AND m2.message_id IS NULL"
            + " LEFT JOIN whatsapp_message_status s ON s.message_id = u.message_id"
            + " ORDER BY u.ord";

    private static final String RECORD_EVENTS = "INSERT INTO whatsapp_webhook_event (event_key, received_at)"
            + " SELECT u.k, " + Sql.MILLIS.formatted("?") + " FROM unnest(?::text[]) AS u(k) ORDER BY u.k"
            + " ON CONFLICT (event_key) DO NOTHING RETURNING event_key";

    private static final String RESOLVE_BY_CALLBACK = "UPDATE whatsapp_message m SET message_id = u.mid, stage = 2,"
            + " updated_at = " + Sql.MILLIS.formatted("?")
            + " FROM unnest(?::text[], ?::text[]) AS u(k, mid)"
            + " WHERE m.send_key = u.k AND m.key_in_callback AND m.message_id IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM whatsapp_message x WHERE x.message_id = u.mid)";

    private static final String UPSERT_STATUS = "INSERT INTO whatsapp_message_status AS s (message_id, status,"
            + " status_rank, recipient, phone_number_id, routed_via, pricing_category, error_code, error_title, sent_at,"
            + " delivered_at, read_at, failed_at, updated_at)"
            + " SELECT u.mid, u.st, u.rk, u.r, u.p, u.rv, u.pc, u.ec, u.et, " + Sql.MILLIS.formatted("u.s1") + ", "
            + Sql.MILLIS.formatted("u.s2") + ", " + Sql.MILLIS.formatted("u.s3") + ", " + Sql.MILLIS.formatted("u.s9")
            + ", " + Sql.MILLIS.formatted("?")
            + " FROM unnest(?::text[], ?::text[], ?::smallint[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::integer[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])"
            + " AS u(mid, st, rk, r, p, rv, pc, ec, et, s1, s2, s3, s9) ORDER BY u.mid"
            // forward only (StatusState.apply): the higher rank wins, failed ranks highest; the rest keep their first value
            + " ON CONFLICT (message_id) DO UPDATE SET"
            + " status = CASE WHEN EXCLUDED.status_rank > s.status_rank THEN EXCLUDED.status ELSE s.status END,"
            + " status_rank = GREATEST(s.status_rank, EXCLUDED.status_rank),"
            + " recipient = COALESCE(s.recipient, EXCLUDED.recipient),"
            + " phone_number_id = COALESCE(s.phone_number_id, EXCLUDED.phone_number_id),"
            + " routed_via = COALESCE(s.routed_via, EXCLUDED.routed_via),"
            + " pricing_category = COALESCE(s.pricing_category, EXCLUDED.pricing_category),"
            + " error_code = COALESCE(s.error_code, EXCLUDED.error_code),"
            + " error_title = CASE WHEN s.error_code IS NULL THEN EXCLUDED.error_title ELSE s.error_title END,"
            + " sent_at = COALESCE(s.sent_at, EXCLUDED.sent_at),"
            + " delivered_at = COALESCE(s.delivered_at, EXCLUDED.delivered_at),"
            + " read_at = COALESCE(s.read_at, EXCLUDED.read_at),"
            + " failed_at = COALESCE(s.failed_at, EXCLUDED.failed_at),"
            + " updated_at = EXCLUDED.updated_at";

    private static final int PURGE_CHUNK = 5_000;

    private final JdbcMessageLedger ledger;
    final LaneTask.Runner lookups = LaneTask.runner(1, false, this::lookup);
    final LaneTask.Runner records = LaneTask.runner(2, false, this::record);
    final LaneTask.Runner purges = LaneTask.runner(3, true, this::purge);

    JdbcStatusOperations(JdbcMessageLedger ledger) {
        this.ledger = ledger;
    }

    // lookups

    final class LookupTask extends LaneTask<List<StatusContext>> {

        final List<StatusUpdate> updates;

        LookupTask(List<StatusUpdate> updates) {
            super(lookups);
            this.updates = updates;
        }
    }

    private void lookup(Connection c, List<LaneTask<?>> group) throws SQLException {
        List<LookupTask> tasks = JdbcSendOperations.cast(group);
        List<StatusUpdate> all = new ArrayList<>();
        tasks.forEach(task -> all.addAll(task.updates));
        List<Found> found = new ArrayList<>(all.size());
        try (PreparedStatement statement = c.prepareStatement(LOOKUP)) {
            statement.setArray(1, Sql.texts(c, all, StatusUpdate::eventKey));
            statement.setArray(2, Sql.texts(c, all, StatusUpdate::messageId));
            statement.setArray(3, Sql.texts(c, all, StatusUpdate::callbackData));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Found(rs.getBoolean("seen"), rs.getBoolean("found"), rs.getString("send_key"),
                            rs.getString("campaign"), rs.getString("template_name"), Sql.instant(rs, "sent_at"),
                            DeliveryStatus.of(rs.getString("status"))));
                }
            }
        }
        int offset = 0;
        for (LookupTask task : tasks) {
            task.result(contexts(task.updates, found.subList(offset, offset + task.updates.size())));
            offset += task.updates.size();
        }
    }

    /** The stored rows in order; a key repeated within the POST and each message's running status included. */
    private static List<StatusContext> contexts(List<StatusUpdate> updates, List<Found> found) {
        List<StatusContext> contexts = new ArrayList<>(updates.size());
        Set<String> seen = new HashSet<>();
        Map<String, DeliveryStatus> running = new HashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            StatusUpdate update = updates.get(i);
            Found row = found.get(i);
            boolean duplicate = update.eventKey() != null && (row.seen || !seen.add(update.eventKey()));
            String message = String.valueOf(update.messageId());
            DeliveryStatus previous = running.containsKey(message) ? running.get(message) : row.status;
            DeliveryStatus next = update.deliveryStatus();
            running.put(message, !duplicate && next != null && next.advances(previous) ? next : previous);
            contexts.add(new StatusContext(duplicate, row.found, row.sendKey, row.campaign, row.templateName,
                    row.sentAt, previous));
        }
        return contexts;
    }

    private record Found(boolean seen, boolean found, String sendKey, String campaign, String templateName,
                         Instant sentAt, DeliveryStatus status) {
    }

    // records

    final class RecordTask extends LaneTask<List<Boolean>> {

        final List<StatusUpdate> updates;

        RecordTask(List<StatusUpdate> updates) {
            super(records);
            this.updates = updates;
        }
    }

    private void record(Connection c, List<LaneTask<?>> group) throws SQLException {
        List<RecordTask> tasks = JdbcSendOperations.cast(group);
        Instant now = ledger.now();
        Set<String> keys = new HashSet<>();
        tasks.forEach(task -> task.updates.forEach(update -> {
            if (update.eventKey() != null) {
                keys.add(update.eventKey());
            }
        }));
        Set<String> fresh = insertEvents(c, keys, now);
        List<StatusUpdate> applied = new ArrayList<>();
        for (RecordTask task : tasks) {
            List<Boolean> recorded = new ArrayList<>(task.updates.size());
            for (StatusUpdate update : task.updates) {
                boolean recordedNow = update.eventKey() == null || fresh.remove(update.eventKey());
                recorded.add(recordedNow);
                if (recordedNow && update.messageId() != null && update.deliveryStatus() != null) {
                    applied.add(update);
                }
            }
            task.result(recorded);
        }
        if (applied.isEmpty()) {
            return;
        }
        resolveByCallback(c, applied, now);
        upsertStatuses(c, applied, now);
        suppress(c, applied, now);
    }

    private static Set<String> insertEvents(Connection c, Set<String> keys, Instant now) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (keys.isEmpty()) {
            return fresh;
        }
        // the statement inserts in key order, so that concurrent lanes lock keys in the same order
        try (PreparedStatement statement = c.prepareStatement(RECORD_EVENTS)) {
            statement.setLong(1, now.toEpochMilli());
            statement.setArray(2, c.createArrayOf("text", keys.toArray(String[]::new)));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    private static void resolveByCallback(Connection c, List<StatusUpdate> applied, Instant now) throws SQLException {
        Map<String, String> byKey = new TreeMap<>();
        applied.forEach(update -> {
            if (update.callbackData() != null) {
                byKey.putIfAbsent(update.callbackData(), update.messageId());
            }
        });
        if (byKey.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(byKey.entrySet());
        Sql.update(c, RESOLVE_BY_CALLBACK, now.toEpochMilli(), Sql.texts(c, entries, Map.Entry::getKey),
                Sql.texts(c, entries, Map.Entry::getValue));
    }

    private static void upsertStatuses(Connection c, List<StatusUpdate> applied, Instant now) throws SQLException {
        // one row per message; the statement upserts in message id order (a lock order shared by the lanes)
        Map<String, StatusState> byMessage = new HashMap<>();
        applied.forEach(update -> byMessage.computeIfAbsent(update.messageId(), id -> new StatusState()).apply(update));
        List<Map.Entry<String, StatusState>> rows = new ArrayList<>(byMessage.entrySet());
        try (PreparedStatement statement = c.prepareStatement(UPSERT_STATUS)) {
            statement.setLong(1, now.toEpochMilli());
            statement.setArray(2, Sql.texts(c, rows, Map.Entry::getKey));
            statement.setArray(3, Sql.texts(c, rows, row -> row.getValue().status.wireName()));
            statement.setArray(4, Sql.ints(c, rows, row -> row.getValue().status.rank()));
            statement.setArray(5, Sql.texts(c, rows, row -> row.getValue().recipient));
            statement.setArray(6, Sql.texts(c, rows, row -> row.getValue().phoneNumberId));
            statement.setArray(7, Sql.texts(c, rows, row -> row.getValue().routedVia));
            statement.setArray(8, Sql.texts(c, rows, row -> row.getValue().pricingCategory));
            statement.setArray(9, Sql.ints(c, rows, row -> row.getValue().errorCode));
            statement.setArray(10, Sql.texts(c, rows, row -> row.getValue().errorTitle));
            statement.setArray(11, Sql.longs(c, rows, row -> Sql.millis(row.getValue().sentAt)));
            statement.setArray(12, Sql.longs(c, rows, row -> Sql.millis(row.getValue().deliveredAt)));
            statement.setArray(13, Sql.longs(c, rows, row -> Sql.millis(row.getValue().readAt)));
            statement.setArray(14, Sql.longs(c, rows, row -> Sql.millis(row.getValue().failedAt)));
            statement.executeUpdate();
        }
    }

    /** 131050 and 131049 failures suppress the recipient the webhook names and the one the message was sent to. */
    private void suppress(Connection c, List<StatusUpdate> applied, Instant now) throws SQLException {
        Map<String, StatusUpdate> failures = new LinkedHashMap<>();
        for (StatusUpdate update : applied) {
            if (update.deliveryStatus() == DeliveryStatus.FAILED
                    && SuppressionReason.forErrorCode(update.errorCode()) != null) {
                failures.putIfAbsent(update.messageId(), update);
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        List<Suppression> suppressions = new ArrayList<>();
        failures.values().forEach(update -> suppressions.add(SuppressionReason.forError(update.recipient(),
                update.errorCode(), now, ledger.parkDuration())));
        try (PreparedStatement statement = c.prepareStatement(
                "SELECT message_id, recipient FROM whatsapp_message WHERE message_id = ANY(?)")) {
            statement.setArray(1, c.createArrayOf("text", failures.keySet().toArray(String[]::new)));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    suppressions.add(SuppressionReason.forError(rs.getString("recipient"),
                            failures.get(rs.getString("message_id")).errorCode(), now, ledger.parkDuration()));
                }
            }
        }
        JdbcSuppressions.upsert(c, suppressions);
    }

    // purge

    final class PurgeTask extends LaneTask<Integer> {

        PurgeTask() {
            super(purges);
        }
    }

    /** Deletes in chunks, each committed, so a large purge never holds one long transaction. */
    private void purge(Connection c, List<LaneTask<?>> group) throws SQLException {
        Instant now = ledger.now();
        long horizon = now.minus(ledger.eventRetention()).toEpochMilli();
        int total = 0;
        int deleted;
        do {
            deleted = Sql.update(c, "DELETE FROM whatsapp_webhook_event WHERE event_key IN (SELECT event_key FROM"
                                    + " whatsapp_webhook_event WHERE received_at < " + Sql.MILLIS.formatted("?")
                                    + " LIMIT " + PURGE_CHUNK + ")", horizon);
            c.commit();
            total += deleted;
        } while (deleted == PURGE_CHUNK);
        total += JdbcSuppressions.purgeExpired(c, now);
        int purged = total;
        group.forEach(task -> ((PurgeTask) task).result(purged));
    }
}
