package sqlstore

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier"
)

// A cursor is a position in a sorted list, handed to clients as an opaque
// token: the position as JSON, then an HMAC-SHA256 of the list's name,
// its filters in a canonical form and the position, under the key that
// migration 0007 draws at random and keeps in the database. A token
// altered, made up, or read under other filters or another list is
// refused (ErrInvalid), where it would otherwise skip rows silently; any
// server of the same database accepts it.

// cursor is a position: the sort key and the row number. Back marks a
// previous-page cursor: the page is the rows just before the position.
type cursor struct {
	K    int64  `json:"k,omitempty"`
	S    string `json:"s,omitempty"`
	N    int64  `json:"n"`
	Back bool   `json:"b,omitempty"`
}

// macSize is how much of the HMAC a token carries: 128 bits.
const macSize = 16

// loadCursorKey reads the key migration 0007 wrote.
func (s *DB) loadCursorKey(ctx context.Context) error {
	var k string
	if err := s.queryRow(ctx, `SELECT key FROM cursor_key WHERE id = 1`).Scan(&k); err != nil {
		return s.wrap("read the cursor key", err)
	}
	key, err := hex.DecodeString(k)
	if err != nil || len(key) < 16 {
		return fmt.Errorf("read the cursor key: not a key of at least 16 bytes in hexadecimal")
	}
	s.cursorKey = key
	return nil
}

// scope names a list and its filters; a cursor is valid in its scope only.
// The filters are those that choose and order the rows, never the page
// size: a client may change the limit between pages.
func scope(list string, filters ...string) string {
	return list + "\x00" + strings.Join(filters, "\x00")
}

func (s *DB) mac(scope string, payload []byte) []byte {
	h := hmac.New(sha256.New, s.cursorKey)
	h.Write([]byte(scope))
	h.Write([]byte{0})
	h.Write(payload)
	return h.Sum(nil)[:macSize]
}

// sealCursor turns a position into a token valid in scope.
func (s *DB) sealCursor(scope string, c cursor) string {
	return s.SealCursor(scope, []byte(mustJSON(c)))
}

// openCursor checks a token against scope and returns its position.
func (s *DB) openCursor(scope, token string) (cursor, error) {
	var c cursor
	payload, err := s.OpenCursor(scope, token)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(payload, &c); err != nil {
		return c, errBadCursor
	}
	return c, nil
}

var errBadCursor = fmt.Errorf("%w: cursor: not one this knowledge base gave for this list with these filters", dossier.ErrInvalid)

// SealCursor implements dossier.CursorSigner.
func (s *DB) SealCursor(scope string, payload []byte) string {
	return base64.RawURLEncoding.EncodeToString(payload) + "." + base64.RawURLEncoding.EncodeToString(s.mac(scope, payload))
}

// OpenCursor implements dossier.CursorSigner.
func (s *DB) OpenCursor(scope, token string) ([]byte, error) {
	p, m, ok := strings.Cut(token, ".")
	if !ok {
		return nil, errBadCursor
	}
	payload, err1 := base64.RawURLEncoding.DecodeString(p)
	sum, err2 := base64.RawURLEncoding.DecodeString(m)
	if err1 != nil || err2 != nil || !hmac.Equal(sum, s.mac(scope, payload)) {
		return nil, errBadCursor
	}
	return payload, nil
}

// paginate reads one page of a list with read, which returns the rows
// from a position (nil: the start) and their positions, up to limit+1 rows
// (limit < 0: all). It trims the page, turns a backward read around, and
// returns the page with the cursors of the next and previous pages.
func paginate[T any](s *DB, scope string, cur *cursor, limit int, read func(*cursor) ([]T, []cursor, error)) ([]T, string, dossier.PageInfo, error) {
	var info dossier.PageInfo
	items, at, more, err := readTrimmed(cur, limit, read)
	if err != nil {
		return items, "", info, err
	}
	back := cur != nil && cur.Back
	if back && !more {
		// Back at the start of the list: the first page, whole.
		back, cur = false, nil
		if items, at, more, err = readTrimmed(nil, limit, read); err != nil {
			return items, "", info, err
		}
	}
	if back {
		slices.Reverse(items)
		slices.Reverse(at)
	}
	if items == nil {
		items = []T{}
	}
	var next string
	if len(at) > 0 {
		// Read backwards, the rows after the page are those the client
		// came from.
		if more || back {
			next = s.sealCursor(scope, at[len(at)-1])
		}
		if cur != nil && (!back || more) {
			first := at[0]
			first.Back = true
			info.Prev = s.sealCursor(scope, first)
		}
	}
	return items, next, info, nil
}

func readTrimmed[T any](cur *cursor, limit int, read func(*cursor) ([]T, []cursor, error)) ([]T, []cursor, bool, error) {
	items, at, err := read(cur)
	if err != nil {
		return nil, nil, false, err
	}
	if limit > 0 && len(items) > limit {
		return items[:limit], at[:limit], true, nil
	}
	return items, at, false, nil
}

// keyset is a list read in one query, ordered by a key and the row
// number (n), both descending or both ascending.
type keyset struct {
	op, scope string
	// cols are the columns selected; scan reads them with the key and n.
	cols, from string
	// key is the sort column, "" when the row number alone orders.
	key, n string
	desc   bool
	where  []string
	args   []any
}

// readKeyset reads one page of a keyset list from a cursor token, with its
// total.
func readKeyset[T any](ctx context.Context, s *DB, k keyset, token string, limit int, scan func(*sql.Rows) (cursor, T, error)) ([]T, string, dossier.PageInfo, error) {
	var cur *cursor
	if token != "" {
		c, err := s.openCursor(k.scope, token)
		if err != nil {
			return []T{}, "", dossier.PageInfo{}, fmt.Errorf("%s: %w", k.op, err)
		}
		cur = &c
	}
	total, err := s.countRows(ctx, k.from, k.where, k.args)
	if err != nil {
		return []T{}, "", total, fmt.Errorf("%s: %w", k.op, err)
	}
	items, next, info, err := paginate(s, k.scope, cur, limit, func(cur *cursor) ([]T, []cursor, error) {
		desc := k.desc != (cur != nil && cur.Back)
		dir, cmp := "ASC", ">"
		if desc {
			dir, cmp = "DESC", "<"
		}
		where, args := append([]string{}, k.where...), append([]any{}, k.args...)
		order := k.n + ` ` + dir
		if k.key != "" {
			order = k.key + ` ` + dir + `, ` + order
		}
		if cur != nil && k.key != "" {
			where, args = append(where, `(`+k.key+`, `+k.n+`) `+cmp+` (?, ?)`), append(args, cur.K, cur.N)
		} else if cur != nil {
			where, args = append(where, k.n+` `+cmp+` ?`), append(args, cur.N)
		}
		q := `SELECT ` + k.cols + ` FROM ` + k.from
		if len(where) > 0 {
			q += ` WHERE ` + strings.Join(where, ` AND `)
		}
		q += ` ORDER BY ` + order
		if limit > 0 {
			q, args = q+` LIMIT ?`, append(args, limit+1)
		}
		rows, err := s.query(ctx, q, args...)
		if err != nil {
			return nil, nil, s.wrap(k.op, err)
		}
		defer rows.Close()
		var items []T
		var at []cursor
		for rows.Next() {
			c, it, err := scan(rows)
			if err != nil {
				return nil, nil, s.wrap(k.op, err)
			}
			at, items = append(at, c), append(items, it)
		}
		return items, at, s.wrap(k.op, rows.Err())
	})
	info.Total, info.TotalIsEstimate = total.Total, total.TotalIsEstimate
	return items, next, info, err
}
