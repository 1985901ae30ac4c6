package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// records is a small hand-made comparison: one clash reported by both
// sides and an independent source, with an evolving toll, a rival figure
// and an approximate one.
func records() []compare.Record {
	batken := []compare.Place{{Name: "Batken", Geo: &doc.Geo{Lat: 40.06, Lon: 70.82, Country: "KG", Admin1: "Batken"}}}
	ev := func() *compare.Event {
		return &compare.Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-17", Dated: true,
			Places: batken, Actors: []doc.Party{"KG", "TJ"}}
	}
	f := doc.Float
	mk := func(d, outlet, pub string, e *compare.Event, metric string, about, side doc.Party, speaker string, low, high *float64) compare.Record {
		return compare.Record{Document: d, Outlet: outlet, Published: pub, Metric: metric, About: about, Side: side,
			Speaker: speaker, Low: low, High: high, Evidence: doc.EvidenceUnknown, Event: e}
	}
	e1, e2, e3, e4 := ev(), ev(), ev(), ev()
	rs := []compare.Record{
		mk("kg-1", "KG Agency", "2022-09-16", e1, "killed", "KG", "KG", "Health Ministry", f(24), f(24)),
		mk("kg-2", "KG Agency", "2022-10-06", e2, "killed", "KG", "KG", "Health Ministry", f(59), f(59)),
		mk("kg-2", "KG Agency", "2022-10-06", e2, "displaced", "KG", "KG", "Emergencies | Ministry", f(136000), nil),
		mk("tj-1", "TJ Post", "2022-09-18", e3, "killed", "KG", "TJ", "State *Committee*", f(100), nil),
		mk("tj-1", "TJ Post", "2022-09-18", e3, "killed", "TJ", "TJ", "Sughd administration", f(41), f(41)),
		mk("io-1", "Observatory", "2022-09-26", e4, "killed", "TJ", "", "", f(41), f(41)),
	}
	rs[3].Evidence = doc.EvidenceNoneGiven
	rs[3].Hedged = true
	rs[3].Via = []string{"Batken Herald", "Wire_Service"}
	rs[2].Partial = true
	rs[3].DeniedBy = "KG"
	rs[5].Approx = doc.ApproxAbout
	return rs
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	rs := records()
	rep, tl := compare.Analyze(rs, compare.Options{})
	tests := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"brief.md", func(b *bytes.Buffer) error { return Markdown(b, rep) }},
		{"timeline.csv", func(b *bytes.Buffer) error { return CSV(b, tl) }},
		{"timeline.geojson", func(b *bytes.Buffer) error { return GeoJSON(b, tl) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, b.Bytes())
		})
	}
}

func TestCSVColumns(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, compare.Timeline(records())); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want header and one event", len(rows))
	}
	want := "event_id,event_date,end_date,event_type,sub_event_type,country,admin1,location,latitude,longitude,actor1,actor2,figures_KG,figures_TJ,figures_independent,sources,notes"
	if got := strings.Join(rows[0], ","); got != want {
		t.Errorf("header = %s", got)
	}
	for i, col := range rows[0] {
		if col == "figures_KG" && !strings.Contains(rows[1][i], "killed (KG): 59") {
			t.Errorf("figures_KG = %q", rows[1][i])
		}
	}
}

func TestGeoJSONValid(t *testing.T) {
	var b bytes.Buffer
	tl := compare.Timeline(records())
	tl = append(tl, compare.Entry{Event: compare.EventInfo{ID: "nowhere"}}) // no coordinates: left out
	if err := GeoJSON(&b, tl); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			Geometry struct {
				Type        string
				Coordinates []float64
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 || fc.Features[0].Geometry.Coordinates[0] != 70.82 {
		t.Errorf("GeoJSON = %s", b.String())
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a|b", `a\|b`},
		{"<script>", `\<script\>`},
		{"[x](http://e)", `\[x\](http://e)`},
		{"*bold*_it_", `\*bold\*\_it\_`},
		{"two\nlines", "two lines"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// JSON streams what encoding/json writes for the whole report.
func TestJSONAsEncoder(t *testing.T) {
	withText := records()
	withText[0].Text = `killed <b>"24"</b> & more` // no HTML escaping
	reports := map[string]compare.Report{
		"corpus":  compare.Compare(withText, compare.Options{}),
		"empty":   {Groups: []compare.Group{}, Silences: []compare.Silence{}},
		"nil":     {},
		"no such": compare.Compare(records(), compare.Options{Event: "none"}),
	}
	for name, rep := range reports {
		t.Run(name, func(t *testing.T) {
			if got, want := asEncoder(t, rep); !bytes.Equal(got, want) {
				t.Errorf("JSON differs from encoding/json:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// asEncoder returns what JSON writes for rep, and what encoding/json's
// Encoder writes for it with a two-space indent and without HTML escaping.
func asEncoder(t *testing.T, rep compare.Report) (got, want []byte) {
	t.Helper()
	var g, w bytes.Buffer
	enc := json.NewEncoder(&w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&g, rep); err != nil {
		t.Fatal(err)
	}
	return g.Bytes(), w.Bytes()
}

// BenchmarkMarkdown writes the brief of 100,000 generated claims.
func BenchmarkMarkdown(b *testing.B) { benchmarkWrite(b, Markdown) }

// benchmarkWrite writes the report of 100,000 generated claims with write.
func benchmarkWrite(b *testing.B, write func(io.Writer, compare.Report) error) {
	rep := compare.Compare(compare.GenerateRecords(100_000), compare.Options{})
	var n int64
	b.ReportAllocs()
	for b.Loop() {
		cw := &countWriter{}
		if err := write(cw, rep); err != nil {
			b.Fatal(err)
		}
		n = cw.n
	}
	b.SetBytes(n)
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
