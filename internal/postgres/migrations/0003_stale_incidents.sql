-- Version 3: incidents whose summary waits to be computed again. A report
-- joining an incident with many reports marks it here instead of
-- recomputing it from all of them in its own transaction; the end of the
-- run (and the start of the next, after a crash) recomputes each once.
CREATE TABLE stale_incidents (
	incident_id TEXT PRIMARY KEY
);

-- Bands of each document's MinHash fingerprint (locality-sensitive
-- hashing): a copy of a story shares a band with its original, so finding
-- the original of a report of a big incident looks at a few candidates,
-- not at every report of the incident.
CREATE TABLE document_bands (
	band  BIGINT NOT NULL,
	doc_n BIGINT NOT NULL
);
CREATE INDEX document_bands_band ON document_bands (band);
CREATE INDEX document_bands_doc ON document_bands (doc_n);

-- Other versions of a stored document (the same key, other content) that
-- lost to it by content: newest Published, then larger, then smallest hash.
CREATE TABLE document_variants (
	doc_id    TEXT NOT NULL,
	hash      TEXT NOT NULL,
	path      TEXT NOT NULL,
	published TEXT NOT NULL,
	size      BIGINT NOT NULL,
	PRIMARY KEY (doc_id, hash)
);
