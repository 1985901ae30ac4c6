package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/store"
)

// memStore is an in-memory store.Store for the handler tests.
type memStore struct {
	mu   sync.Mutex
	docs map[string]*doc.Analysis
	ids  []string
}

func newMemStore() *memStore { return &memStore{docs: map[string]*doc.Analysis{}} }

func (m *memStore) Put(_ context.Context, as []*doc.Analysis) ([]store.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var res []store.PutResult
	for _, a := range as {
		for id, old := range m.docs {
			if old.Document.Text == a.Document.Text {
				res = append(res, store.PutResult{ID: id})
				goto next
			}
		}
		m.docs[a.Document.ID] = a
		m.ids = append(m.ids, a.Document.ID)
		res = append(res, store.PutResult{ID: a.Document.ID, Added: true})
	next:
	}
	return res, nil
}

func (m *memStore) Get(_ context.Context, id string) (*doc.Analysis, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.docs[id]
	if !ok {
		return nil, store.ErrNotFound
	}
	return a, nil
}

func info(d doc.Document) store.DocumentInfo {
	return store.DocumentInfo{ID: d.ID, Published: d.Published, Outlet: d.Outlet, Title: d.Title, URL: d.URL, Lang: d.Lang, Source: d.Source}
}

func (m *memStore) List(_ context.Context, o store.ListOptions) ([]store.DocumentInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []store.DocumentInfo
	for _, id := range m.ids {
		d := m.docs[id].Document
		if (o.Outlet != "" && d.Outlet != o.Outlet) || (o.From != "" && d.Published < o.From) || (o.To != "" && d.Published > o.To) {
			continue
		}
		out = append(out, info(d))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published > out[j].Published })
	if o.Offset >= len(out) {
		return nil, nil
	}
	out = out[o.Offset:]
	if o.Limit > 0 && len(out) > o.Limit {
		out = out[:o.Limit]
	}
	return out, nil
}

