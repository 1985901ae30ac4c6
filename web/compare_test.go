package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/examples"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// recordSource is a compare.RecordSource over records in memory.
type recordSource []compare.Record

func (rs recordSource) EachRecord(_ context.Context, from, to string, fn func(*compare.Record) error) error {
	for i := range rs {
		r := rs[i]
		if from != "" && r.Published < from || to != "" && r.Published > to {
			continue
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return nil
}

// southlandAnalysis is a second report of the Riverton clashes, by a
// Southland outlet: a death toll that contradicts Northland's, and no word
// on the injured.
func southlandAnalysis() *doc.Analysis {
	const text = "Southland's interior ministry said three people were killed near Riverton on Monday."
	a := doc.NewAnalysis(doc.Document{ID: "south1", Title: "Three dead near Riverton", Published: "2024-03-05", Outlet: "South Post", Text: text})
	i := strings.Index(text, "three people were killed")
	j := strings.Index(text, "Riverton")
	a.Entities = []doc.Entity{
		{ID: "e1", Kind: doc.KindOrganization, Name: "Southland interior ministry", Side: "SL", Mentions: []doc.Mention{{Start: 0, End: 29, Text: text[:29]}}},
		{ID: "e2", Kind: doc.KindPlace, Name: "Riverton", Side: "NL", Geo: &doc.Geo{Lat: 40.05, Lon: 70.6, Country: "KG", Admin1: "Batken"},
			Mentions: []doc.Mention{{Start: j, End: j + 8, Text: "Riverton"}}},
	}
	a.Claims = []doc.Claim{{ID: "c1", Metric: "killed", Low: doc.Float(3), High: doc.Float(3), About: "NL", Side: "SL", Speaker: "e1", Via: []string{},
		Event: "v1", Evidence: doc.EvidenceUnknown, Start: i, End: i + 24, Text: text[i : i+24]}}
	a.Events = []doc.Event{{ID: "v1", Type: "armed_clash", From: "2024-03-04", To: "2024-03-04", DateSource: doc.DateFromText, Places: []string{"e2"},
		Actors: []doc.Party{"NL", "SL"}, Claims: []string{"c1"}}}
	return a
}

// crossServer serves the sample and the Southland report, compared
// through records in memory.
func crossServer(t *testing.T) (*Server, recordSource) {
	t.Helper()
	south := southlandAnalysis()
	recs := recordSource(append(compare.RecordsFromAnalysis(sampleAnalysis(t)), compare.RecordsFromAnalysis(south)...))
	s, st := newTestServer(t, Config{Records: recs})
	if _, err := st.Put(context.Background(), []*doc.Analysis{south}); err != nil {
		t.Fatal(err)
	}
	return s, recs
}

func TestCrossDocumentViews(t *testing.T) {
	s, recs := crossServer(t)
	h := s.Handler()
	_, tl := compare.Analyze(recs, compare.Options{})
	if len(tl) == 0 {
		t.Fatal("the records make no event")
	}
	event := tl[0].Event.ID
	tests := []struct {
		target string
		status int
		want   []string
	}{
		{"/compare", 200, []string{"killed (NL)", `class="flag flag-contradiction"`, "do not overlap", "about 120", `href="/doc/sample1?claim=c1#claim"`,
			`href="/doc/south1?claim=c1#claim"`, "Northland defence ministry", "none given", "How to read the flags"}},
		{"/compare?event=" + event, 200, []string{"killed (NL)", `name="event" value="` + event + `"`}},
		{"/compare?event=nothing", 200, []string{"No figures to compare for this selection"}},
		{"/compare?from=never", 200, []string{"from: want a date"}},
		{"/silences", 200, []string{"What <span class=\"side-pill silent\">SL</span> sources leave out", "No figure for injured (NL)", `href="/compare?event=`}},
		{"/silences?side=sl&vs=nl", 200, []string{"No figure for injured (NL)", `name="vs" value="NL"`}},
		{"/timeline", 200, []string{"armed clash", "2024-03-04", "South Post", `href="/compare?event=`}},
		{"/map", 200, []string{`<svg class="map"`, `<a href="/compare?event=`, "Riverton", "document(s)"}},
		{"/doc/sample1?claim=c3", 200, []string{`<mark id="claim" class="hl l-claim ev-unknown side-SL focus"`, "Showing the claim", `<tr data-ann="c2" tabindex="0" class="focus">`}},
		{"/api/v1/compare?event=nothing", 404, []string{"no event"}},
		{"/api/v1/silences", 400, []string{"side: want"}},
		{"/api/v1/silences?side=SL", 200, []string{`"side":"SL"`, `"kind":"figure"`, `"metric":"injured"`}},
		{"/api/v1/timeline?to=tomorrow", 400, []string{"to: want a date"}},
		{"/api/v1/timeline?from=2024-01-01", 200, []string{`"event":{"id":"` + event + `"`}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := do(t, h, "GET", tt.target, "", "")
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			for _, c := range tt.want {
				if !strings.Contains(w.Body.String(), c) {
					t.Errorf("body lacks %q:\n%s", c, w.Body)
				}
			}
		})
	}
}

// sameJSON reports whether two JSON documents are equal as values.
func sameJSON(t *testing.T, got []byte, want any) {
	t.Helper()
	wb, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%v: %s", err, got)
	}
	if err := json.Unmarshal(wb, &w); err != nil {
		t.Fatal(err)
	}
	gb, _ := json.Marshal(g)
	wb, _ = json.Marshal(w)
	if !bytes.Equal(gb, wb) {
		t.Errorf("the API answers\n%s\nwant what the command line prints\n%s", gb, wb)
	}
}

