-- Version 12: every `dossier db bench` query under 50 ms at a million
-- incidents (issue 14).
--
-- The list by country and type (or sub-type) and years counts up to 1,001
-- matches; its index stopped at the country, the type and the newest day,
-- so each row of the index walked was read from the table for its kind
-- and day_hi (the years' lower bound), down to the oldest incident of the
-- pair when fewer than 1,001 match: 12,000 rows read for the 300 a common
-- pair has in three years at 1M (p99 268 ms). With day_hi and kind in the
-- index the count reads the index alone, and the list reads the table
-- only for the rows of its page.
DROP INDEX incidents_country_type;
DROP INDEX incidents_country_sub_type;
CREATE INDEX incidents_country_type ON incidents (country, type, sort_day, n, day_hi, kind);
CREATE INDEX incidents_country_sub_type ON incidents (country, sub_type, sort_day, n, day_hi, kind);

-- The words of the full-text indexes that search reads, for
-- sqlite.PrefixQuery to turn a prefix into the words it begins: FTS5
-- merges every match of a prefix ("attack"*) before giving the first, but
-- walks an OR of whole words lazily, newest first, and stops at the
-- limit (as incidents_day_terms, migration 0009). They take no space.
CREATE VIRTUAL TABLE incidents_fts_terms USING fts5vocab (incidents_fts, 'instance');
CREATE VIRTUAL TABLE actors_fts_terms USING fts5vocab (actors_fts, 'instance');
CREATE VIRTUAL TABLE documents_fts_terms USING fts5vocab (documents_fts, 'instance');

ANALYZE incidents;