func (m *memStore) Search(_ context.Context, q string, limit int) ([]store.SearchHit, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []store.SearchHit
	for _, id := range m.ids {
		d := m.docs[id].Document
		if i := strings.Index(strings.ToLower(d.Text), strings.ToLower(q)); i >= 0 {
			out = append(out, store.SearchHit{DocumentInfo: info(d), Snippet: d.Text[i:min(len(d.Text), i+len(q)+40)], Rank: 1})
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (m *memStore) Close() error { return nil }

// stubAnalyzer makes an analysis with the sentence layer only.
type stubAnalyzer struct{}

func (stubAnalyzer) Analyze(d doc.Document) (*doc.Analysis, error) { return doc.NewAnalysis(d), nil }

// sample is a hand-made article with every layer filled, overlapping and
// nested spans included.
const sampleText = `Clashes near Riverton: what Northland does not say

Northland's defence ministry said on Monday that 40 people were killed and about 120 injured near Riverton, but it gave no evidence.
Southland officials called the attackers "bandits" and claimed that more than 600 homes were destroyed — a figure nobody has checked.`

func at(t testing.TB, s, sub string) (int, int) {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in sample", sub)
	}
	return i, i + len(sub)
}

func sampleAnalysis(t testing.TB) *doc.Analysis {
	d := doc.Document{ID: "sample1", Title: "Clashes near Riverton: what Northland does not say", Published: "2024-03-05", Outlet: "Test Wire", Lang: "en", Text: sampleText}
	a := doc.NewAnalysis(d)
	m := func(sub string) doc.Mention {
		s, e := at(t, sampleText, sub)
		return doc.Mention{Start: s, End: e, Text: sub}
	}
	a.Entities = []doc.Entity{
		{ID: "e1", Kind: doc.KindOrganization, Name: "Northland defence ministry", Side: "NL", Mentions: []doc.Mention{m("Northland's defence ministry")}},
		{ID: "e2", Kind: doc.KindPlace, Name: "Riverton", Side: "NL", Geo: &doc.Geo{Lat: 40.05, Lon: 70.6, Country: "KG", Admin1: "Batken"},
			Mentions: []doc.Mention{m("Riverton:"), m("Riverton,")}},
		{ID: "e3", Kind: doc.KindGroup, Name: "Southland officials", Side: "SL", Mentions: []doc.Mention{m("Southland officials")}},
	}
	a.Entities[1].Mentions[0].End-- // drop the colon
	a.Entities[1].Mentions[1].End--
	mon := m("on Monday")
	a.Times = []doc.Time{{Start: mon.Start + 3, End: mon.End, Text: "Monday", From: "2024-03-04", To: "2024-03-04", Granularity: doc.GranularityDay}}
	q := func(sub string, low, high *float64, approx, unit string) doc.Quantity {
		mm := m(sub)
		return doc.Quantity{Start: mm.Start, End: mm.End, Text: sub, Low: low, High: high, Approx: approx, Unit: unit}
	}
	a.Quantities = []doc.Quantity{
		q("40 people", doc.Float(40), doc.Float(40), doc.ApproxExact, "people"),
		q("about 120", doc.Float(120), doc.Float(120), doc.ApproxAbout, "people"),
		q("more than 600 homes", doc.Float(600), nil, doc.ApproxMoreThan, "buildings"),
	}
	src, cue := m("Northland's defence ministry"), m("said")
	content := m("that 40 people were killed and about 120 injured near Riverton")
	src2, cue2 := m("Southland officials"), m("claimed")
	content2 := m("that more than 600 homes were destroyed")
	a.Attributions = []doc.Attribution{
		{ID: "a1", Speaker: "e1", Source: &src, Cue: &cue, Content: content.Span(), Kind: doc.AttrIndirect, Via: []string{}, Evidence: doc.EvidenceNoneGiven},
		{ID: "a2", Speaker: "e3", Source: &src2, Cue: &cue2, Content: content2.Span(), Kind: doc.AttrIndirect, Via: []string{}},
	}
	c := func(id, sub, metric string, low, high *float64, side doc.Party, speaker, evidence string) doc.Claim {
		mm := m(sub)
		return doc.Claim{ID: id, Metric: metric, Low: low, High: high, About: "NL", Side: side, Speaker: speaker, Via: []string{}, Event: "v1", Evidence: evidence, Start: mm.Start, End: mm.End, Text: sub}
	}
	a.Claims = []doc.Claim{
		c("c1", "40 people were killed", "killed", doc.Float(40), doc.Float(40), "NL", "e1", doc.EvidenceNoneGiven),
		c("c2", "about 120 injured", "injured", doc.Float(120), doc.Float(120), "NL", "e1", doc.EvidenceNoneGiven),
		c("c3", "more than 600 homes were destroyed", "buildings_destroyed", doc.Float(600), nil, "SL", "e3", doc.EvidenceUnknown),
	}
	a.Events = []doc.Event{{ID: "v1", Type: "armed_clash", From: "2024-03-04", To: "2024-03-04", Places: []string{"e2"}, Actors: []doc.Party{"NL", "SL"}, Claims: []string{"c1", "c2", "c3"},
		Mentions: []doc.Mention{m("Clashes")}}}
	r := func(sub, tech string) doc.Rhetoric {
		mm := m(sub)
		return doc.Rhetoric{Start: mm.Start, End: mm.End, Text: sub, Technique: tech}
	}
	a.Rhetoric = []doc.Rhetoric{r(`"bandits"`, "name_calling"), r("were killed", "loaded_language"), r("a figure nobody has checked", "doubt")}
	return a
}

// newTestServer returns a server over a memory store holding the sample,
// and the store.
func newTestServer(t testing.TB, cfg Config) (*Server, *memStore) {
	t.Helper()
	st := newMemStore()
	if _, err := st.Put(context.Background(), []*doc.Analysis{sampleAnalysis(t)}); err != nil {
		t.Fatal(err)
	}
	cfg.Store = st
	if cfg.Analyzer == nil {
		cfg.Analyzer = stubAnalyzer{}
	}
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// do runs one request through the server's handler.
func do(t testing.TB, h http.Handler, method, target, ctype, body string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// httptestServer serves s on a loopback port for the test and returns its
// base URL.
func httptestServer(t testing.TB, s *Server) string {
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}
