package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The JDBC ledger's sending side: claims (atomic per key across instances: an insert that conflicts on the unique send
 * key, then the known rows locked and judged by {@link ClaimRules}), hand-overs and outcomes fenced by the claim's
 * token, releases of claims nobody will send, and the instance lease. Each runner handles a whole group of tasks with a
 * few set-based statements.
 */
final class JdbcSendOperations {

    private static final String INTENT_ARRAYS = "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                                                + " ?::text[], ?::boolean[], ?::smallint[], ?::text[]";
    private static final String INTENT_COLUMNS = "u(k, c, p, r, t, l, pp, kic, st, tok)";

    private static final String INSERT_CLAIMS = "INSERT INTO whatsapp_message (send_key, campaign, phone_number_id,"
            + " recipient, template_name, template_language, product_policy, key_in_callback, stage, claim_token, owner,"
            + " attempts, claimed_at, updated_at)"
            + " SELECT u.k, u.c, u.p, u.r, u.t, u.l, u.pp, u.kic, u.st, u.tok, ?, CASE WHEN u.st = 0 THEN 1 ELSE 0 END, "
            + Sql.MILLIS.formatted("?") + ", " + Sql.MILLIS.formatted("?")
            + " FROM unnest(" + INTENT_ARRAYS + ") AS " + INTENT_COLUMNS + " ORDER BY u.k"
            + " ON CONFLICT (send_key) DO NOTHING RETURNING send_key";

    private static final String LOCK_KNOWN = "SELECT m.send_key, m.stage, m.message_id, m.message_status, m.sent_at,"
            + " m.claimed_at, COALESCE(m.owner = ? OR i.expires_at > " + Sql.MILLIS.formatted("?") + ", false) AS alive,"
            + " (s.message_id IS NOT NULL) AS has_status"
            + " FROM whatsapp_message m"
            + " LEFT JOIN whatsapp_ledger_instance i ON i.instance_id = m.owner"
            + " LEFT JOIN whatsapp_message_status s ON s.message_id = m.message_id"
            + " WHERE m.send_key = ANY(?) ORDER BY m.send_key FOR UPDATE OF m";

    private static final String RECLAIM = "UPDATE whatsapp_message m SET stage = u.st, claim_token = u.tok, owner = ?,"
            + " attempts = m.attempts + CASE WHEN u.st = 0 THEN 1 ELSE 0 END, campaign = u.c, phone_number_id = u.p,"
            + " recipient = u.r, template_name = u.t, template_language = u.l, product_policy = u.pp,"
            + " key_in_callback = u.kic, claimed_at = " + Sql.MILLIS.formatted("?") + ", sent_at = NULL,"
            + " settled_at = NULL, message_status = NULL, error_code = NULL, error_title = NULL,"
            + " updated_at = " + Sql.MILLIS.formatted("?")
            + " FROM unnest(" + INTENT_ARRAYS + ") AS " + INTENT_COLUMNS + " WHERE m.send_key = u.k";

    private static final String HAND_OVER = "UPDATE whatsapp_message m SET stage = 1, sent_at = COALESCE(m.sent_at, "
            + Sql.MILLIS.formatted("?") + "), updated_at = " + Sql.MILLIS.formatted("?")
            + " FROM unnest(?::text[]) AS u(tok) WHERE m.claim_token = u.tok AND m.stage IN (0, 1)"
            + " RETURNING m.claim_token";

    private static final String HAND_BACK = "UPDATE whatsapp_message m SET stage = 0, updated_at = "
            + Sql.MILLIS.formatted("?") + " FROM unnest(?::text[]) AS u(tok) WHERE m.claim_token = u.tok AND m.stage = 1";

    private static final String OUTCOME = "UPDATE whatsapp_message m SET stage = u.st,"
            + " message_id = COALESCE(u.mid, m.message_id), message_status = COALESCE(u.ms, m.message_status),"
            + " error_code = u.ec, error_title = u.et, sent_at = COALESCE(m.sent_at, " + Sql.MILLIS.formatted("u.sent")
            + "), settled_at = " + Sql.MILLIS.formatted("?") + ", updated_at = " + Sql.MILLIS.formatted("?")
            + " FROM unnest(?::text[], ?::smallint[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::bigint[])"
            + " AS u(tok, st, mid, ms, ec, et, sent)"
            // an outcome applies until the message is accepted, by it or by a status webhook (InMemory: outcomeApplies)
            + " WHERE m.claim_token = u.tok AND (m.stage IN (0, 1, 5) OR (m.stage = 2 AND u.st = 2))";

