package sqlstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"sync"
	"time"
)

// Several `dossier ingest` processes may feed one PostgreSQL knowledge
// base, on one machine or several, with inputs that overlap. Before it
// extracts a document, a process claims the document's key: a row of
// ingest_claims (migration 0010) that says which process holds it until
// when, on the server's clock. A process that finds a live claim leaves
// the document to its claimant and comes back to it at the end of its run
// (internal/ingest): the document is stored by then (nothing to do), or
// the claim is gone (its claimant failed on it, or died and its lease ran
// out) and the process extracts it itself.
//
// A lease, not a session lock: a session advisory lock also ends when its
// process dies, but only once the server notices the connection is dead,
// which for a machine that vanished (power, network) is the server's TCP
// keepalive, two hours by default; and session locks do not survive a
// transaction-pooling connection pooler. A lease ends ClaimLease after its
// last renewal whatever happened to its process.
//
// Writes are serialised already (LockWriter), a document's transaction
// finds a stored document unchanged, and settling makes the result the
// same as one process's: a lease that ran out under a live process costs
// a second extraction, never a wrong knowledge base.

// ClaimLease is how long a claim outlives its last renewal; ClaimRenewal
// is how often a process renews its claims (a few renewals fit in a lease,
// so one slow round trip loses nothing).
const (
	ClaimLease   = 10 * time.Second
	ClaimRenewal = 3 * time.Second
)

// claims are this process's claims.
type claims struct {
	// mu orders claims and releases: a release's DELETE must not remove
	// the row a claim of the same key renewed meanwhile.
	mu    sync.Mutex
	owner string         // host/pid/random, set by the first claim
	held  map[string]int // key -> claims not yet released (one run may give a key twice)
	stop  chan struct{}  // ends the renewals
	done  chan struct{}  // closed when they ended
}

// sharedWriters tells whether several processes may write the database at
// once. An SQLite file has one writing process at a time (another queues on
// the file's write lock): every claim is granted there.
func (s *DB) sharedWriters() bool { return s.d.Name() == "postgres" }

// Claim claims the document of key for this process, reporting whether it
// got it: false when another live process holds it. A process may claim a
// key it holds again. The release must be called once the document is
// stored, or failed; Close releases what is left.
func (s *DB) Claim(ctx context.Context, key string) (release func(), ok bool, err error) {
	if !s.sharedWriters() {
		return func() {}, true, nil
	}
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.owner == "" {
		c.owner = newOwner()
		c.held = map[string]int{}
	}
	// Taken when free, expired, or already ours; the row is locked by
	// the upsert, so of two processes taking an expired claim one wins.
	var owner string
	err = s.db.QueryRowContext(ctx, `INSERT INTO ingest_claims (key, owner, expires)
		VALUES ($1, $2, clock_timestamp() + $3::interval)
		ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires
		WHERE ingest_claims.owner = excluded.owner OR ingest_claims.expires < clock_timestamp()
		RETURNING owner`, key, c.owner, leaseInterval).Scan(&owner)
	if isNoRows(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, s.wrap("claim "+key, err)
	}
	c.held[key]++
	if c.stop == nil {
		c.stop, c.done = make(chan struct{}), make(chan struct{})
		go s.renewClaims(c.owner, c.stop, c.done)
	}
	var once sync.Once
	return func() { once.Do(func() { s.release(key) }) }, true, nil
}

// release ends one claim of key; the row goes with the last.
func (s *DB) release(key string) {
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held[key]--; c.held[key] > 0 {
		return
	}
	delete(c.held, key)
	ctx, cancel := context.WithTimeout(context.Background(), ClaimLease)
	defer cancel()
	if _, err := s.db.ExecContext(ctx, `DELETE FROM ingest_claims WHERE key = $1 AND owner = $2`, key, c.owner); err != nil {
		// the lease runs out by itself
		s.log.Warn("release a claim", "key", key, "err", s.d.MapError(err))
	}
}

// renewClaims renews the process's leases every ClaimRenewal until stop
// is closed.
func (s *DB) renewClaims(owner string, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(ClaimRenewal)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), ClaimRenewal)
		if err := s.renew(ctx, owner); err != nil {
			// the next renewal may get through before the leases end;
			// if none does, others extract the documents again
			s.log.Warn("renew claims", "owner", owner, "err", err)
		}
		cancel()
	}
}

// RenewClaims extends every lease this process holds to ClaimLease from
// now; a goroutine calls it every ClaimRenewal while the process holds
// claims.
func (s *DB) RenewClaims(ctx context.Context) error {
	if owner := s.ClaimOwner(); owner != "" {
		return s.renew(ctx, owner)
	}
	return nil
}

func (s *DB) renew(ctx context.Context, owner string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE ingest_claims SET expires = clock_timestamp() + $2::interval WHERE owner = $1`,
		owner, leaseInterval)
	return s.wrap("renew claims of "+owner, err)
}

// leaseInterval is ClaimLease as PostgreSQL reads an interval.
var leaseInterval = fmt.Sprintf("%d milliseconds", ClaimLease.Milliseconds())

// ClaimOwner names this process in ingest_claims ("" before its first
// claim): host/pid/random.
func (s *DB) ClaimOwner() string {
	s.claims.mu.Lock()
	defer s.claims.mu.Unlock()
	return s.claims.owner
}

// closeClaims stops the renewals and deletes the process's claims, and
// those of processes whose leases ran out (a process killed after storing
// a document that no one else was waiting for leaves one).
func (s *DB) closeClaims() {
	c := &s.claims
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stop == nil {
		return
	}
	close(c.stop)
	<-c.done // renewals never wait for mu
	c.stop = nil
	ctx, cancel := context.WithTimeout(context.Background(), ClaimLease)
	defer cancel()
	if _, err := s.db.ExecContext(ctx, `DELETE FROM ingest_claims WHERE owner = $1 OR expires < clock_timestamp()`, c.owner); err != nil {
		s.log.Warn("release claims", "owner", c.owner, "err", s.d.MapError(err))
	}
	c.held = map[string]int{}
}

// newOwner names a process: its host and pid for whoever reads the table,
// and random bytes so that no two processes share a name.
func newOwner() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	b := make([]byte, 8)
	rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}
