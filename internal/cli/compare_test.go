package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// The end-to-end tests of compare, silences and timeline.

// comparedDB stores hand-made analyses of one clash, as the claims layer
// would make them, and returns the database path: the Kyrgyz side's toll
// rising from 24 to 59, a Tajik source's rival figure, and displacement
// that only the Kyrgyz side reports.
func comparedDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "compare.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := doc.Float
	mk := func(id, published, outlet string, claims ...doc.Claim) *doc.Analysis {
		text := fmt.Sprintf("Report %s of the clash near Batken, published by %s.", id, outlet)
		a := doc.NewAnalysis(doc.Document{ID: id, Outlet: outlet, Published: published, Text: text})
		a.Entities = []doc.Entity{
			{ID: "e1", Kind: doc.KindPlace, Name: "Batken", Aliases: []string{}, Mentions: []doc.Mention{},
				Geo: &doc.Geo{Lat: 40.06, Lon: 70.82, Country: "KG", Admin1: "Batken"}},
			{ID: "e2", Kind: doc.KindOrganization, Name: "Health Ministry", Side: "KG", Aliases: []string{}, Mentions: []doc.Mention{}},
		}
		ev := doc.Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-17", DateSource: doc.DateFromText,
			Places: []string{"e1"}, Actors: []doc.Party{"KG", "TJ"}, Claims: []string{}, Mentions: []doc.Mention{}}
		for i, c := range claims {
			c.ID, c.Event, c.Start, c.End, c.Text = fmt.Sprintf("c%d", i+1), "v1", 0, 6, text[:6]
			if c.Evidence == "" {
				c.Evidence = doc.EvidenceUnknown
			}
			if c.Via == nil {
				c.Via = []string{}
			}
			a.Claims = append(a.Claims, c)
			ev.Claims = append(ev.Claims, c.ID)
		}
		a.Events = []doc.Event{ev}
		return a
	}
	_, err = s.Put(ctx, []*doc.Analysis{
		mk("kg-1", "2022-09-16", "KG Agency",
			doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: f(24), High: f(24)},
			doc.Claim{Metric: "displaced", About: "KG", Side: "KG", Speaker: "e2", Low: f(19000)}),
		mk("kg-2", "2022-10-06", "KG Agency",
			doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: f(59), High: f(59)}),
		mk("tj-1", "2022-09-18", "TJ Post",
			doc.Claim{Metric: "killed", About: "KG", Side: "TJ", Low: f(100), Evidence: doc.EvidenceNoneGiven},
			doc.Claim{Metric: "killed", About: "TJ", Side: "TJ", Low: f(41), High: f(41)}),
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCompareStored(t *testing.T) {
	isolate(t)
	db := comparedDB(t)
	out, errs, code := runCLI(t, "compare", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep compare.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Groups) != 3 {
		t.Fatalf("%d groups, want killed (KG), killed (TJ), displaced (KG)", len(rep.Groups))
	}
	g := rep.Groups[0]
	if g.Metric != "killed" || g.About != "KG" || g.Contradiction == nil || len(g.Figures) != 2 {
		t.Errorf("first group = %+v", g)
	}
	var raw map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"event", "metric", "about", "figures", "contradiction", "corroborated", "unsupported"} {
		if _, ok := raw["groups"][0][key]; !ok {
			t.Errorf("group has no %q", key)
		}
	}
	fig := raw["groups"][0]["figures"].([]any)[0].(map[string]any)
	for _, key := range []string{"side", "low", "high", "source", "speaker", "via", "document", "published", "evidence", "hedged"} {
		if _, ok := fig[key]; !ok {
			t.Errorf("figure has no %q", key)
		}
	}

	out, _, code = runCLI(t, "compare", "--db", db)
	if code != ExitOK || !strings.Contains(out, "| killed (KG) |") || !strings.Contains(out, "**contradiction**") {
		t.Errorf("brief (exit %d):\n%s", code, out)
	}
	out, _, code = runCLI(t, "compare", "--db", db, "--event", rep.Groups[0].Event.ID, "--format", "csv")
	if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); code != ExitOK || err != nil || len(rows) != 2 {
		t.Errorf("csv of one event (exit %d, %v):\n%s", code, err, out)
	}
}

