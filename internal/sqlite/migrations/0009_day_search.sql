-- Version 9: a list of incidents filtered by text and sorted by date takes
-- its rows from a full-text index in date order (issue 14), instead of
-- collecting every match and sorting it: at a million incidents a common
-- word matched hundreds of thousands of rows (p99 2.8 s). The index's
-- rowid is day_key, the incident's (kind is mention, sort_day, n) as one
-- integer: 2^62 for a mention, plus (sort_day + 2^21) * 2^40, plus n
-- (n < 2^40; sort_day, days since 1970, -1000000 when undated, within
-- ±2^21), so that FTS5 walks a word's matches newest first and stops at
-- the page, the mentions above every other incident (day_key < 2^62
-- leaves them out, the index alone, which also counts the matches without
-- reading the incidents); day_key & (2^40 - 1) is n. day_key is a virtual
-- column: it takes no space. Keep sqlite.go's triggers and sqlstore's
-- dayKey in step.
ALTER TABLE incidents ADD COLUMN day_key INTEGER GENERATED ALWAYS AS
	((kind = 'mention') * 4611686018427387904 + (sort_day + 2097152) * 1099511627776 + n) VIRTUAL;
CREATE VIRTUAL TABLE incidents_day_fts USING fts5 (search, content='incidents', content_rowid='day_key', tokenize='unicode61 remove_diacritics 2');
INSERT INTO incidents_day_fts (incidents_day_fts) VALUES ('rebuild');
CREATE TRIGGER incidents_day_fts_ai AFTER INSERT ON incidents BEGIN
	INSERT INTO incidents_day_fts (rowid, search) VALUES (new.day_key, new.search);
END;
CREATE TRIGGER incidents_day_fts_ad AFTER DELETE ON incidents BEGIN
	INSERT INTO incidents_day_fts (incidents_day_fts, rowid, search) VALUES ('delete', old.day_key, old.search);
END;
CREATE TRIGGER incidents_day_fts_au AFTER UPDATE OF search, kind, sort_day ON incidents BEGIN
	INSERT INTO incidents_day_fts (incidents_day_fts, rowid, search) VALUES ('delete', old.day_key, old.search);
	INSERT INTO incidents_day_fts (rowid, search) VALUES (new.day_key, new.search);
END;

-- The words of the index, for DayQuery to turn a prefix into the words it
-- begins: FTS5 merges every match of a prefix before giving the first,
-- but walks an OR of whole words lazily, newest first.
CREATE VIRTUAL TABLE incidents_day_terms USING fts5vocab (incidents_day_fts, 'instance');
