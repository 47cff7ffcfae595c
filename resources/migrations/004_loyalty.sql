-- MemberDesk schema v4: the loyalty engine.
--  * programme_versions: every stored programme (JSON, docs/programme-format.md), never changed.
--  * points_ledger: one append-only ledger; positive entries (earn, positive adjust) are lots.
--  * points_draws: which lots each negative entry (redeem, expire, reverse, negative adjust) drew on;
--    the part of a negative entry no lot covered is owed, and later lots pay it off (more draws).
--  * member_points / member_tiers: the fast-changing state, off `members` (a redemption must not bump
--    the member's version); member_points is a cache `points check` recomputes from the ledger.
--  * tier_changes: every tier change with its reason and rule (append-only).
--  * points_approvals: manual adjustments above the programme's limit wait for a second person.
--  * rule_usage: points each rule issued per period (caps per member, budgets programme-wide).
-- Dates are programme-local 'YYYY-MM-DD'; instants UTC text as elsewhere.
CREATE TABLE programme_versions (
    version BIGINT PRIMARY KEY,
    effective_from TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE points_ledger (
    id {{ID}},
    member_id BIGINT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'adjust', 'expire', 'reverse')),
    points BIGINT NOT NULL,
    qualifying BIGINT NOT NULL DEFAULT 0,
    spend_minor BIGINT NOT NULL DEFAULT 0,
    occurred_at TEXT NOT NULL,
    local_date TEXT NOT NULL,
    available_on TEXT,
    expires_on TEXT,
    idempotency_key TEXT {{BINARY}} NOT NULL,
    transaction_id BIGINT,
    reverses_id BIGINT,
    programme_version BIGINT,
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    breakdown TEXT,
    actor TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    CHECK ((kind IN ('earn') AND points >= 0) OR (kind IN ('redeem', 'expire') AND points < 0)
           OR kind IN ('adjust', 'reverse'))
);
CREATE UNIQUE INDEX points_ledger_key ON points_ledger (idempotency_key);
CREATE INDEX points_ledger_member ON points_ledger (member_id, id);
CREATE INDEX points_ledger_member_day ON points_ledger (member_id, local_date);
CREATE INDEX points_ledger_transaction ON points_ledger (transaction_id);
-- Lots still holding points are found by expiry (points expire, expiring reminders, liability).
CREATE INDEX points_ledger_expiry ON points_ledger (expires_on) WHERE points > 0;
CREATE TABLE points_draws (
    entry_id BIGINT NOT NULL REFERENCES points_ledger(id),
    lot_id BIGINT NOT NULL REFERENCES points_ledger(id),
    member_id BIGINT NOT NULL,
    points BIGINT NOT NULL CHECK (points > 0),
    recorded_at TEXT NOT NULL
);
CREATE INDEX points_draws_lot ON points_draws (lot_id);
CREATE INDEX points_draws_entry ON points_draws (entry_id);
CREATE INDEX points_draws_member ON points_draws (member_id);
CREATE TABLE member_points (
    member_id BIGINT PRIMARY KEY REFERENCES members(id),
    balance BIGINT NOT NULL DEFAULT 0,
    qualifying BIGINT NOT NULL DEFAULT 0,
    owed BIGINT NOT NULL DEFAULT 0,
    last_activity TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX member_points_balance ON member_points (balance, member_id);
CREATE TABLE member_tiers (
    member_id BIGINT PRIMARY KEY REFERENCES members(id),
    tier_code TEXT NOT NULL,
    tier_rank INTEGER NOT NULL,
    since TEXT NOT NULL,
    grace_until TEXT,
    override_tier TEXT,
    override_until TEXT,
    override_reason TEXT,
    last_review TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX member_tiers_rank ON member_tiers (tier_rank, member_id);
CREATE TABLE tier_changes (
    id {{ID}},
    member_id BIGINT NOT NULL REFERENCES members(id),
    from_tier TEXT NOT NULL,
    to_tier TEXT NOT NULL,
    reason TEXT NOT NULL,
    rule TEXT NOT NULL DEFAULT '',
    changed_on TEXT NOT NULL,
    programme_version BIGINT,
    note TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX tier_changes_member ON tier_changes (member_id, id);
CREATE TABLE points_approvals (
    id {{ID}},
    member_id BIGINT NOT NULL REFERENCES members(id),
    points BIGINT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    request_key TEXT {{BINARY}} NOT NULL UNIQUE,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by TEXT,
    decided_at TEXT,
    entry_id BIGINT
);
CREATE TABLE rule_usage (
    rule TEXT {{BINARY}} NOT NULL,
    period_key TEXT {{BINARY}} NOT NULL,
    member_id BIGINT NOT NULL,
    points BIGINT NOT NULL,
    PRIMARY KEY (rule, period_key, member_id)
);
-- A refund names the purchase it refunds (same store), so its points are reversed in proportion.
ALTER TABLE transactions ADD COLUMN refund_of TEXT {{BINARY}};
-- @sqlite
CREATE TRIGGER programme_versions_no_update BEFORE UPDATE ON programme_versions
BEGIN SELECT RAISE(ABORT, 'programme versions are never changed: store a new version'); END;
CREATE TRIGGER programme_versions_no_delete BEFORE DELETE ON programme_versions
BEGIN SELECT RAISE(ABORT, 'programme versions are never changed: store a new version'); END;
CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only: post a compensating entry'); END;
CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only: post a compensating entry'); END;
CREATE TRIGGER points_draws_no_update BEFORE UPDATE ON points_draws
BEGIN SELECT RAISE(ABORT, 'points_draws is append-only'); END;
CREATE TRIGGER points_draws_no_delete BEFORE DELETE ON points_draws
BEGIN SELECT RAISE(ABORT, 'points_draws is append-only'); END;
CREATE TRIGGER tier_changes_no_update BEFORE UPDATE ON tier_changes
BEGIN SELECT RAISE(ABORT, 'tier_changes is append-only'); END;
CREATE TRIGGER tier_changes_no_delete BEFORE DELETE ON tier_changes
BEGIN SELECT RAISE(ABORT, 'tier_changes is append-only'); END;
-- The supersede-only rule now covers refund_of too.
DROP TRIGGER transactions_only_supersede;
CREATE TRIGGER transactions_only_supersede BEFORE UPDATE ON transactions
WHEN NOT (OLD.superseded = 0 AND NEW.superseded = 1 AND NEW.id = OLD.id AND NEW.order_id = OLD.order_id
          AND NEW.member_id = OLD.member_id AND NEW.store_code = OLD.store_code AND NEW.channel = OLD.channel
          AND NEW.occurred_at = OLD.occurred_at AND NEW.amount_minor = OLD.amount_minor
          AND NEW.currency = OLD.currency AND NEW.kind = OLD.kind AND NEW.items = OLD.items
          AND NEW.category = OLD.category AND NEW.revision = OLD.revision
          AND NEW.replaces_id IS OLD.replaces_id AND NEW.refund_of IS OLD.refund_of)
BEGIN SELECT RAISE(ABORT, 'a stored transaction can only be superseded by a correction'); END;
-- @end
-- @postgresql
CREATE FUNCTION loyalty_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only: post a compensating entry', TG_TABLE_NAME; END $$;
CREATE TRIGGER programme_versions_no_change BEFORE UPDATE OR DELETE ON programme_versions
FOR EACH ROW EXECUTE FUNCTION loyalty_append_only();
CREATE TRIGGER programme_versions_no_truncate BEFORE TRUNCATE ON programme_versions
FOR EACH STATEMENT EXECUTE FUNCTION loyalty_append_only();
CREATE TRIGGER points_ledger_no_change BEFORE UPDATE OR DELETE ON points_ledger
FOR EACH ROW EXECUTE FUNCTION loyalty_append_only();
CREATE TRIGGER points_ledger_no_truncate BEFORE TRUNCATE ON points_ledger
FOR EACH STATEMENT EXECUTE FUNCTION loyalty_append_only();
CREATE TRIGGER points_draws_no_change BEFORE UPDATE OR DELETE ON points_draws
FOR EACH ROW EXECUTE FUNCTION loyalty_append_only();
CREATE TRIGGER points_draws_no_truncate BEFORE TRUNCATE ON points_draws
FOR EACH STATEMENT EXECUTE FUNCTION loyalty_append_only();
CREATE TRIGGER tier_changes_no_change BEFORE UPDATE OR DELETE ON tier_changes
FOR EACH ROW EXECUTE FUNCTION loyalty_append_only();
CREATE TRIGGER tier_changes_no_truncate BEFORE TRUNCATE ON tier_changes
FOR EACH STATEMENT EXECUTE FUNCTION loyalty_append_only();
-- @end
-- Refunds already stored name no purchase; the engine reverses those at the base rate (docs/loyalty.md).
INSERT INTO consumer_positions (consumer, last_event_id, updated_at)
VALUES ('loyalty', 0, '1970-01-01T00:00:00Z');
