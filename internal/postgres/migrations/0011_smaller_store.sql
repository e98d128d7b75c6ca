-- Version 11: a smaller store (issue 14); see the SQLite migration of the
-- same number for what sqlstore now writes. The JSON columns that may hold
-- packed (deflated) values become BYTEA; the plain JSON already stored is
-- kept as its UTF-8 bytes, which sqlstore reads as before. Version 10 is
-- another change (it may come before or after this one).
ALTER TABLE incidents ALTER COLUMN record TYPE BYTEA USING convert_to(record, 'UTF8');
ALTER TABLE incidents ALTER COLUMN signature TYPE BYTEA USING convert_to(signature, 'UTF8');
ALTER TABLE reports ALTER COLUMN data TYPE BYTEA USING convert_to(data, 'UTF8');
ALTER TABLE reports ALTER COLUMN actors TYPE BYTEA USING convert_to(actors, 'UTF8');
ALTER TABLE review_queue ALTER COLUMN data TYPE BYTEA USING convert_to(data, 'UTF8');
ALTER TABLE review_queue ALTER COLUMN actors DROP DEFAULT;
ALTER TABLE review_queue ALTER COLUMN actors TYPE BYTEA USING convert_to(actors, 'UTF8');
ALTER TABLE review_queue ALTER COLUMN actors SET DEFAULT convert_to('[]', 'UTF8');
ALTER TABLE documents ALTER COLUMN extraction TYPE BYTEA USING convert_to(extraction, 'UTF8');
ALTER TABLE mentions ALTER COLUMN data TYPE BYTEA USING convert_to(data, 'UTF8');
ALTER TABLE claims ALTER COLUMN data TYPE BYTEA USING convert_to(data, 'UTF8');
ALTER TABLE statements ALTER COLUMN data TYPE BYTEA USING convert_to(data, 'UTF8');
ALTER TABLE relations ALTER COLUMN data TYPE BYTEA USING convert_to(data, 'UTF8');
