-- What has been taken back from an entry (refunds, corrections and re-rates look it up by reverses_id):
-- without an index each lookup scanned the whole ledger.
CREATE INDEX points_ledger_reverses ON points_ledger (reverses_id) WHERE reverses_id IS NOT NULL;
-- Re-rating and what-if read the orders of a period in time order, a page at a time.
CREATE INDEX transactions_time ON transactions (occurred_at, id);