// TestCrossDocumentStore compares the bundled example corpus, analysed and
// stored in SQLite: the API answers what the command line prints, and the
// pages render it.
func TestCrossDocumentStore(t *testing.T) {
	p, err := sharedPipeline()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var as []*doc.Analysis
	err = ingest.ReadJSONLines(examples.BorderClash(), "border-clash-2022.jsonl", ingest.DefaultMaxBytes, func(d doc.Document, err error) error {
		if err != nil {
			return err
		}
		a, err := p.Analyze(d)
		as = append(as, a)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(ctx, as); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := compare.ReadAll(ctx, st, "", "")
	if err != nil {
		t.Fatal(err)
	}
	rep, tl := compare.Analyze(recs, compare.Options{})
	if len(rep.Groups) == 0 || len(tl) == 0 {
		t.Fatalf("the example corpus gives %d groups and %d events", len(rep.Groups), len(tl))
	}
	h := s.Handler()
	for _, tt := range []struct {
		target string
		want   any
	}{
		{"/api/v1/compare", rep},
		{"/api/v1/timeline", tl},
		{"/api/v1/silences?side=TJ&vs=KG", compare.Silences(recs, "TJ", "KG")},
	} {
		w := do(t, h, "GET", tt.target, "", "")
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", tt.target, w.Code, w.Body)
		}
		sameJSON(t, w.Body.Bytes(), tt.want)
	}
	for _, target := range []string{"/compare", "/silences", "/timeline", "/map"} {
		w := do(t, h, "GET", target, "", "")
		if w.Code != 200 || !strings.Contains(w.Body.String(), `href="/compare?event=`) && target != "/compare" {
			t.Errorf("%s: status %d or no link to an event", target, w.Code)
		}
	}
}

// versionedSource counts its reads and has a version a test can change.
type versionedSource struct {
	recordSource
	version atomic.Int64
	reads   atomic.Int64
}

func (vs *versionedSource) EachRecord(ctx context.Context, from, to string, fn func(*compare.Record) error) error {
	vs.reads.Add(1)
	return vs.recordSource.EachRecord(ctx, from, to, fn)
}

func (vs *versionedSource) Version(context.Context) (int64, error) { return vs.version.Load(), nil }

// The cross-document views compare the stored records once per version of
// the store and query period, however many requests ask.
func TestCrossDocumentCache(t *testing.T) {
	south := southlandAnalysis()
	src := &versionedSource{recordSource: recordSource(append(compare.RecordsFromAnalysis(sampleAnalysis(t)), compare.RecordsFromAnalysis(south)...))}
	s, _ := newTestServer(t, Config{Records: src})
	h := s.Handler()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, target := range []string{"/api/v1/compare", "/api/v1/timeline", "/api/v1/silences?side=SL", "/compare", "/timeline"} {
				if w := do(t, h, "GET", target, "", ""); w.Code != http.StatusOK {
					t.Errorf("GET %s: %d %s", target, w.Code, w.Body)
				}
			}
		})
	}
	wg.Wait()
	if n := src.reads.Load(); n != 1 {
		t.Errorf("%d reads of the store for one version and period, want 1", n)
	}
	do(t, h, "GET", "/api/v1/compare?to=2024-03-31", "", "")
	if n := src.reads.Load(); n != 2 {
		t.Errorf("%d reads after a query of another period, want 2", n)
	}
	src.version.Add(1)
	do(t, h, "GET", "/api/v1/compare", "", "")
	do(t, h, "GET", "/api/v1/compare", "", "")
	if n := src.reads.Load(); n != 3 {
		t.Errorf("%d reads after the store changed, want 3", n)
	}
}
