-- Version 11: a smaller store (issue 14). What changed is mostly in what
-- sqlstore writes, which needs no change of column here: an SQLite TEXT
-- column keeps a BLOB as it is.
--
-- - Reports (reports.data, review_queue.data), incident records
--   (incidents.record) and extractions (documents.extraction) keep of an
--   evidence whose text is its document's bytes at its offsets the offsets
--   alone (the document's text is stored once, in documents.body or raw);
--   reading takes the sentence back from the document (sqlstore
--   sentences.go).
-- - A document's extraction no longer holds its incidents: they are its
--   reports (sqlstore storedExtraction).
-- - A report's actors' parts move into its data (reports.actors and
--   review_queue.actors are left empty).
-- - That JSON, incidents.signature and the data of mentions, claims,
--   statements and relations are stored deflated with a preset dictionary
--   (sqlstore pack.go).
--
-- Rows written before stay plain JSON with their texts and are read as
-- they are; each is written the new way when it is next written. Version
-- 10 is another change (it may come before or after this one).
--
-- Here: the incidents' actors and weapons become WITHOUT ROWID tables,
-- their primary key the table itself instead of a table plus an index of
-- the same columns.
CREATE TABLE incident_actors_new (
	incident_id TEXT NOT NULL,
	actor_id    TEXT NOT NULL,
	roles       TEXT NOT NULL,
	sort_day    INTEGER NOT NULL,
	incident_n  INTEGER NOT NULL,
	PRIMARY KEY (incident_id, actor_id)
) WITHOUT ROWID;
INSERT INTO incident_actors_new (incident_id, actor_id, roles, sort_day, incident_n)
	SELECT incident_id, actor_id, roles, sort_day, incident_n FROM incident_actors;
DROP TABLE incident_actors;
ALTER TABLE incident_actors_new RENAME TO incident_actors;
CREATE INDEX incident_actors_actor ON incident_actors (actor_id, sort_day, incident_n);

CREATE TABLE incident_weapons_new (
	incident_id TEXT NOT NULL,
	weapon      TEXT NOT NULL,
	sort_day    INTEGER NOT NULL,
	incident_n  INTEGER NOT NULL,
	PRIMARY KEY (incident_id, weapon)
) WITHOUT ROWID;
INSERT INTO incident_weapons_new (incident_id, weapon, sort_day, incident_n)
	SELECT incident_id, weapon, sort_day, incident_n FROM incident_weapons;
DROP TABLE incident_weapons;
ALTER TABLE incident_weapons_new RENAME TO incident_weapons;
CREATE INDEX incident_weapons_weapon ON incident_weapons (weapon, sort_day, incident_n);

ANALYZE incident_actors;
ANALYZE incident_weapons;
