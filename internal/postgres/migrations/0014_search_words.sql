-- Version 14: the words of the full-text indexes, for prefixes (issue 14).
-- A search word is a prefix ('attack':* finds "attacks", "attacker"); the
-- GIN index answers a prefix by merging the posting lists of every word
-- it begins into one bitmap before the first row, 100-300 ms for a common
-- word at 1,000,000 incidents even when another word of the query is rare
-- ("attack" and an actor of a dozen incidents). Written as the words
-- themselves ('attack' | 'attacks' | ...), the same matches come from the
-- index's fast scan, which steps through the rare word's postings: under
-- 5 ms. The dialect's PrefixQuery finds the words here, as SQLite's finds
-- them in its fts5vocab tables. Triggers add the words of every row
-- written; a word is never taken out (a word that matches nothing costs
-- the query nothing).
CREATE TABLE search_words (word text COLLATE "C" PRIMARY KEY);

INSERT INTO search_words (word)
SELECT word FROM ts_stat('SELECT tsv FROM incidents')
UNION SELECT word FROM ts_stat('SELECT tsv FROM actors')
UNION SELECT word FROM ts_stat('SELECT tsv FROM documents');

-- Inserts: a statement trigger with the rows written as a transition
-- table, one insert a statement, the words in order (two writers adding
-- the same new words take their locks in the same order). Updates: a row
-- trigger that runs only when the row's search text changed (a document
-- or an incident is rewritten often, its text seldom).
CREATE FUNCTION search_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO search_words (word)
	SELECT DISTINCT w FROM written, unnest(tsvector_to_array(written.tsv)) AS w
	ORDER BY w
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;

CREATE FUNCTION search_words_add_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO search_words (word)
	SELECT w FROM unnest(tsvector_to_array(NEW.tsv)) AS w
	ORDER BY w
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;

CREATE TRIGGER incidents_words_insert AFTER INSERT ON incidents
	REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION search_words_add();
CREATE TRIGGER actors_words_insert AFTER INSERT ON actors
	REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION search_words_add();
CREATE TRIGGER documents_words_insert AFTER INSERT ON documents
	REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION search_words_add();
CREATE TRIGGER incidents_words_update AFTER UPDATE ON incidents
	FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search) EXECUTE FUNCTION search_words_add_row();
CREATE TRIGGER actors_words_update AFTER UPDATE ON actors
	FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search) EXECUTE FUNCTION search_words_add_row();
CREATE TRIGGER documents_words_update AFTER UPDATE ON documents
	FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search) EXECUTE FUNCTION search_words_add_row();
