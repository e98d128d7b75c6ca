package sqlstore

import (
	"context"
	"fmt"
	"os"

	"github.com/dossier-project/dossier"
)

// Backup writes a consistent copy of an SQLite knowledge base to path,
// while other processes go on writing to it: VACUUM INTO reads one
// snapshot of the database and writes it compacted. It never overwrites a
// file. A PostgreSQL knowledge base is backed up with the server's own
// pg_dump (docs/store-benchmarks.md).
func (s *DB) Backup(ctx context.Context, path string) error {
	if s.d.Name() != "sqlite" {
		return fmt.Errorf("backup: %w: a PostgreSQL knowledge base is backed up with pg_dump (pg_dump --format=custom -f FILE DSN), or copied with dossier copy", dossier.ErrInvalid)
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup to %s: %w: the file exists; name a new one", path, dossier.ErrInvalid)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return s.wrap("backup to "+path, err)
	}
	return nil
}
