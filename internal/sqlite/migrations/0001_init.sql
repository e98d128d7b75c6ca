-- The knowledge base, version 1. Keep in step with
-- internal/postgres/migrations/0001_init.sql: the same tables and columns.

-- Documents as read, with their raw bytes (so that reprocess needs no
-- original file) and their extraction.
CREATE TABLE documents (
	n          INTEGER PRIMARY KEY,
	id         TEXT NOT NULL UNIQUE,
	key        TEXT NOT NULL UNIQUE,
	path       TEXT NOT NULL,
	source     TEXT NOT NULL,
	title      TEXT NOT NULL,
	published  TEXT NOT NULL,
	site       TEXT NOT NULL,
	author     TEXT NOT NULL,
	format     TEXT NOT NULL,
	language   TEXT NOT NULL,
	skipped    TEXT NOT NULL,
	hash       TEXT NOT NULL,
	extractor  TEXT NOT NULL,
	size       INTEGER NOT NULL,
	raw        BLOB NOT NULL,
	body       BLOB,
	hints      TEXT NOT NULL,
	extraction TEXT NOT NULL,
	fingerprint BLOB,
	copy_of    TEXT NOT NULL,
	ingested   TEXT NOT NULL,
	search     TEXT NOT NULL
);
CREATE INDEX documents_path ON documents (path);
CREATE INDEX documents_extractor ON documents (extractor);

-- One document's account of one incident (an extracted incident).
CREATE TABLE reports (
	n           INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	doc_id      TEXT NOT NULL,
	ord         INTEGER NOT NULL,
	local_id    TEXT NOT NULL,
	main        INTEGER NOT NULL,
	incident_id TEXT NOT NULL,
	score       REAL NOT NULL,
	reason      TEXT NOT NULL,
	data        TEXT NOT NULL,
	actors      TEXT NOT NULL
);
CREATE INDEX reports_doc ON reports (doc_id);
CREATE INDEX reports_incident ON reports (incident_id);

-- Resolved incidents: reconciled from their reports, never edited by hand.
CREATE TABLE incidents (
	n           INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL,
	title_key   TEXT NOT NULL,
	label       TEXT NOT NULL,
	day_lo      INTEGER,
	day_hi      INTEGER,
	sort_day    INTEGER NOT NULL,
	coarse_date INTEGER NOT NULL,
	country     TEXT NOT NULL,
	type        TEXT NOT NULL,
	sub_type    TEXT NOT NULL,
	fatalities  INTEGER NOT NULL,
	sources     INTEGER NOT NULL,
	record      TEXT NOT NULL,
	signature   TEXT NOT NULL,
	search      TEXT NOT NULL
);
CREATE INDEX incidents_day ON incidents (sort_day, n);
CREATE INDEX incidents_coarse ON incidents (coarse_date, sort_day);
CREATE INDEX incidents_country ON incidents (country, sort_day, n);
CREATE INDEX incidents_type ON incidents (type, sort_day, n);
CREATE INDEX incidents_sub_type ON incidents (sub_type, sort_day, n);
CREATE INDEX incidents_sources ON incidents (sources, n);
CREATE INDEX incidents_fatalities ON incidents (fatalities, n);
CREATE INDEX incidents_title ON incidents (title_key, n);

CREATE TABLE incident_actors (
	incident_id TEXT NOT NULL,
	actor_id    TEXT NOT NULL,
	roles       TEXT NOT NULL,
	sort_day    INTEGER NOT NULL,
	incident_n  INTEGER NOT NULL,
	PRIMARY KEY (incident_id, actor_id)
);
CREATE INDEX incident_actors_actor ON incident_actors (actor_id, sort_day, incident_n);

CREATE TABLE incident_weapons (
	incident_id TEXT NOT NULL,
	weapon      TEXT NOT NULL,
	sort_day    INTEGER NOT NULL,
	incident_n  INTEGER NOT NULL,
	PRIMARY KEY (incident_id, weapon)
);
CREATE INDEX incident_weapons_weapon ON incident_weapons (weapon, sort_day, incident_n);

-- Resolved actors and the documents' own actors merged into them.
CREATE TABLE actors (
	n         INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	name      TEXT NOT NULL,
	name_key  TEXT NOT NULL,
	kind      TEXT NOT NULL,
	aliases   TEXT NOT NULL,
	context   TEXT NOT NULL,
	documents INTEGER NOT NULL,
	incidents INTEGER NOT NULL,
	search    TEXT NOT NULL
);
CREATE INDEX actors_documents ON actors (documents, n);
CREATE INDEX actors_name ON actors (name_key, n);

