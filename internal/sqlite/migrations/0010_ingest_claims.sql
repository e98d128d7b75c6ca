-- Version 10: PostgreSQL gains ingest_claims, the leases by which several
-- ingest processes share the work of one knowledge base (its migration
-- 0010). An SQLite file has one writing process at a time (a second one
-- queues on the file's write lock), so every claim is granted without a
-- table. Kept so that both engines number their schema alike.
SELECT 1;
