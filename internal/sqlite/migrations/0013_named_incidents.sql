-- Version 13: PostgreSQL gains indexes of incidents' weapons and actors in
-- incident order, for the search's rank of incidents whose weapon or
-- actor the query names (its migration 0013). SQLite's planner already
-- reads both sets by their indexes and sorts the few it finds; the
-- indexes would cost about 100 bytes an incident here. Kept so that both
-- engines number their schema alike.
SELECT 1;
