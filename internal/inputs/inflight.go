package inputs

import (
	"context"

	"golang.org/x/sync/semaphore"
)

// InFlightBytes bounds the bytes of the documents handed out and not yet
// done with (extracted, stored or printed). A run over a dump or a feed
// reads documents ahead of the workers; without a bound in bytes, queues
// sized by the number of cores held dozens of 8 MB pages on a machine
// with many cores.
const InFlightBytes = 32 << 20

// InFlight is a budget of document bytes shared by one run.
type InFlight struct{ sem *semaphore.Weighted }

// NewInFlight makes a budget of InFlightBytes.
func NewInFlight() *InFlight { return &InFlight{sem: semaphore.NewWeighted(InFlightBytes)} }

// expansion is what a document read from n bytes holds in memory until it
// is done, per byte: its raw bytes, the text rendered from them (wikitext,
// HTML) and the copies made on the way.
const expansion = 4

// Acquire waits until an input of size bytes fits (an input larger than
// the whole budget waits for all of it) and returns the function that
// gives its share back.
func (f *InFlight) Acquire(ctx context.Context, size int64) (release func(), err error) {
	w := min(max(expansion*size, 4<<10), InFlightBytes)
	if err := f.sem.Acquire(ctx, w); err != nil {
		return nil, err
	}
	return func() { f.sem.Release(w) }, nil
}