    private static final String INSERT_KEYLESS = "INSERT INTO whatsapp_message (campaign, phone_number_id, recipient,"
            + " template_name, template_language, product_policy, stage, owner, message_id, message_status,"
            + " error_code, error_title, claimed_at, sent_at, settled_at, updated_at)"
            + " SELECT u.c, u.p, u.r, u.t, u.l, u.pp, u.st, ?, u.mid, u.ms, u.ec, u.et, " + Sql.MILLIS.formatted("?")
            + ", " + Sql.MILLIS.formatted("u.sent") + ", " + Sql.MILLIS.formatted("?") + ", "
            + Sql.MILLIS.formatted("?")
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::text[],"
            + " ?::text[], ?::integer[], ?::text[], ?::bigint[]) AS u(c, p, r, t, l, pp, st, mid, ms, ec, et, sent)"
            + " ON CONFLICT (message_id) DO NOTHING";

    private final JdbcMessageLedger ledger;
    final LaneTask.Runner claims = LaneTask.runner(10, false, this::claim);
    final LaneTask.Runner handOvers = LaneTask.runner(1, false, this::handOver);
    /** Before the hand-overs of the same batch: a retry's hand-over queued behind its hand-back must win. */
    final LaneTask.Runner handBacks = LaneTask.runner(-1, false, this::handBack);
    final LaneTask.Runner outcomes = LaneTask.runner(2, false, this::outcome);
    final LaneTask.Runner releases = LaneTask.runner(3, false, this::release);
    final LaneTask.Runner leases = LaneTask.runner(0, false, this::renewLease);
    final LaneTask.Runner retirements = LaneTask.runner(20, false, this::retire);

    JdbcSendOperations(JdbcMessageLedger ledger) {
        this.ledger = ledger;
    }

    // claims

    final class ClaimTask extends LaneTask<SendClaim> {

        final SendIntent intent;

        ClaimTask(SendIntent intent) {
            super(claims);
            this.intent = intent;
        }

        /** A claim nobody received will never be sent: give the key back. */
        @Override
        void late() {
            SendClaim claim = result();
            if (claim != null && claim.holdsRow()) {
                ledger.release(claim.claimToken());
            }
        }
    }

    private void claim(Connection c, List<LaneTask<?>> group) throws SQLException {
        Instant now = ledger.now();
        List<ClaimTask> tasks = cast(group);
        Set<String> recipients = new HashSet<>();
        tasks.forEach(task -> {
            if (task.intent.recipient() != null) {
                recipients.add(task.intent.recipient());
            }
        });
        Map<String, Suppression> suppressed = JdbcSuppressions.active(c, recipients, now);
        Map<String, ClaimTask> firstByKey = new TreeMap<>();
        List<ClaimTask> repeats = new ArrayList<>();
        List<ClaimTask> keylessSuppressed = new ArrayList<>();
        for (ClaimTask task : tasks) {
            Suppression suppression = suppressed.get(task.intent.recipient());
            if (task.intent.sendKey() == null) {
                if (suppression != null) {
                    keylessSuppressed.add(task);
                    task.result(SendClaim.suppressed(task.intent, suppression));
                } else {
                    task.result(SendClaim.proceed(task.intent, null));
                }
            } else if (firstByKey.putIfAbsent(task.intent.sendKey(), task) != null) {
                repeats.add(task);
            }
        }
        List<Row> fresh = new ArrayList<>();
        firstByKey.values().forEach(task -> fresh.add(Row.of(task, suppressed.get(task.intent.recipient()))));
        fresh.addAll(keylessSuppressed.stream().map(task -> Row.of(task, suppressed.get(task.intent.recipient())))
                .toList());
        Set<String> inserted = insert(c, fresh, now);
        for (Row row : fresh) {
            if (row.task.intent.sendKey() != null && inserted.contains(row.task.intent.sendKey())) {
                row.task.result(row.answer());
            }
        }
        Map<String, Integer> duplicates = new HashMap<>();
        judgeKnown(c, firstByKey, inserted, suppressed, duplicates, now);
        for (ClaimTask repeat : repeats) {
            SendClaim first = firstByKey.get(repeat.intent.sendKey()).result();
            ClaimStatus status = first.status() == ClaimStatus.PROCEED ? ClaimStatus.IN_FLIGHT : first.status();
            repeat.result(new SendClaim(repeat.intent, status, null, first.messageId(), first.messageStatus(),
                    first.sentAt(), first.suppression()));
            if (status == ClaimStatus.IN_FLIGHT || status == ClaimStatus.DUPLICATE) {
                duplicates.merge(repeat.intent.sendKey(), 1, Integer::sum);
            }
        }
        countDuplicates(c, duplicates);
    }

