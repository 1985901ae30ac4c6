package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// sharedPipeline loads the pipeline once for all the tests: its models
// take seconds to load under the race detector.
var sharedPipeline = sync.OnceValues(func() (*pipeline.Pipeline, error) { return pipeline.New() })

// seedServer analyses the seed article with the real pipeline, stores it in
// a SQLite database in memory through the API, and returns the running
// server with the stored analysis.
func seedServer(t testing.TB) (*httptest.Server, *doc.Analysis) {
	t.Helper()
	text, err := os.ReadFile(sharedtest.Dir(t, "corpus/seed/tajik-mfa-silent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := sharedPipeline()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := New(Config{Store: st, Analyzer: p, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	body, _ := json.Marshal(map[string]string{"text": string(text), "outlet": "Seed outlet"})
	resp, err := http.Post(ts.URL+"/api/v1/documents", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		msg, _ := io.ReadAll(resp.Body)
		t.Fatalf("ingesting the seed: %s: %s", resp.Status, msg)
	}
	var res struct {
		ID       string        `json:"id"`
		Analysis *doc.Analysis `json:"analysis"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	a, err := st.Get(context.Background(), res.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ts, a
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestSeedEndToEnd(t *testing.T) {
	ts, a := seedServer(t)
	id := a.Document.ID
	status, page := get(t, ts.URL+"/doc/"+id)
	if status != 200 {
		t.Fatalf("article page: %d", status)
	}
	checkNoInline(t, page)
	if !strings.Contains(page, "Border conflict: What is Tajik MFA silent about?") {
		t.Error("the article page lacks the headline")
	}
	layers := []struct {
		class string
		n     int
	}{
		{"l-entity", len(a.Entities)}, {"l-time", len(a.Times)}, {"l-quantity", len(a.Quantities)}, {"l-content", len(a.Attributions)},
		{"l-claim", len(a.Claims)}, {"l-event", len(a.Events)}, {"l-rhetoric", len(a.Rhetoric)},
	}
	for _, l := range layers {
		got := strings.Count(page, `class="hl `+l.class)
		t.Logf("%s: %d items, %d highlight fragments", l.class, l.n, got)
		if l.n > 0 && got == 0 {
			t.Errorf("%d items of %s but nothing highlighted", l.n, l.class)
		}
		if l.n == 0 && got > 0 {
			t.Errorf("%s highlighted without items", l.class)
		}
	}
	for _, target := range []string{"/", "/?q=Vorukh", "/map", "/compare"} {
		if status, page := get(t, ts.URL+target); status != 200 || !strings.Contains(page, "Parallax") {
			t.Errorf("%s: status %d", target, status)
		}
	}
	status, body := get(t, ts.URL+"/api/v1/search?q=Vorukh")
	if status != 200 || !strings.Contains(body, id) {
		t.Errorf("search: %d %s", status, body)
	}
	status, body = get(t, ts.URL+"/api/v1/documents/"+id+"/analysis")
	var back doc.Analysis
	if err := json.Unmarshal([]byte(body), &back); status != 200 || err != nil {
		t.Fatalf("analysis: %d %v", status, err)
	}
	if back.Document.Text != a.Document.Text || len(back.Claims) != len(a.Claims) || len(back.Rhetoric) != len(a.Rhetoric) {
		t.Error("the analysis did not come back as stored")
	}
}

// seed50K is a 50 KB article analysed by the real pipeline: the seed
// repeated. It skips without the shared corpora.
func seed50K(b *testing.B) *doc.Analysis {
	data, err := os.ReadFile(sharedtest.Dir(b, "corpus/seed/tajik-mfa-silent.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 50<<10 {
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	p, err := sharedPipeline()
	if err != nil {
		b.Fatal(err)
	}
	a, err := p.Analyze(doc.Document{ID: "big", Title: "A long article", Text: sb.String()})
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// sample50K tiles the hand-made sample, with every layer, to 50 KB.
func sample50K(b *testing.B) *doc.Analysis {
	one := sampleAnalysis(b)
	a := doc.NewAnalysis(doc.Document{ID: "big", Title: "A long article"})
	var sb strings.Builder
	for k := 0; sb.Len() < 50<<10; k++ {
		off := sb.Len()
		sb.WriteString(one.Document.Text)
		sb.WriteString("\n\n")
		suffix := "-" + strconv.Itoa(k)
		mv := func(m doc.Mention) doc.Mention { m.Start += off; m.End += off; return m }
		for _, e := range one.Entities {
			e.ID += suffix
			e.Mentions = append([]doc.Mention(nil), e.Mentions...)
			for i := range e.Mentions {
				e.Mentions[i] = mv(e.Mentions[i])
			}
			a.Entities = append(a.Entities, e)
		}
		for _, x := range one.Times {
			x.Start, x.End = x.Start+off, x.End+off
			a.Times = append(a.Times, x)
		}
		for _, x := range one.Quantities {
			x.Start, x.End = x.Start+off, x.End+off
			a.Quantities = append(a.Quantities, x)
		}
		for _, x := range one.Attributions {
			src, cue := mv(*x.Source), mv(*x.Cue)
			x.Source, x.Cue = &src, &cue
			x.Content.Start, x.Content.End = x.Content.Start+off, x.Content.End+off
			x.ID += suffix
			x.Speaker += suffix
			a.Attributions = append(a.Attributions, x)
		}
		for _, x := range one.Claims {
			x.Start, x.End = x.Start+off, x.End+off
			x.ID += suffix
			x.Speaker += suffix
			a.Claims = append(a.Claims, x)
		}
		for _, x := range one.Events {
			x.Mentions = []doc.Mention{mv(x.Mentions[0])}
			x.ID += suffix
			a.Events = append(a.Events, x)
		}
		for _, x := range one.Rhetoric {
			x.Start, x.End = x.Start+off, x.End+off
			a.Rhetoric = append(a.Rhetoric, x)
		}
	}
	a.Document.Text = sb.String()
	return a
}

// BenchmarkArticlePage renders the article page of a 50 KB article with
// all its layers (target: well under 100 ms): the hand-made sample tiled,
// and the seed as the real pipeline analyses it.
func BenchmarkArticlePage(b *testing.B) {
	for _, bc := range []struct {
		name    string
		article func(*testing.B) *doc.Analysis
	}{{"sample", sample50K}, {"seed", seed50K}} {
		b.Run(bc.name, func(b *testing.B) {
			a := bc.article(b)
			s, st := newTestServer(b, Config{})
			if _, err := st.Put(context.Background(), []*doc.Analysis{a}); err != nil {
				b.Fatal(err)
			}
			h := s.Handler()
			req := httptest.NewRequest("GET", "/doc/big", nil)
			b.SetBytes(int64(len(a.Document.Text)))
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatal(w.Code)
				}
			}
		})
	}
}
