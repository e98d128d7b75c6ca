-- Version 12: every `dossier db bench` query under 50 ms at a million
-- incidents (issue 14), as SQLite's migration 0012.
--
-- The list by country and type (or sub-type) and years counts up to 1,001
-- matches: with day_hi and kind in the index the count and the filter on
-- the years' lower bound read the index alone (an index-only scan), and
-- the list reads the table only for the rows of its page.
DROP INDEX incidents_country_type;
DROP INDEX incidents_country_sub_type;
CREATE INDEX incidents_country_type ON incidents (country, type, sort_day, n) INCLUDE (day_hi, kind);
CREATE INDEX incidents_country_sub_type ON incidents (country, sub_type, sort_day, n) INCLUDE (day_hi, kind);
-- SQLite's vocabulary tables of its full-text indexes have no equivalent
-- here: a tsquery prefix (word:*) is answered from the GIN index.
ANALYZE incidents;
