package web

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

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

// records reads the records the cross-document views compare: every
// stored record published up to a month after the query's end (figures
// published after an event are what the comparison is about), as the
// command line reads them. An outlet in the query keeps its records only.
func (s *Server) records(ctx context.Context, c crossQuery) ([]compare.Record, error) {
	to := c.To
	if to != "" {
		to = compare.AddDays(to, 31)
	}
	recs, err := compare.ReadAll(ctx, s.cfg.Records, "", to)
	if err != nil {
		return nil, fmt.Errorf("reading stored claims: %w", err)
	}
	if c.Outlet != "" {
		recs = slices.DeleteFunc(recs, func(r compare.Record) bool { return !strings.EqualFold(r.Outlet, c.Outlet) })
	}
	return recs, nil
}

// silences returns what side's sources are silent about (against vs, or
// every other side), keeping the events that overlap the query's period,
// as `parallax silences` does.
func silences(recs []compare.Record, c crossQuery) []compare.Silence {
	items := compare.Silences(recs, c.Side, c.Vs)
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

// sidesOf returns the sides that give figures or statements in recs, in
// order.
func sidesOf(recs []compare.Record) []doc.Party {
	var out []doc.Party
	for _, r := range recs {
		if r.Side != "" && !slices.Contains(out, r.Side) {
			out = append(out, r.Side)
		}
	}
	slices.Sort(out)
	return out
}

// claimIndex finds the claim ID of a compared figure, which names its
// document and text but not its claim: the key is document and text.
type claimIndex map[[2]string]string

func newClaimIndex(recs []compare.Record) claimIndex {
	ix := make(claimIndex, len(recs))
	for _, r := range recs {
		if r.Claim == "" {
			continue
		}
		k := [2]string{r.Document, r.Text}
		if _, ok := ix[k]; !ok {
			ix[k] = r.Claim
		}
	}
	return ix
}

// claimURL links a figure to its claim, highlighted in its article.
func (ix claimIndex) claimURL(document, text string) string {
	u := "/doc/" + url.PathEscape(document)
	if id := ix[[2]string{document, text}]; id != "" {
		u += "?claim=" + url.QueryEscape(id) + "#claim"
	}
	return u
}

// eventURL links to the comparison of one event.
func eventURL(id string) string {
	return "/compare?event=" + url.QueryEscape(id)
}
