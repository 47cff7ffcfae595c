-- MemberDesk schema v5: paid membership, referral and vouchers (docs/membership.md).
--  * membership_terms: one row per paid term (a purchase or a renewal) with its fee as money. A member's
--    status is derived from the terms and today's date (no sweep): active while a term covers today.
--    Cancelling sets cancelled_on (the last day of the grants) on the terms it cuts short.
--  * referral_codes: every member's code, assigned when first asked for (app::referralCode); unique.
--  * referrals: who referred whom, recorded once and never changed.
--  * vouchers: single-use codes, assigned to a member or not (a batch); redeemed at most once.
-- Dates are programme-local 'YYYY-MM-DD'; instants UTC text as elsewhere.
CREATE TABLE membership_terms (
    id {{ID}},
    member_id BIGINT NOT NULL REFERENCES members(id),
    plan_code TEXT {{BINARY}} NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('buy', 'renew')),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    fee_minor BIGINT NOT NULL CHECK (fee_minor >= 0),
    currency TEXT NOT NULL DEFAULT 'CNY',
    request_key TEXT {{BINARY}} NOT NULL UNIQUE,
    programme_version BIGINT,
    cancelled_on TEXT,
    cancel_reason TEXT,
    actor TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX membership_terms_member ON membership_terms (member_id, starts_on);
-- Renewal reminders: terms ending in a window.
CREATE INDEX membership_terms_end ON membership_terms (ends_on);
CREATE TABLE referral_codes (
    member_id BIGINT PRIMARY KEY REFERENCES members(id),
    code TEXT {{BINARY}} NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE referrals (
    referee_id BIGINT PRIMARY KEY REFERENCES members(id),
    referrer_id BIGINT NOT NULL REFERENCES members(id),
    linked_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    CHECK (referee_id <> referrer_id)
);
CREATE INDEX referrals_referrer ON referrals (referrer_id);
CREATE TABLE vouchers (
    id {{ID}},
    code TEXT {{BINARY}} NOT NULL UNIQUE,
    member_id BIGINT REFERENCES members(id),
    value_minor BIGINT NOT NULL CHECK (value_minor > 0),
    points_cost BIGINT NOT NULL DEFAULT 0,
    source TEXT NOT NULL CHECK (source IN ('manual', 'batch', 'birthday', 'points', 'demo')),
    batch TEXT,
    issue_key TEXT {{BINARY}} UNIQUE,
    issued_on TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'redeemed', 'expired')),
    redeemed_at TEXT,
    redeemed_member_id BIGINT,
    order_id TEXT,
    actor TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX vouchers_member ON vouchers (member_id, id);
CREATE INDEX vouchers_open ON vouchers (valid_until) WHERE status = 'issued';
-- Every member already stored gets a referral code (persistence/referral_codes.cpp, CSPRNG, in bulk).
-- @step
