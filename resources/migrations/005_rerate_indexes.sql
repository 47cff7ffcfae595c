-- What has been taken back from an entry (refunds, corrections and re-rates look it up by reverses_id):
-- without an index each lookup scanned the whole ledger.
CREATE INDEX points_ledger_reverses ON points_ledger (reverses_id) WHERE reverses_id IS NOT NULL;
-- Re-rating and what-if read the orders of a period in time order, a page at a time.
CREATE INDEX transactions_time ON transactions (occurred_at, id);
-- Tier windows sum spend and qualifying points per member over a range of days (reviews, the engine's
-- member state, what-if): with the figures in the index that is an index-only scan instead of a table
-- lookup per ledger row (SQLite's review of 20,000 members took 4 s, mostly those lookups).
DROP INDEX points_ledger_member_day;
CREATE INDEX points_ledger_member_day ON points_ledger (member_id, local_date, spend_minor, qualifying);
