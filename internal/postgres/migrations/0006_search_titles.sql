-- Version 6: search ranks exact and title matches first (issue 13). Each
-- searched table gains a tsvector of its title (an actor's name) alone, so
-- that a title match is found through an index: the folded title_key of
-- an incident, name_key of an actor, the title of a document ('simple'
-- lower-cases it but keeps its accents: an accented document title is
-- found by its text only). Actor names gain a tsvector of the words of
-- their transliteration keys, so that a part of a name in another spelling
-- ("Suleimani" for Qasem Soleimani) finds its actor.
ALTER TABLE incidents ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title_key)) STORED;
CREATE INDEX incidents_title_tsv ON incidents USING GIN (title_tsv);
ALTER TABLE actors ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', name_key)) STORED;
CREATE INDEX actors_title_tsv ON actors USING GIN (title_tsv);
ALTER TABLE documents ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED;
CREATE INDEX documents_title_tsv ON documents USING GIN (title_tsv);
ALTER TABLE actor_names ADD COLUMN key_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', key)) STORED;
CREATE INDEX actor_names_key_tsv ON actor_names USING GIN (key_tsv);