CREATE TABLE actor_names (
	actor_id TEXT NOT NULL,
	key      TEXT NOT NULL,
	fold     TEXT NOT NULL,
	PRIMARY KEY (actor_id, fold)
);
CREATE INDEX actor_names_key ON actor_names (key);
CREATE INDEX actor_names_fold ON actor_names (fold);

CREATE TABLE mentions (
	n        INTEGER PRIMARY KEY,
	id       TEXT NOT NULL UNIQUE,
	doc_id   TEXT NOT NULL,
	ord      INTEGER NOT NULL,
	actor_id TEXT NOT NULL,
	name     TEXT NOT NULL,
	kind     TEXT NOT NULL,
	aliases  TEXT NOT NULL,
	context  TEXT NOT NULL,
	reason   TEXT NOT NULL,
	data     TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE INDEX mentions_actor ON mentions (actor_id, n);

CREATE TABLE relations (
	n          INTEGER PRIMARY KEY,
	doc_id     TEXT NOT NULL,
	ord        INTEGER NOT NULL,
	subject_id TEXT NOT NULL,
	predicate  TEXT NOT NULL,
	object_id  TEXT NOT NULL,
	data       TEXT NOT NULL
);
CREATE INDEX relations_doc ON relations (doc_id);
CREATE INDEX relations_subject ON relations (subject_id);
CREATE INDEX relations_object ON relations (object_id);

CREATE TABLE claims (
	n           INTEGER PRIMARY KEY,
	doc_id      TEXT NOT NULL,
	ord         INTEGER NOT NULL,
	report_id   TEXT NOT NULL,
	claimant_id TEXT NOT NULL,
	about_id    TEXT NOT NULL,
	data        TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims (doc_id);
CREATE INDEX claims_report ON claims (report_id);

CREATE TABLE statements (
	n          INTEGER PRIMARY KEY,
	doc_id     TEXT NOT NULL,
	ord        INTEGER NOT NULL,
	report_id  TEXT NOT NULL,
	speaker_id TEXT NOT NULL,
	data       TEXT NOT NULL
);
CREATE INDEX statements_doc ON statements (doc_id);
CREATE INDEX statements_report ON statements (report_id);
CREATE INDEX statements_speaker ON statements (speaker_id, n);

-- Reviews: people's judgements, never touched by extraction.
CREATE TABLE reviews (
	n         INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	target    TEXT NOT NULL,
	target_id TEXT NOT NULL,
	field     TEXT NOT NULL,
	action    TEXT NOT NULL,
	value     TEXT NOT NULL,
	author    TEXT NOT NULL,
	note      TEXT NOT NULL,
	created   TEXT NOT NULL
);
CREATE INDEX reviews_target ON reviews (target_id, n);

-- Full text: accent-folded text kept in each table's search column,
-- indexed by FTS5 tables that triggers keep in step.
CREATE VIRTUAL TABLE incidents_fts USING fts5 (search, content='incidents', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER incidents_fts_ai AFTER INSERT ON incidents BEGIN
	INSERT INTO incidents_fts (rowid, search) VALUES (new.n, new.search);
END;
CREATE TRIGGER incidents_fts_ad AFTER DELETE ON incidents BEGIN
	INSERT INTO incidents_fts (incidents_fts, rowid, search) VALUES ('delete', old.n, old.search);
END;
CREATE TRIGGER incidents_fts_au AFTER UPDATE OF search ON incidents BEGIN
	INSERT INTO incidents_fts (incidents_fts, rowid, search) VALUES ('delete', old.n, old.search);
	INSERT INTO incidents_fts (rowid, search) VALUES (new.n, new.search);
END;

CREATE VIRTUAL TABLE actors_fts USING fts5 (search, content='actors', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER actors_fts_ai AFTER INSERT ON actors BEGIN
	INSERT INTO actors_fts (rowid, search) VALUES (new.n, new.search);
END;
CREATE TRIGGER actors_fts_ad AFTER DELETE ON actors BEGIN
	INSERT INTO actors_fts (actors_fts, rowid, search) VALUES ('delete', old.n, old.search);
END;
CREATE TRIGGER actors_fts_au AFTER UPDATE OF search ON actors BEGIN
	INSERT INTO actors_fts (actors_fts, rowid, search) VALUES ('delete', old.n, old.search);
	INSERT INTO actors_fts (rowid, search) VALUES (new.n, new.search);
END;

CREATE VIRTUAL TABLE documents_fts USING fts5 (search, content='documents', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts (rowid, search) VALUES (new.n, new.search);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, search) VALUES ('delete', old.n, old.search);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF search ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, search) VALUES ('delete', old.n, old.search);
	INSERT INTO documents_fts (rowid, search) VALUES (new.n, new.search);
END;
