-- Version 7: search ranks exact and title matches first (issue 13). Each
-- full-text index gains the title (an actor's name) as a column of its
-- own, so that a title match is found through the index: title_key of an
-- incident, name_key of an actor, title of a document (FTS5 folds it).
-- The search column still holds the title too, so that a search of all
-- columns finds what it found before. Keep sqlite.go's triggers in step.
DROP TRIGGER incidents_fts_ai;
DROP TRIGGER incidents_fts_ad;
DROP TRIGGER incidents_fts_au;
DROP TABLE incidents_fts;
CREATE VIRTUAL TABLE incidents_fts USING fts5 (title_key, search, content='incidents', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild');
CREATE TRIGGER incidents_fts_ai AFTER INSERT ON incidents BEGIN
	INSERT INTO incidents_fts (rowid, title_key, search) VALUES (new.n, new.title_key, new.search);
END;
CREATE TRIGGER incidents_fts_ad AFTER DELETE ON incidents BEGIN
	INSERT INTO incidents_fts (incidents_fts, rowid, title_key, search) VALUES ('delete', old.n, old.title_key, old.search);
END;
CREATE TRIGGER incidents_fts_au AFTER UPDATE OF title_key, search ON incidents BEGIN
	INSERT INTO incidents_fts (incidents_fts, rowid, title_key, search) VALUES ('delete', old.n, old.title_key, old.search);
	INSERT INTO incidents_fts (rowid, title_key, search) VALUES (new.n, new.title_key, new.search);
END;

DROP TRIGGER actors_fts_ai;
DROP TRIGGER actors_fts_ad;
DROP TRIGGER actors_fts_au;
DROP TABLE actors_fts;
CREATE VIRTUAL TABLE actors_fts USING fts5 (name_key, search, content='actors', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
INSERT INTO actors_fts (actors_fts) VALUES ('rebuild');
CREATE TRIGGER actors_fts_ai AFTER INSERT ON actors BEGIN
	INSERT INTO actors_fts (rowid, name_key, search) VALUES (new.n, new.name_key, new.search);
END;
CREATE TRIGGER actors_fts_ad AFTER DELETE ON actors BEGIN
	INSERT INTO actors_fts (actors_fts, rowid, name_key, search) VALUES ('delete', old.n, old.name_key, old.search);
END;
CREATE TRIGGER actors_fts_au AFTER UPDATE OF name_key, search ON actors BEGIN
	INSERT INTO actors_fts (actors_fts, rowid, name_key, search) VALUES ('delete', old.n, old.name_key, old.search);
	INSERT INTO actors_fts (rowid, name_key, search) VALUES (new.n, new.name_key, new.search);
END;

DROP TRIGGER documents_fts_ai;
DROP TRIGGER documents_fts_ad;
DROP TRIGGER documents_fts_au;
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, search, content='documents', content_rowid='n', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts (rowid, title, search) VALUES (new.n, new.title, new.search);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, search) VALUES ('delete', old.n, old.title, old.search);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, search ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, search) VALUES ('delete', old.n, old.title, old.search);
	INSERT INTO documents_fts (rowid, title, search) VALUES (new.n, new.title, new.search);
END;
