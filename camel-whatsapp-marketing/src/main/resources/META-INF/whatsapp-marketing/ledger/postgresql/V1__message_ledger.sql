-- The message ledger of camel-whatsapp-marketing, schema version 1 (PostgreSQL 12 or later).
-- JdbcMessageLedger applies it when its tables are absent (createSchema=true, the default), under an advisory lock so
-- that instances starting together do not race; with createSchema=false, apply it yourself (psql, Flyway, Liquibase)
-- in the schema the DataSource's connections use. Statements end with a semicolon at the end of a line.

-- One row per intended message: per send key, or per send without a key once its outcome is known.
CREATE TABLE IF NOT EXISTS whatsapp_message (
    id                bigserial    PRIMARY KEY,
    send_key          varchar(512) UNIQUE,
    message_id        varchar(256) UNIQUE,
    campaign          varchar(256),
    phone_number_id   varchar(64),
    recipient         varchar(256),
    template_name     varchar(512),
    template_language varchar(64),
    product_policy    varchar(32),
    key_in_callback   boolean      NOT NULL DEFAULT false,
    -- 0 claimed, 1 handed to the HTTP client, 2 accepted, 3 rejected, 4 not sent, 5 unknown outcome, 6 suppressed
    stage             smallint     NOT NULL,
    claim_token       varchar(64),
    owner             varchar(64),
    attempts          integer      NOT NULL DEFAULT 0,
    duplicates        integer      NOT NULL DEFAULT 0,
    message_status    varchar(64),
    error_code        integer,
    error_title       varchar(512),
    claimed_at        timestamptz,
    sent_at           timestamptz,
    settled_at        timestamptz,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX IF NOT EXISTS whatsapp_message_campaign ON whatsapp_message (campaign);
CREATE INDEX IF NOT EXISTS whatsapp_message_claim_token ON whatsapp_message (claim_token);
CREATE INDEX IF NOT EXISTS whatsapp_message_in_flight ON whatsapp_message (owner) WHERE stage IN (0, 1);

-- One row per message id that status webhooks told about: the status only moves forward (rank: sent 1,
-- delivered 2, read and played 3, failed 9 and final); the other columns keep their first value.
CREATE TABLE IF NOT EXISTS whatsapp_message_status (
    message_id        varchar(256) PRIMARY KEY,
    status            varchar(16)  NOT NULL,
    status_rank       smallint     NOT NULL,
    recipient         varchar(256),
    phone_number_id   varchar(64),
    routed_via        varchar(32),
    pricing_category  varchar(64),
    error_code        integer,
    error_title       varchar(512),
    sent_at           timestamptz,
    delivered_at      timestamptz,
    read_at           timestamptz,
    failed_at         timestamptz,
    updated_at        timestamptz  NOT NULL
);

-- The webhook events recorded (deduplication of Meta's re-deliveries across instances), purged after the
-- retention period (7 days by default: Meta re-delivers for up to 7 days).
CREATE TABLE IF NOT EXISTS whatsapp_webhook_event (
    event_key         varchar(1024) PRIMARY KEY,
    received_at       timestamptz   NOT NULL
);
CREATE INDEX IF NOT EXISTS whatsapp_webhook_event_received ON whatsapp_webhook_event (received_at);

-- Suppressed recipients (E.164 phone number or BSUID), for every phone number id of the ledger. until null: until
-- lifted (131050 opt-outs, manual or imported ones); else parked until then (131049).
CREATE TABLE IF NOT EXISTS whatsapp_suppression (
    recipient         varchar(256) PRIMARY KEY,
    reason            varchar(16)  NOT NULL,
    until             timestamptz,
    error_code        integer,
    note              varchar(512),
    created_at        timestamptz  NOT NULL
);

-- The live ledger instances: a claim held by an instance whose lease expired counts by how far it got.
CREATE TABLE IF NOT EXISTS whatsapp_ledger_instance (
    instance_id       varchar(64)  PRIMARY KEY,
    started_at        timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL
);

CREATE TABLE IF NOT EXISTS whatsapp_ledger_schema (
    version           integer      PRIMARY KEY,
    applied_at        timestamptz  NOT NULL
);
INSERT INTO whatsapp_ledger_schema (version, applied_at) VALUES (1, now()) ON CONFLICT (version) DO NOTHING;
