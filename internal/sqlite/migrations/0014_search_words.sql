-- Version 14: PostgreSQL gains a table of the words of its full-text
-- indexes, so that a prefix is searched as the words it begins (its
-- migration 0014). SQLite's FTS5 tables have theirs already (the
-- fts5vocab tables of 0012). Kept so that both engines number their
-- schema alike.
SELECT 1;
