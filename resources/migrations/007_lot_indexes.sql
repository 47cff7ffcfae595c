-- The engine, re-rating and a member's balance read a member's lots with what is left of each: the
-- positive ledger entries and the draws on them. Through the plain member indexes every such row was a
-- table lookup at a random place (a member's rows are spread over the ledger in time order); at ten
-- million ledger rows that was most of a re-rate chunk. With the columns in the indexes the reads stay
-- inside the member's run of index entries.
CREATE INDEX points_ledger_member_lots ON points_ledger (member_id, id, points, expires_on) WHERE points > 0;
DROP INDEX points_draws_member;
CREATE INDEX points_draws_member ON points_draws (member_id, lot_id, points);
