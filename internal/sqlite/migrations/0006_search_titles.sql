-- Version 6: search ranks exact and title matches first (issue 13). Each
-- searched table gains a second full-text index of its title alone (an
-- actor's name): title_key of an incident, name_key of an actor, title of
-- a document (FTS5 folds it). A title is short, so its index is small and
-- a common word costs little there; detail=none keeps no positions, which
-- a search of whole words does not need. Actor names gain an index of the
-- words of their transliteration keys, so that a part of a name in another
-- spelling ("Suleimani" for Qasem Soleimani) finds its actor. Keep
-- sqlite.go's triggers in step.

CREATE VIRTUAL TABLE incidents_title_fts USING fts5 (title_key, content='incidents', content_rowid='n', detail='none', tokenize='unicode61 remove_diacritics 2');
INSERT INTO incidents_title_fts (incidents_title_fts) VALUES ('rebuild');
CREATE TRIGGER incidents_title_fts_ai AFTER INSERT ON incidents BEGIN
	INSERT INTO incidents_title_fts (rowid, title_key) VALUES (new.n, new.title_key);
END;
CREATE TRIGGER incidents_title_fts_ad AFTER DELETE ON incidents BEGIN
	INSERT INTO incidents_title_fts (incidents_title_fts, rowid, title_key) VALUES ('delete', old.n, old.title_key);
END;
CREATE TRIGGER incidents_title_fts_au AFTER UPDATE OF title_key ON incidents BEGIN
	INSERT INTO incidents_title_fts (incidents_title_fts, rowid, title_key) VALUES ('delete', old.n, old.title_key);
	INSERT INTO incidents_title_fts (rowid, title_key) VALUES (new.n, new.title_key);
END;

CREATE VIRTUAL TABLE actors_title_fts USING fts5 (name_key, content='actors', content_rowid='n', detail='none', tokenize='unicode61 remove_diacritics 2');
INSERT INTO actors_title_fts (actors_title_fts) VALUES ('rebuild');
CREATE TRIGGER actors_title_fts_ai AFTER INSERT ON actors BEGIN
	INSERT INTO actors_title_fts (rowid, name_key) VALUES (new.n, new.name_key);
END;
CREATE TRIGGER actors_title_fts_ad AFTER DELETE ON actors BEGIN
	INSERT INTO actors_title_fts (actors_title_fts, rowid, name_key) VALUES ('delete', old.n, old.name_key);
END;
CREATE TRIGGER actors_title_fts_au AFTER UPDATE OF name_key ON actors BEGIN
	INSERT INTO actors_title_fts (actors_title_fts, rowid, name_key) VALUES ('delete', old.n, old.name_key);
	INSERT INTO actors_title_fts (rowid, name_key) VALUES (new.n, new.name_key);
END;

CREATE VIRTUAL TABLE documents_title_fts USING fts5 (title, content='documents', content_rowid='n', detail='none', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_title_fts (documents_title_fts) VALUES ('rebuild');
CREATE TRIGGER documents_title_fts_ai AFTER INSERT ON documents BEGIN
	INSERT INTO documents_title_fts (rowid, title) VALUES (new.n, new.title);
END;
CREATE TRIGGER documents_title_fts_ad AFTER DELETE ON documents BEGIN
	INSERT INTO documents_title_fts (documents_title_fts, rowid, title) VALUES ('delete', old.n, old.title);
END;
CREATE TRIGGER documents_title_fts_au AFTER UPDATE OF title ON documents BEGIN
	INSERT INTO documents_title_fts (documents_title_fts, rowid, title) VALUES ('delete', old.n, old.title);
	INSERT INTO documents_title_fts (rowid, title) VALUES (new.n, new.title);
END;

CREATE VIRTUAL TABLE actor_names_key_fts USING fts5 (key, content='actor_names', detail='none', tokenize='unicode61');
INSERT INTO actor_names_key_fts (actor_names_key_fts) VALUES ('rebuild');
CREATE TRIGGER actor_names_key_fts_ai AFTER INSERT ON actor_names BEGIN
	INSERT INTO actor_names_key_fts (rowid, key) VALUES (new.rowid, new.key);
END;
CREATE TRIGGER actor_names_key_fts_ad AFTER DELETE ON actor_names BEGIN
	INSERT INTO actor_names_key_fts (actor_names_key_fts, rowid, key) VALUES ('delete', old.rowid, old.key);
END;
CREATE TRIGGER actor_names_key_fts_au AFTER UPDATE OF key ON actor_names BEGIN
	INSERT INTO actor_names_key_fts (actor_names_key_fts, rowid, key) VALUES ('delete', old.rowid, old.key);
	INSERT INTO actor_names_key_fts (rowid, key) VALUES (new.rowid, new.key);
END;
