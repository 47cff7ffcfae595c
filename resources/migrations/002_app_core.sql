-- MemberDesk schema v3: the floor under the loyalty engine and campaigns.
--  * events: what happened, appended in the same transaction as the write; consumers read it in id order.
--  * consumer_positions: the last event id each consumer has processed (exactly-once, restartable).
--  * settings: programme-wide settings shared by everyone on this database (timezone, SMTP, ...).
--  * transactions become corrections-only: a changed order is a new row that supersedes the old one.

CREATE TABLE events (
    id {{ID}},
    type TEXT NOT NULL,
    member_id BIGINT,
    entity_id BIGINT,
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}'
);
-- Consumers read by id; a member's history by (member_id, id).
CREATE INDEX events_member ON events (member_id, id);

CREATE TABLE consumer_positions (
    consumer TEXT {{BINARY}} PRIMARY KEY,
    last_event_id BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);

CREATE TABLE settings (
    key TEXT {{BINARY}} PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- A correction row names the row it replaces; the replaced row is marked superseded (the one change a
-- stored transaction may take). Only current rows must be unique per (store, order).
ALTER TABLE transactions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE transactions ADD COLUMN replaces_id BIGINT;
ALTER TABLE transactions ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;
DROP INDEX transactions_store_order;
CREATE UNIQUE INDEX transactions_store_order ON transactions (store_code, order_id) WHERE superseded = 0;
CREATE INDEX transactions_order_history ON transactions (store_code, order_id, revision);

-- @sqlite
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions
BEGIN SELECT RAISE(ABORT, 'transactions are corrected, never deleted'); END;
CREATE TRIGGER transactions_only_supersede BEFORE UPDATE ON transactions
WHEN NOT (OLD.superseded = 0 AND NEW.superseded = 1 AND NEW.id = OLD.id AND NEW.order_id = OLD.order_id
          AND NEW.member_id = OLD.member_id AND NEW.store_code = OLD.store_code AND NEW.channel = OLD.channel
          AND NEW.occurred_at = OLD.occurred_at AND NEW.amount_minor = OLD.amount_minor
          AND NEW.currency = OLD.currency AND NEW.kind = OLD.kind AND NEW.items = OLD.items
          AND NEW.category = OLD.category AND NEW.revision = OLD.revision
          AND NEW.replaces_id IS OLD.replaces_id)
BEGIN SELECT RAISE(ABORT, 'a stored transaction can only be superseded by a correction'); END;
-- @end

-- @postgresql
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'events is append-only'; END $$;
CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
CREATE FUNCTION transactions_corrections_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.superseded = 0 AND NEW.superseded = 1
       AND (to_jsonb(NEW) - 'superseded') = (to_jsonb(OLD) - 'superseded') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a stored transaction can only be superseded by a correction';
END $$;
CREATE TRIGGER transactions_no_change BEFORE UPDATE OR DELETE ON transactions
FOR EACH ROW EXECUTE FUNCTION transactions_corrections_only();
CREATE TRIGGER transactions_no_truncate BEFORE TRUNCATE ON transactions
FOR EACH STATEMENT EXECUTE FUNCTION transactions_corrections_only();
-- @end

-- Every stored transaction becomes an event, so the member totals consumer can be rebuilt by replaying;
-- totals are already correct for these rows, so the consumer starts after them.
INSERT INTO events (type, member_id, entity_id, occurred_at, recorded_at, actor)
SELECT CASE WHEN kind = 'refund' THEN 'refund_recorded' ELSE 'purchase_recorded' END, member_id, id,
       occurred_at, occurred_at, 'migration'
FROM transactions ORDER BY id;
INSERT INTO consumer_positions (consumer, last_event_id, updated_at)
SELECT 'member_totals', COALESCE(MAX(id), 0), '1970-01-01T00:00:00Z' FROM events;
