-- Version 8: resolution independent of ingest order. Each report keeps the
-- keys that find the reports it may be the same incident as (its folded
-- country and its date range in days; NULL when it gives no date), so that
-- the reports a run touched can be clustered again with everything they
-- connect to (sqlstore.Settle). keyed = 0 marks reports stored before this
-- version; Settle computes their keys once.
ALTER TABLE reports ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN day_lo BIGINT;
ALTER TABLE reports ADD COLUMN day_hi BIGINT;
ALTER TABLE reports ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX reports_block ON reports (country, day_lo);

-- A queued report keeps its actors' parts, written to reports when it joins.
ALTER TABLE review_queue ADD COLUMN actors TEXT NOT NULL DEFAULT '[]';

-- Incident and report ids whose neighbourhood waits to be settled: filled
-- by every document's transaction, emptied by Settle (after a crash the
-- next run settles what is left).
CREATE TABLE unsettled (
	id TEXT PRIMARY KEY
);

-- An incident id that settling retired (its reports were merged into
-- another incident or it was renamed) points to the incident that took
-- most of its reports, so that links, bookmarks and reviews keep working.
CREATE TABLE incident_redirects (
	old_id TEXT PRIMARY KEY,
	new_id TEXT NOT NULL,
	reason TEXT NOT NULL
);
CREATE INDEX incident_redirects_new ON incident_redirects (new_id);

-- Merges and splits, with their reasons: shown on the incident
-- page.
CREATE TABLE incident_log (
	n           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	incident_id TEXT NOT NULL,
	action      TEXT NOT NULL,  -- merged, split
	other       TEXT NOT NULL,  -- the other incidents, comma-separated
	reason      TEXT NOT NULL,
	at          TEXT NOT NULL
);
CREATE INDEX incident_log_incident ON incident_log (incident_id);

-- What a review of a report's merge judged, anchored to what outlives an
-- extractor upgrade (the report's document, whether it is the document's
-- own incident, its evidence spans) rather than to ids: the report itself
-- and the reports of the incident it was placed in or taken from, as they
-- were at the time of the review (JSON, sqlstore.mergeAnchor).
ALTER TABLE reviews ADD COLUMN anchor TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN anchor_doc TEXT NOT NULL DEFAULT '';
CREATE INDEX reviews_anchor_doc ON reviews (anchor_doc);

-- The document whose report an incident's id is anchored on: when settling
-- retires the id (a new extractor version renumbered the reports), the id
-- and its reviews follow that document's report.
ALTER TABLE incidents ADD COLUMN anchor_doc TEXT NOT NULL DEFAULT '';

-- Actors whose summary (name, counts) waits for the end of the run: a
-- document's transaction marks the actors it touched, and the end of the
-- run (ReconcileStale) sums each up once, not once per document that
-- names it.
CREATE TABLE stale_actors (
	actor_id TEXT PRIMARY KEY
);
