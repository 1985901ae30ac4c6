package web

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/ingest"
)

// The cross-document views (comparison, silences, timeline, the map of
// events) run the compare package over the records of Config.Records, so
// that the API answers exactly what `parallax compare --json`,
// `parallax silences --json` and `parallax timeline --format json` print.

// crossQuery is what the cross-document views read from a query: the
// event, the period, the silent side and the side it is measured against,
// and an outlet whose documents alone are compared.
type crossQuery struct {
	Event  string    // one event ID, as compare names it
	From   string    // events on or after, YYYY-MM-DD
	To     string    // events on or before, YYYY-MM-DD
	Side   doc.Party // the silent side (silences)
	Vs     doc.Party // count only what this side and independents report
	Outlet string    // compare the documents of this outlet only
}

// maxParam bounds the length of a cross-document query parameter.
const maxParam = 200

// readCrossQuery reads and checks the cross-document parameters of q.
func readCrossQuery(q url.Values) (crossQuery, error) {
	c := crossQuery{
		Event:  strings.TrimSpace(q.Get("event")),
		Side:   doc.Party(strings.ToUpper(strings.TrimSpace(q.Get("side")))),
		Vs:     doc.Party(strings.ToUpper(strings.TrimSpace(q.Get("vs")))),
		Outlet: strings.TrimSpace(q.Get("outlet")),
	}
	for _, p := range []struct {
		name string
		v    string
	}{{"event", c.Event}, {"side", string(c.Side)}, {"vs", string(c.Vs)}, {"outlet", c.Outlet}} {
		if len(p.v) > maxParam {
			return c, badRequest(p.name + ": too long")
		}
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"from", &c.From}, {"to", &c.To}} {
		if v := strings.TrimSpace(q.Get(p.name)); v != "" {
			d, err := ingest.NormalizeDate(v)
			if err != nil {
				return c, badRequest(p.name + ": want a date YYYY-MM-DD")
			}
			*p.dst = d
		}
	}
	return c, nil
}

// options returns the compare options of the query.
func (c crossQuery) options() compare.Options {
	return compare.Options{Event: c.Event, From: c.From, To: c.To}
}

// crossSet is the comparison of the records a cross-document view shows.
type crossSet struct {
	cmp *compare.Comparison // nil when nothing was read
}

// empty reports whether the set compares no record.
func (set *crossSet) empty() bool { return set.cmp == nil || set.cmp.Len() == 0 }

// crossKey is what selects the records of a crossSet.
type crossKey struct{ to, outlet string }

// maxCrossSets bounds the comparisons a server keeps.
const maxCrossSets = 8

// crossCache keeps the comparisons of the latest queries while the store
// does not change (compare.VersionedSource): the first request of a
// million claims compares them, the next ones only select.
type crossCache struct {
	mu      sync.Mutex
	version int64
	sets    map[crossKey]*crossEntry
}

// crossEntry is one cached comparison, computed once however many
// requests wait for it.
type crossEntry struct {
	once sync.Once
	set  *crossSet
	err  error
}

// crossSet returns the records the cross-document views compare, and
// their comparison: every stored record published up to a month after the
// query's end (figures published after an event are what the comparison
// is about), as the command line reads them. An outlet in the query keeps
// its records only.
func (s *Server) crossSet(ctx context.Context, c crossQuery) (*crossSet, error) {
	to := c.To
	if to != "" {
		to = compare.AddDays(to, 31)
	}
	k := crossKey{to, strings.ToLower(c.Outlet)}
	vs, ok := s.cfg.Records.(compare.VersionedSource)
	if !ok {
		return s.readCrossSet(ctx, k)
	}
	v, err := vs.Version(ctx)
	if err != nil {
		return nil, err
	}
	cc := &s.cross
	cc.mu.Lock()
	if cc.sets == nil || cc.version != v || len(cc.sets) >= maxCrossSets && cc.sets[k] == nil {
		cc.sets, cc.version = map[crossKey]*crossEntry{}, v
	}
	e := cc.sets[k]
	if e == nil {
		e = &crossEntry{}
		cc.sets[k] = e
	}
	cc.mu.Unlock()
	e.once.Do(func() {
		// Not the request's context: other requests may wait for it.
		e.set, e.err = s.readCrossSet(context.WithoutCancel(ctx), k)
	})
	if e.err != nil {
		cc.mu.Lock()
		if cc.sets[k] == e {
			delete(cc.sets, k) // the next request tries again
		}
		cc.mu.Unlock()
		return nil, e.err
	}
	return e.set, nil
}

// readCrossSet reads and compares the records k selects.
func (s *Server) readCrossSet(ctx context.Context, k crossKey) (*crossSet, error) {
	var keep func(*compare.Record) bool
	if k.outlet != "" {
		keep = func(r *compare.Record) bool { return strings.EqualFold(r.Outlet, k.outlet) }
	}
	c, err := compare.Read(ctx, s.cfg.Records, "", k.to, keep)
	if err != nil {
		return nil, fmt.Errorf("reading stored claims: %w", err)
	}
	return &crossSet{cmp: c}, nil
}

// silences returns what side's sources are silent about (against vs, or
// every other side), keeping the events that overlap the query's period,
// as `parallax silences` does.
func silences(set *crossSet, c crossQuery) []compare.Silence {
	items := set.cmp.Silences(c.Side, c.Vs)
	out := items[:0]
	for _, it := range items {
		if c.From != "" && it.Event.To != "" && it.Event.To < c.From || c.To != "" && it.Event.From != "" && it.Event.From > c.To {
			continue
		}
		if c.Event != "" && it.Event.ID != c.Event {
			continue
		}
		out = append(out, it)
	}
	if out == nil {
		return []compare.Silence{}
	}
	return out
}

// claimURL links a figure to its claim, highlighted in its article, or to
// the article when the claim is not known.
func claimURL(document, claim string) string {
	u := "/doc/" + url.PathEscape(document)
	if claim != "" {
		u += "?claim=" + url.QueryEscape(claim) + "#claim"
	}
	return u
}

// eventURL links to the comparison of one event.
func eventURL(id string) string {
	return "/compare?event=" + url.QueryEscape(id)
}