func TestSilencesStored(t *testing.T) {
	isolate(t)
	db := comparedDB(t)
	out, errs, code := runCLI(t, "silences", "--side", "tj", "--db", db, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range items {
		for _, key := range []string{"side", "event", "metric", "about", "reported_by"} {
			if _, ok := it[key]; !ok {
				t.Errorf("silence has no %q: %v", key, it)
			}
		}
		found = found || it["metric"] == "displaced" && it["about"] == "KG"
	}
	if !found {
		t.Errorf("TJ's silence about the displaced of KG is missing: %s", out)
	}
	out, _, code = runCLI(t, "silences", "--side", "KG", "--vs", "TJ", "--db", db)
	if code != ExitOK || !strings.Contains(out, "killed (TJ)") {
		t.Errorf("KG vs TJ (exit %d):\n%s", code, out)
	}
}

func TestTimelineFormats(t *testing.T) {
	isolate(t)
	db := comparedDB(t)
	tests := []struct {
		format string
		want   string
	}{
		{"json", `"figures"`},
		{"csv", "event_date,end_date,event_type"},
		{"geojson", `"FeatureCollection"`},
		{"markdown", "# Timeline"},
		{"text", "2022-09-14 to 2022-09-17"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			out, errs, code := runCLI(t, "timeline", "--db", db, "--format", tt.format)
			if code != ExitOK || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d, stderr %q, output:\n%s", code, errs, out)
			}
		})
	}
}

func TestCompareUsage(t *testing.T) {
	isolate(t)
	db := comparedDB(t)
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"compare", "--db", db, "--format", "pdf"}, ExitUsage},
		{[]string{"compare", "--db", db, "--json", "--format", "csv"}, ExitUsage},
		{[]string{"compare", "--db", db, "--from", "yesterday-ish"}, ExitUsage},
		{[]string{"compare", "--db", db, "a.txt"}, ExitUsage},
		{[]string{"silences", "--db", db}, ExitUsage},
		{[]string{"timeline", "--db", db, "--format", "markdown2"}, ExitUsage},
		{[]string{"compare", "--db", db, "--event", "no-such-event"}, ExitInput},
		{[]string{"compare", "--db", filepath.Join(t.TempDir(), "missing.db")}, ExitInput},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[3:], " "), func(t *testing.T) {
			if _, errs, code := runCLI(t, tt.args...); code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, errs)
			}
		})
	}
}

func TestCompareFiles(t *testing.T) {
	isolate(t)
	out, errs, code := runCLI(t, "compare", "--json", filepath.Join("..", "..", "examples", "border-clash-2022.jsonl"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep compare.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Groups == nil || rep.Silences == nil {
		t.Errorf("report (%v):\n%.500s", err, out)
	}
}

func TestCompareJSONLExamples(t *testing.T) {
	var out strings.Builder
	m := New(strings.NewReader(""), &out, &out)
	f, err := os.Open(filepath.Join("..", "..", "examples", "border-clash-2022.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := m.compareJSONL(context.Background(), f, "border-clash-2022.jsonl", &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "# Figures by side") {
		t.Errorf("brief:\n%.500s", out.String())
	}
}

// TestCompareDevCorpus checks the comparison of the shared dev corpus:
// the September 2022 clashes show the Kyrgyz and the Tajik death tolls.
func TestCompareDevCorpus(t *testing.T) {
	shared := os.Getenv("PARALLAX_SHARED")
	if shared == "" {
		t.Skip("PARALLAX_SHARED is not set")
	}
	path := filepath.Join(shared, "corpus", "dev", "articles.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	isolate(t)
	out, errs, code := runCLI(t, "compare", "--json", "--from", "2022-09-01", "--to", "2022-09-30", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep compare.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	tolls := map[doc.Party]bool{}
	for _, g := range rep.Groups {
		if g.Metric == "killed" && strings.HasPrefix(g.Event.From, "2022-09") {
			tolls[g.About] = true
			for _, f := range g.Figures {
				t.Logf("%s killed (%s): %s by %s (%s)", g.Event.ID, g.About, compare.FormatRange(f.Low, f.High), f.Source, f.Published)
			}
		}
	}
	if !tolls["KG"] || !tolls["TJ"] {
		t.Errorf("September 2022 death tolls found for %v, want KG and TJ", tolls)
	}
}

// TestExampleCorpusIsOneClash checks what the demo shows: the ten reports
// of the example corpus, from both sides and neutral outlets, are one
// clash, whose Kyrgyz death toll the two sides give differently, flagged.
func TestExampleCorpusIsOneClash(t *testing.T) {
	isolate(t)
	path, err := filepath.Abs(filepath.Join("..", "..", "examples", "border-clash-2022.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "compare", "--json", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep compare.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	clashes := map[string]bool{}
	flagged := false
	for _, g := range rep.Groups {
		if g.Metric != "killed" {
			continue
		}
		clashes[g.Event.ID] = true
		sides := map[doc.Party]bool{}
		for _, f := range g.Figures {
			sides[f.Side] = true
		}
		if g.About == "KG" && sides["KG"] && sides["TJ"] && g.Contradiction != nil {
			flagged = true
		}
	}
	if len(clashes) != 1 {
		t.Errorf("the death tolls fall in %d events, want one: %v", len(clashes), clashes)
	}
	if !flagged {
		t.Error("no flagged contradiction between the sides' Kyrgyz death tolls")
	}
}
