package sqlstore

import "context"

// Exec is exec, for the external tests.
func (t *Tx) Exec(ctx context.Context, q string, args ...any) error { return t.exec(ctx, q, args...) }

// QueryInt runs a query of one integer, for the external tests.
func (t *Tx) QueryInt(ctx context.Context, q string, args ...any) (int, error) {
	var n int
	err := t.queryRow(ctx, q, args...).Scan(&n)
	return n, err
}