    /** Locks the rows of keys that existed already and answers each by {@link ClaimRules}. */
    private void judgeKnown(Connection c, Map<String, ClaimTask> firstByKey, Set<String> inserted,
                            Map<String, Suppression> suppressed, Map<String, Integer> duplicates, Instant now)
            throws SQLException {
        List<String> known = firstByKey.keySet().stream().filter(key -> !inserted.contains(key)).toList();
        if (known.isEmpty()) {
            return;
        }
        List<Row> reclaimed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(LOCK_KNOWN)) {
            statement.setString(1, ledger.instanceId());
            statement.setLong(2, now.toEpochMilli());
            statement.setArray(3, c.createArrayOf("text", known.toArray(String[]::new)));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ClaimTask task = firstByKey.get(rs.getString("send_key"));
                    MessageStage stage = MessageStage.ofCode(rs.getInt("stage"));
                    Instant sentAt = Sql.instant(rs, "sent_at");
                    ClaimRules.Decision decision = ClaimRules.decide(stage, rs.getBoolean("alive"),
                            rs.getBoolean("has_status"), sentAt != null ? sentAt : Sql.instant(rs, "claimed_at"), now,
                            task.intent.resendUnknownOutcomeAfter());
                    if (decision.markUnknown()) {
                        unknown.add(task.intent.sendKey());
                    }
                    if (decision.reclaim()) {
                        Row row = Row.of(task, suppressed.get(task.intent.recipient()));
                        reclaimed.add(row);
                        task.result(row.answer());
                    } else {
                        task.result(SendClaim.of(task.intent, decision.answer(), rs.getString("message_id"),
                                rs.getString("message_status"), sentAt));
                        if (decision.answer() == ClaimStatus.DUPLICATE || decision.answer() == ClaimStatus.IN_FLIGHT) {
                            duplicates.merge(task.intent.sendKey(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            Sql.update(c, "UPDATE whatsapp_message SET stage = 5, updated_at = " + Sql.MILLIS.formatted("?")
                          + " WHERE send_key = ANY(?)", now.toEpochMilli(),
                    c.createArrayOf("text", unknown.toArray(String[]::new)));
        }
        if (!reclaimed.isEmpty()) {
            try (PreparedStatement statement = c.prepareStatement(RECLAIM)) {
                statement.setString(1, ledger.instanceId());
                statement.setLong(2, now.toEpochMilli());
                statement.setLong(3, now.toEpochMilli());
                bindIntents(c, statement, 4, reclaimed);
                statement.executeUpdate();
            }
        }
    }

    private Set<String> insert(Connection c, List<Row> rows, Instant now) throws SQLException {
        Set<String> inserted = new HashSet<>();
        if (rows.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement statement = c.prepareStatement(INSERT_CLAIMS)) {
            statement.setString(1, ledger.instanceId());
            statement.setLong(2, now.toEpochMilli());
            statement.setLong(3, now.toEpochMilli());
            bindIntents(c, statement, 4, rows);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        return inserted;
    }

    private static void bindIntents(Connection c, PreparedStatement statement, int from, List<Row> rows)
            throws SQLException {
        statement.setArray(from, Sql.texts(c, rows, row -> row.task.intent.sendKey()));
        statement.setArray(from + 1, Sql.texts(c, rows, row -> row.task.intent.campaign()));
        statement.setArray(from + 2, Sql.texts(c, rows, row -> row.task.intent.phoneNumberId()));
        statement.setArray(from + 3, Sql.texts(c, rows, row -> row.task.intent.recipient()));
        statement.setArray(from + 4, Sql.texts(c, rows, row -> row.task.intent.templateName()));
        statement.setArray(from + 5, Sql.texts(c, rows, row -> row.task.intent.templateLanguage()));
        statement.setArray(from + 6, Sql.texts(c, rows, row -> row.task.intent.productPolicy()));
        statement.setArray(from + 7, Sql.booleans(c, rows, row -> row.task.intent.keyInCallback()));
        statement.setArray(from + 8, Sql.ints(c, rows, row -> row.stage.code()));
        statement.setArray(from + 9, Sql.texts(c, rows, row -> row.token));
    }

    private static void countDuplicates(Connection c, Map<String, Integer> duplicates) throws SQLException {
        if (duplicates.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(new TreeMap<>(duplicates).entrySet());
        Sql.update(c, "UPDATE whatsapp_message m SET duplicates = m.duplicates + u.n"
                      + " FROM unnest(?::text[], ?::integer[]) AS u(k, n) WHERE m.send_key = u.k",
                Sql.texts(c, entries, Map.Entry::getKey), Sql.ints(c, entries, Map.Entry::getValue));
    }

    /** A row a claim writes: claimed with a fresh token, or suppressed. */
    private record Row(ClaimTask task, MessageStage stage, String token, Suppression suppression) {

        static Row of(ClaimTask task, Suppression suppression) {
            return suppression != null
                    ? new Row(task, MessageStage.SUPPRESSED, null, suppression)
                    : new Row(task, MessageStage.CLAIMED, UUID.randomUUID().toString(), null);
        }

        SendClaim answer() {
            return suppression != null ? SendClaim.suppressed(task.intent, suppression)
                    : SendClaim.proceed(task.intent, token);
        }
    }

    // hand-overs

    final class HandOverTask extends LaneTask<Boolean> {

        final String token;

        HandOverTask(String token) {
            super(handOvers);
            this.token = token;
        }
    }

    private void handOver(Connection c, List<LaneTask<?>> group) throws SQLException {
        List<HandOverTask> tasks = cast(group);
        long now = ledger.now().toEpochMilli();
        Set<String> held = new HashSet<>();
        try (PreparedStatement statement = c.prepareStatement(HAND_OVER)) {
            statement.setLong(1, now);
            statement.setLong(2, now);
            statement.setArray(3, Sql.texts(c, tasks, task -> task.token));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
        }
        tasks.forEach(task -> task.result(held.contains(task.token)));
    }

    final class HandBackTask extends LaneTask<Void> {

        final String token;

        HandBackTask(String token) {
            super(handBacks);
            this.token = token;
        }
    }

    private void handBack(Connection c, List<LaneTask<?>> group) throws SQLException {
        List<HandBackTask> tasks = cast(group);
        try (PreparedStatement statement = c.prepareStatement(HAND_BACK)) {
            statement.setLong(1, ledger.now().toEpochMilli());
            statement.setArray(2, Sql.texts(c, tasks, task -> task.token));
            statement.executeUpdate();
        }
        tasks.forEach(task -> task.result(null));
    }

    // outcomes

    final class OutcomeTask extends LaneTask<Void> {

        final SendClaim claim;
        final AttemptOutcome outcome;

        OutcomeTask(SendClaim claim, AttemptOutcome outcome) {
            super(outcomes);
            this.claim = claim;
            this.outcome = outcome;
        }

        @Override
        boolean keptWhenUnavailable() {
            return true;
        }
    }

    private void outcome(Connection c, List<LaneTask<?>> group) throws SQLException {
        List<OutcomeTask> tasks = cast(group);
        Instant now = ledger.now();
        List<OutcomeTask> keyed = tasks.stream().filter(task -> task.claim.holdsRow()).toList();
        List<OutcomeTask> keyless = tasks.stream().filter(task -> !task.claim.holdsRow()).toList();
        if (!keyed.isEmpty()) {
            try (PreparedStatement statement = c.prepareStatement(OUTCOME)) {
                statement.setLong(1, now.toEpochMilli());
                statement.setLong(2, now.toEpochMilli());
                statement.setArray(3, Sql.texts(c, keyed, task -> task.claim.claimToken()));
                bindOutcomes(c, statement, 4, keyed);
                statement.executeUpdate();
            }
        }
        if (!keyless.isEmpty()) {
            try (PreparedStatement statement = c.prepareStatement(INSERT_KEYLESS)) {
                statement.setString(1, ledger.instanceId());
                statement.setLong(2, now.toEpochMilli());
                statement.setLong(3, now.toEpochMilli());
                statement.setLong(4, now.toEpochMilli());
                statement.setArray(5, Sql.texts(c, keyless, task -> task.claim.intent().campaign()));
                statement.setArray(6, Sql.texts(c, keyless, task -> task.claim.intent().phoneNumberId()));
                statement.setArray(7, Sql.texts(c, keyless, task -> task.claim.intent().recipient()));
                statement.setArray(8, Sql.texts(c, keyless, task -> task.claim.intent().templateName()));
                statement.setArray(9, Sql.texts(c, keyless, task -> task.claim.intent().templateLanguage()));
                statement.setArray(10, Sql.texts(c, keyless, task -> task.claim.intent().productPolicy()));
                bindOutcomes(c, statement, 11, keyless);
                statement.executeUpdate();
            }
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (OutcomeTask task : tasks) {
            suppressions.add(SuppressionReason.forError(task.claim.intent().recipient(), task.outcome.errorCode(), now,
                    ledger.parkDuration()));
        }
        JdbcSuppressions.upsert(c, suppressions);
    }

    private static void bindOutcomes(Connection c, PreparedStatement statement, int from, List<OutcomeTask> tasks)
            throws SQLException {
        statement.setArray(from, Sql.ints(c, tasks, task -> task.outcome.stage().code()));
        statement.setArray(from + 1, Sql.texts(c, tasks, task -> task.outcome.messageId()));
        statement.setArray(from + 2, Sql.texts(c, tasks, task -> task.outcome.messageStatus()));
        statement.setArray(from + 3, Sql.ints(c, tasks, task -> task.outcome.errorCode()));
        statement.setArray(from + 4, Sql.texts(c, tasks, task -> task.outcome.errorTitle()));
        statement.setArray(from + 5, Sql.longs(c, tasks, task -> Sql.millis(task.outcome.sentAt())));
    }

    // releases and the lease

    final class ReleaseTask extends LaneTask<Void> {

        final String token;

        ReleaseTask(String token) {
            super(releases);
            this.token = token;
        }

        @Override
        boolean keptWhenUnavailable() {
            return true;
        }
    }

    private void release(Connection c, List<LaneTask<?>> group) throws SQLException {
        List<ReleaseTask> tasks = cast(group);
        Sql.update(c, "UPDATE whatsapp_message SET stage = 4, updated_at = " + Sql.MILLIS.formatted("?")
                      + " WHERE claim_token = ANY(?) AND stage = 0", ledger.now().toEpochMilli(),
                Sql.texts(c, tasks, task -> task.token));
    }

    final class LeaseTask extends LaneTask<Void> {

        LeaseTask() {
            super(leases);
        }
    }

    private void renewLease(Connection c, List<LaneTask<?>> group) throws SQLException {
        Instant now = ledger.now();
        Sql.update(c, "INSERT INTO whatsapp_ledger_instance (instance_id, started_at, expires_at) VALUES (?, "
                      + Sql.MILLIS.formatted("?") + ", " + Sql.MILLIS.formatted("?") + ") ON CONFLICT (instance_id)"
                      + " DO UPDATE SET expires_at = EXCLUDED.expires_at", ledger.instanceId(), now.toEpochMilli(),
                now.plus(ledger.leaseDuration()).toEpochMilli());
        group.forEach(task -> task.result(null));
    }

    /**
     * On a clean stop: claims not handed over go back (sent again by whoever claims them next), hand-overs without an
     * answer become unknown outcomes, and the lease ends at once.
     */
    private void retire(Connection c, List<LaneTask<?>> group) throws SQLException {
        long now = ledger.now().toEpochMilli();
        Sql.update(c, "UPDATE whatsapp_message SET stage = 4, updated_at = " + Sql.MILLIS.formatted("?")
                      + " WHERE owner = ? AND stage = 0", now, ledger.instanceId());
        Sql.update(c, "UPDATE whatsapp_message SET stage = 5, updated_at = " + Sql.MILLIS.formatted("?")
                      + " WHERE owner = ? AND stage = 1", now, ledger.instanceId());
        Sql.update(c, "DELETE FROM whatsapp_ledger_instance WHERE instance_id = ?", ledger.instanceId());
        group.forEach(task -> task.result(null));
    }

    final class RetireTask extends LaneTask<Void> {

        RetireTask() {
            super(retirements);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> cast(List<LaneTask<?>> group) {
        return (List<T>) (List<?>) group;
    }
}
