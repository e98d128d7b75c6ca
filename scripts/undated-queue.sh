#!/usr/bin/env bash
# undated-queue.sh measures where undated reports go: it copies the news set
# of corpora/ without each report's Published: and Source: lines (so each
# copy is a document of its own, with no publication date), ingests the
# originals and then the copies into a new SQLite knowledge base, and counts
# the copies with no date of their own that joined their original's
# incident, joined another, or wait in the review queue
# (docs/review-queue.md). Usage: scripts/undated-queue.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${UNDATED_DIR:-/tmp/dossier-undated-queue}
rm -rf "$DIR" && mkdir -p "$DIR/copies"
go build -o "$DIR/dossier" ./cmd/dossier
for f in corpora/news/wikinews/*.txt; do
  grep -v -E '^(Published|Source):' "$f" > "$DIR/copies/$(basename "$f")"
done
"$DIR/dossier" ingest --db "$DIR/kb.db" --progress none corpora/news/wikinews/ > /dev/null
"$DIR/dossier" ingest --db "$DIR/kb.db" --progress none "$DIR/copies/" > /dev/null
sqlite3 "$DIR/kb.db" <<SQL
.mode list
.separator ': '
WITH copies AS (
  SELECT d.id, 'corpora/news/wikinews/' || replace(d.path, '$DIR/copies/', '') AS orig FROM documents d WHERE d.path LIKE '$DIR/copies/%'
), placed AS (
  SELECT c.id, r.reason LIKE 'undated, the one%' AS undated,
    EXISTS (SELECT 1 FROM reports o JOIN documents od ON od.id = o.doc_id
            WHERE od.path = c.orig AND o.main = 1 AND o.incident_id = r.incident_id) AS right_one
  FROM copies c JOIN reports r ON r.doc_id = c.id AND r.main = 1
), waiting AS (
  SELECT c.id, EXISTS (SELECT 1 FROM review_queue oq JOIN documents od ON od.id = oq.doc_id WHERE od.path = c.orig) AS orig_waits
  FROM copies c JOIN review_queue q ON q.doc_id = c.id
)
SELECT 'undated copies that joined their original''s incident', COUNT(*) FROM placed WHERE undated AND right_one
UNION ALL SELECT 'undated copies that joined another incident', COUNT(*) FROM placed WHERE undated AND NOT right_one
UNION ALL SELECT 'undated copies waiting, original dated', COUNT(*) FROM waiting WHERE NOT orig_waits
UNION ALL SELECT 'undated copies waiting with their undated original', COUNT(*) FROM waiting WHERE orig_waits;
SQL
