-- Version 9: SQLite gains a full-text index of the incidents in date order
-- (its migration 0009). PostgreSQL needs none: its planner walks
-- incidents_day and checks the tsvector, or sorts the matches of the GIN
-- index, whichever costs less. Kept so that both engines number their
-- schema alike.
SELECT 1;
