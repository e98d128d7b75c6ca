package sqlstore

import (
	"context"
	"database/sql"
	"hash/fnv"
	"sync"
)

// Several `dossier ingest` processes may feed one PostgreSQL knowledge
// base, on one machine or several, with inputs that overlap. Before it
// extracts a document, a process claims the document's key; a process that
// finds it claimed leaves it for later, and comes back to it once the
// claim ends: the document is then stored (nothing to do) or its claimant
// died (it extracts it itself). A claim is a session advisory lock held by
// a connection the process keeps for its claims, so it ends when the
// process releases it or its connection dies (a killed process's claims
// return to the pool at once). Writes are serialised already (LockWriter),
// and settling makes the result the same as one process's.

// claims is the connection that holds a process's claims.
type claims struct {
	mu   sync.Mutex
	conn *sql.Conn
}

// Claim claims the document of a key for this process. With wait, it waits
// until the key is free; without, it reports whether it got it. The
// release must be called once the document is stored (or failed). SQLite
// has one writing process at a time: every claim is granted.
func (s *DB) Claim(ctx context.Context, key string, wait bool) (release func(), ok bool, err error) {
	if s.d.Name() != "postgres" {
		return func() {}, true, nil
	}
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		if c.conn, err = s.db.Conn(ctx); err != nil {
			return nil, false, s.wrap("claim "+key, err)
		}
	}
	h := fnv.New64a()
	h.Write([]byte("dossier document " + key))
	id := int64(h.Sum64())
	q := `SELECT pg_try_advisory_lock($1)`
	if wait {
		q = `SELECT true FROM (SELECT pg_advisory_lock($1)) held` // returns once held
	}
	if err := c.conn.QueryRowContext(ctx, q, id).Scan(&ok); err != nil {
		// the connection may be gone: the next claim opens another
		c.conn.Close()
		c.conn = nil
		return nil, false, s.wrap("claim "+key, err)
	}
	if !ok {
		return nil, false, nil
	}
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.conn == nil {
			return // its connection died, and the claim with it
		}
		if _, err := c.conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, id); err != nil {
			s.log.Warn("release a claim", "key", key, "err", err)
		}
	}, true, nil
}

// closeClaims ends the claims' connection.
func (s *DB) closeClaims() {
	s.claims.mu.Lock()
	defer s.claims.mu.Unlock()
	if s.claims.conn != nil {
		s.claims.conn.Close()
		s.claims.conn = nil
	}
}
