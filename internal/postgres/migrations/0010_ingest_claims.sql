-- Version 10: several `dossier ingest` processes, on one machine or
-- several, feed one knowledge base. Before it extracts a document, a
-- process claims the document's key here for a lease of ten seconds on the
-- server's clock, which it renews every few seconds while it works
-- (sqlstore/claims.go). A process that finds a live claim leaves the
-- document to its claimant and looks again at the end of its run; a
-- claimant that died (killed, or its machine gone) stops renewing, and its
-- claims are free again within ten seconds. A row is deleted once its
-- document is stored (or failed).
CREATE TABLE ingest_claims (
	key     TEXT PRIMARY KEY,     -- the document's key (dossier.Document.Key)
	owner   TEXT NOT NULL,        -- host/pid/random of the claiming process
	expires TIMESTAMPTZ NOT NULL  -- free again after this instant
);
CREATE INDEX ingest_claims_owner ON ingest_claims (owner);
