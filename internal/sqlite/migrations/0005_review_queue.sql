-- Version 5: the review queue. A document's own report with no date of its
-- own joins the one dated incident that fits it; when none or several fit,
-- it waits here and forms no incident, until a later ingest or a reviewer
-- places it. Each row is rewritten whenever the report is placed again.
CREATE TABLE review_queue (
	report_id  TEXT PRIMARY KEY,
	doc_id     TEXT NOT NULL,
	ord        INTEGER NOT NULL,
	local_id   TEXT NOT NULL,
	country    TEXT NOT NULL,  -- folded, as incidents.country: what re-examination looks up
	reason     TEXT NOT NULL,
	data       TEXT NOT NULL,  -- the report: the extracted incident as JSON
	features   TEXT NOT NULL,  -- what resolution compares (resolve.Features), read back by every re-examination
	candidates TEXT NOT NULL   -- the nearest incidents with their scores (JSON)
);
CREATE INDEX review_queue_doc ON review_queue (doc_id);
CREATE INDEX review_queue_country ON review_queue (country);
