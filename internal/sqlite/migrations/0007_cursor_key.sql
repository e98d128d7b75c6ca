-- Version 7: the key that signs list cursors (HMAC-SHA256 over the position
-- and the list's filters), random per database and kept in it, so that
-- every server of one database, read-only ones included, accepts the
-- cursors any of them gave, and no other database's cursors.
CREATE TABLE cursor_key (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	key TEXT NOT NULL  -- 32 random bytes, hexadecimal
);
INSERT INTO cursor_key (id, key) VALUES (1, lower(hex(randomblob(32))));
