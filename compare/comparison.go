package compare

import (
	"sync"

	"github.com/parallaxnews/parallax/doc"
)

// Comparison is a set of records grouped and compared once, to be asked
// for reports, silences and timelines many times: a server keeps one for
// as long as its store does not change. It is safe for concurrent use.
// What it returns shares memory with it (the figures of a group, the
// events): callers must not modify it.
type Comparison struct {
	mu sync.Mutex
	st *state
}

// New groups and compares records, which must not change afterwards.
func New(records []Record) *Comparison {
	return &Comparison{st: build(records)}
}

// Report returns the groups and silences opts selects, as Compare does.
func (c *Comparison) Report(opts Options) Report {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.st.report(opts)
}

// Timeline returns the events opts selects in date order, as Analyze does.
func (c *Comparison) Timeline(opts Options) []Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.st.timeline(opts)
}

// Silences returns what side is silent about, as the function Silences
// does.
func (c *Comparison) Silences(side, vs doc.Party) []Silence {
	c.mu.Lock()
	defer c.mu.Unlock()
	items := c.st.silences(side, vs)
	out := make([]Silence, len(items))
	for i, it := range items {
		out[i] = it.Silence
	}
	return out
}

// Len returns the number of records compared.
func (c *Comparison) Len() int { return len(c.st.rows) }

// Sides returns the parties of the conflict that give figures or report
// events, in order: sides that are actors of some event (all sides when
// no event names its actors).
func (c *Comparison) Sides() []doc.Party { return c.st.sides() }
