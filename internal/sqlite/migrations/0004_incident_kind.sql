-- Version 4: what an incident is to the documents that report it
-- (../shared/spec/kb-output.md): 'event' (some document's own incident),
-- 'reference' (named or dated by the document that refers to it) or
-- 'mention' (in passing). Listings leave mentions out unless asked.
-- Incidents stored before kinds: an incident some document is chiefly
-- about is an event, any other a reference, as it was listed; the next
-- `dossier reprocess` gives every report its kind.
ALTER TABLE incidents ADD COLUMN kind TEXT NOT NULL DEFAULT 'reference';
UPDATE incidents SET kind = 'event'
	WHERE EXISTS (SELECT 1 FROM reports r WHERE r.incident_id = incidents.id AND r.main = 1);
