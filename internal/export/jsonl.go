package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"

	"github.com/dossier-project/dossier"
)

// jsonlRecord is a full record with its date's interval as full ISO dates
// beside the date as extraction writes it ("2021-11" is 2021-11-01 to
// 2021-11-30), null without a date.
type jsonlRecord struct {
	*dossier.IncidentDetail
	DateStart     any `json:"date_start"`
	DateEnd       any `json:"date_end"`
	DatePrecision any `json:"date_precision"`
}

// WriteJSONL writes one JSON object per line per incident: the full
// record as the store holds it (dossier.IncidentDetail), with the
// reconciled values and their evidence, every source, the values each
// source reports and where they conflict, the documents' own reports, the
// statements and the claims ledger, and the reviews.
//
// Reading a full record costs the store several queries; records are read
// and encoded on every core, and written in order.
func WriteJSONL(ctx context.Context, st Store, w io.Writer, opts Options) (Stats, error) {
	var stats Stats
	ids, err := incidentIDs(ctx, st, opts)
	if err != nil {
		return stats, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type line struct {
		b   []byte
		err error
	}
	workers := runtime.GOMAXPROCS(0)
	order := make(chan chan line, 2*workers)
	sem := make(chan struct{}, workers)
	go func() {
		defer close(order)
		for _, id := range ids {
			out := make(chan line, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			go func() {
				defer func() { <-sem }()
				d, err := st.Incident(ctx, id)
				if err != nil {
					out <- line{err: fmt.Errorf("export: %w", err)}
					return
				}
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				rec := jsonlRecord{IncidentDetail: d}
				rec.DateStart, rec.DateEnd, rec.DatePrecision = dateBounds(d.Date)
				err = enc.Encode(rec)
				out <- line{b.Bytes(), err}
			}()
		}
	}()
	for out := range order {
		var l line
		select {
		case l = <-out:
		case <-ctx.Done():
			return stats, ctx.Err()
		}
		if l.err != nil {
			return stats, l.err
		}
		if _, err := w.Write(l.b); err != nil {
			return stats, fmt.Errorf("export: %w", err)
		}
		stats.Incidents++
	}
	return stats, ctx.Err()
}
