package web

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// ErrBadToken: the token is not one the server knows, or it was revoked.
var ErrBadToken = errors.New("unknown or revoked token")

// tokenPrefix starts every token, so that one pasted in the wrong place
// is recognisable (and findable by secret scanners).
const tokenPrefix = "dsk_"

// TokenInfo describes a token without its secret.
type TokenInfo struct {
	ID      string
	Name    string // the author recorded with the reviews made with it
	Created time.Time
	hash    string
}

// TokenFile keeps the tokens that may write to a knowledge base. The store
// has no table for them, so they live in a file beside it: one line per
// token with its id, the SHA-256 of its secret (never the secret itself),
// its creation time and its name. The file is read again whenever it
// changes, so `dossier token create` and `revoke` take effect on a running
// server at its next request.
type TokenFile struct {
	path string

	mu     sync.Mutex
	mod    time.Time
	size   int64
	tokens []TokenInfo
}

// OpenTokenFile returns the token file at path; it need not exist yet.
func OpenTokenFile(path string) *TokenFile { return &TokenFile{path: path} }

// Path is where the tokens are kept.
func (f *TokenFile) Path() string { return f.path }

// Create makes a token for name and returns its secret, which is shown
// once and kept nowhere.
func (f *TokenFile) Create(name string) (string, TokenInfo, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, "\t\r\n") || len(name) > 100 {
		return "", TokenInfo{}, fmt.Errorf("token name %q: want 1 to 100 characters without tabs or newlines", name)
	}
	var raw [20]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", TokenInfo{}, fmt.Errorf("create token: %w", err)
	}
	secret := tokenPrefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(raw[:]))
	var idb [4]byte
	if _, err := rand.Read(idb[:]); err != nil {
		return "", TokenInfo{}, fmt.Errorf("create token: %w", err)
	}
	info := TokenInfo{ID: "t" + hex.EncodeToString(idb[:]), Name: name, Created: time.Now().UTC().Truncate(time.Second), hash: hashToken(secret)}
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return "", TokenInfo{}, fmt.Errorf("create token: %w", err)
	}
	// Appending one short line is atomic enough for a file that a person
	// edits through this command only; the mode keeps it private.
	fh, err := os.OpenFile(f.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return "", TokenInfo{}, fmt.Errorf("create token: %w", err)
	}
	if _, err := fh.WriteString(formatToken(info)); err != nil {
		fh.Close()
		return "", TokenInfo{}, fmt.Errorf("create token: %w", err)
	}
	if err := fh.Close(); err != nil {
		return "", TokenInfo{}, fmt.Errorf("create token: %w", err)
	}
	return secret, info, nil
}

// List returns the tokens, oldest first.
func (f *TokenFile) List() ([]TokenInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reload(); err != nil {
		return nil, err
	}
	return append([]TokenInfo(nil), f.tokens...), nil
}

// Revoke removes the tokens with the id or the name given and returns how
// many it removed.
func (f *TokenFile) Revoke(ref string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reload(); err != nil {
		return 0, err
	}
	var keep bytes.Buffer
	n := 0
	for _, t := range f.tokens {
		if t.ID == ref || t.Name == ref {
			n++
			continue
		}
		keep.WriteString(formatToken(t))
	}
	if n == 0 {
		return 0, nil
	}
	tmp := f.path + ".tmp"
	if err := os.WriteFile(tmp, keep.Bytes(), 0o600); err != nil {
		return 0, fmt.Errorf("revoke token: %w", err)
	}
	if err := os.Rename(tmp, f.path); err != nil {
		return 0, fmt.Errorf("revoke token: %w", err)
	}
	f.mod = time.Time{}
	return n, nil
}

// Authenticate implements Authenticator: it returns the token's name.
func (f *TokenFile) Authenticate(_ context.Context, secret string) (string, error) {
	if !strings.HasPrefix(secret, tokenPrefix) || len(secret) > 100 {
		return "", ErrBadToken
	}
	h := hashToken(secret)
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reload(); err != nil {
		return "", err
	}
	for _, t := range f.tokens {
		if subtle.ConstantTimeCompare([]byte(t.hash), []byte(h)) == 1 {
			return t.Name, nil
		}
	}
	return "", ErrBadToken
}

// reload reads the file again when it changed since the last read.
func (f *TokenFile) reload() error {
	st, err := os.Stat(f.path)
	if errors.Is(err, os.ErrNotExist) {
		f.tokens, f.mod, f.size = nil, time.Time{}, 0
		return nil
	}
	if err != nil {
		return fmt.Errorf("read tokens: %w", err)
	}
	if st.ModTime().Equal(f.mod) && st.Size() == f.size && !f.mod.IsZero() {
		return nil
	}
	b, err := os.ReadFile(f.path)
	if err != nil {
		return fmt.Errorf("read tokens: %w", err)
	}
	var tokens []TokenInfo
	sc := bufio.NewScanner(bytes.NewReader(b))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		parts := strings.SplitN(text, "\t", 4)
		if len(parts) != 4 || len(parts[1]) != 64 {
			return fmt.Errorf("read tokens: %s:%d: malformed line", f.path, line)
		}
		created, err := time.Parse(time.RFC3339, parts[2])
		if err != nil {
			return fmt.Errorf("read tokens: %s:%d: bad time", f.path, line)
		}
		tokens = append(tokens, TokenInfo{ID: parts[0], hash: parts[1], Created: created, Name: parts[3]})
	}
	f.tokens, f.mod, f.size = tokens, st.ModTime(), st.Size()
	return nil
}

func formatToken(t TokenInfo) string {
	return t.ID + "\t" + t.hash + "\t" + t.Created.Format(time.RFC3339) + "\t" + t.Name + "\n"
}

func hashToken(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}
