-- Version 7: the key that signs list cursors (HMAC-SHA256 over the position
-- and the list's filters), random per database and kept in it, so that
-- every server of one database, read-only ones included, accepts the
-- cursors any of them gave, and no other database's cursors.
CREATE TABLE cursor_key (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	key TEXT NOT NULL  -- random, hexadecimal
);
-- gen_random_uuid() is built in (PostgreSQL 13 and later, no pgcrypto) and
-- draws from the server's strong random source: two version-4 UUIDs are
-- 244 random bits.
INSERT INTO cursor_key (id, key) VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
