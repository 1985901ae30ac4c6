package web

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

var hashedRE = regexp.MustCompile(`(/static/[a-z]+)\.[0-9a-f]{12}(\.[a-z]+)`)

// TestArticleGolden renders the sample article page and compares it with
// testdata/article.golden.html (asset hashes left out).
func TestArticleGolden(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	w := do(t, s.Handler(), "GET", "/doc/sample1", "", "")
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	got := hashedRE.ReplaceAllString(w.Body.String(), "$1$2")
	path := filepath.Join("testdata", "article.golden.html")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("the article page differs from %s (run go test -update and review the diff)", path)
	}
}

func TestHostileArticle(t *testing.T) {
	s, st := newTestServer(t, Config{})
	text := hostileText()
	a := doc.NewAnalysis(doc.Document{ID: "evil", Title: `</title><script>alert("t")</script>`, Outlet: `<b onmouseover=alert(1)>`, URL: "javascript:alert(3)", Text: text})
	i := strings.Index(text, "onerror")
	a.Claims = []doc.Claim{{ID: `c1"><script>`, Metric: `<img src=x onerror=alert(5)>`, Side: `"><svg onload=alert(6)>`, Start: i, End: i + 20, Text: text[i : i+20], Evidence: "x\" onclick=\"alert(7)"}}
	a.Rhetoric = []doc.Rhetoric{{Start: 0, End: 30, Text: text[:30], Technique: `x" onclick="alert(8)`}}
	a.Entities = []doc.Entity{{ID: "e1", Kind: "place", Name: `<script>alert(9)</script>`, Geo: &doc.Geo{Lat: 40, Lon: 70}, Mentions: []doc.Mention{{Start: 5, End: 12}}}}
	if _, err := st.Put(context.Background(), []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/doc/evil", "/", "/map", "/?q=script"} {
		w := do(t, s.Handler(), "GET", target, "", "")
		if w.Code != 200 {
			t.Fatalf("%s: status %d", target, w.Code)
		}
		page := w.Body.String()
		checkNoInline(t, page)
		for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "</textarea><", `" onclick="`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: page contains %q", target, bad)
			}
		}
		if n := strings.Count(page, "<script"); n != 1 {
			t.Errorf("%s: %d script elements, want the one first-party script", target, n)
		}
	}
}

// hostileText is an article made of markup that must stay inert.
func hostileText() string {
	return `Breaking <script>window.__pwned = 1; alert("x")</script> news.
<img src=x onerror="window.__pwned = 2"> and <a href="javascript:window.__pwned=3">click</a>.
</textarea></pre></div><iframe src="javascript:alert(1)"></iframe><style>body{display:none}</style>
<svg onload="window.__pwned=4"><math><mtext></p><script>window.__pwned=5</script>
` + strings.Repeat("averyveryverylongwordwithoutanyspace", 1000) + "\nThe end."
}

func TestWorld(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	w := s.world
	for _, code := range []string{"KG", "TJ", "UZ", "KZ", "AF", "CN", "FR", "US"} {
		i, ok := w.byCode[code]
		if !ok {
			t.Errorf("no %s", code)
			continue
		}
		if c := w.countries[i]; len(c.polys) == 0 {
			t.Errorf("%s has no outline", code)
		}
	}
	kg := w.countries[w.byCode["KG"]]
	if kg.minX > 6950 || kg.maxX < 8000 || kg.minY > 3950 || kg.maxY < 4300 {
		t.Errorf("Kyrgyzstan's box is %d,%d–%d,%d", kg.minX, kg.minY, kg.maxX, kg.maxY)
	}
	var b strings.Builder
	w.svg(&b, 800, []mapPoint{{Lat: 39.9, Lon: 70.8, Label: "Vorukh", Detail: "Vorukh, TJ", Weight: 2, Event: true}}, []string{"KG", "TJ"})
	out := b.String()
	for _, want := range []string{`<svg class="map"`, `class="land focus"`, ">Kyrgyzstan<", "Vorukh", `class="place event"`} {
		if !strings.Contains(out, want) {
			t.Errorf("map lacks %q", want)
		}
	}
	if len(out) > 400<<10 {
		t.Errorf("the regional map is %d KB", len(out)>>10)
	}
	b.Reset()
	w.svg(&b, 800, nil, nil) // the world
	if !strings.Contains(b.String(), ">Brazil<") {
		t.Error("the world map lacks Brazil")
	}
}

func TestParseWorld(t *testing.T) {
	tests := []struct {
		name, src string
		ok        bool
	}{
		{"one country", "# header\nKG\tKyrgyzstan\t1,2 3,4 5,6\n", true},
		{"two polygons and a hole", "XX\tX\t0,0 10,0 10,10;2,2 3,2 3,3|20,20 30,20 30,30\n", true},
		{"empty", "# nothing\n", false},
		{"no fields", "KG Kyrgyzstan\n", false},
		{"bad point", "KG\tKyrgyzstan\t1;2\n", false},
		{"not a number", "KG\tKyrgyzstan\t1,x\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseWorld(tt.src)
			if (err == nil) != tt.ok {
				t.Errorf("err = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func FuzzParseWorld(f *testing.F) {
	f.Add("KG\tKyrgyzstan\t1,2 3,4 5,6\n")
	f.Add("XX\tX\t0,0 10,0;2,2|20,20\n-\tN. Cyprus\t1,1\n")
	f.Fuzz(func(t *testing.T, src string) {
		w, err := parseWorld(src)
		if err != nil {
			return
		}
		var b strings.Builder
		w.svg(&b, 800, []mapPoint{{Lat: 1, Lon: 1, Label: "<x>"}}, []string{"KG"})
		if strings.Contains(b.String(), "<x>") {
			t.Fatal("unescaped label")
		}
	})
}

func FuzzReadIngest(f *testing.F) {
	f.Add("application/json", `{"text":"hello","title":"t"}`)
	f.Add("text/plain", "some text")
	f.Add("application/json", `{"url":"http://[::1]/","text":""}`)
	s, _ := newTestServer(f, Config{})
	f.Fuzz(func(t *testing.T, ctype, body string) {
		w := do(t, s.Handler(), "POST", "/api/v1/documents", ctype, body)
		if w.Code >= 500 && w.Code != 501 {
			t.Fatalf("status %d for %q %q: %s", w.Code, ctype, body, w.Body)
		}
	})
}

// TestClaimDetails checks the rows the article view gives a claim: a kind
// of people in its value and a partial figure named as one.
func TestClaimDetails(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	text := "Nine civilians were killed when a drone struck the mosque."
	a := doc.NewAnalysis(doc.Document{ID: "d", Text: text})
	a.Claims = []doc.Claim{{ID: "c1", Metric: "killed", Low: doc.Float(9), High: doc.Float(9), Unit: doc.KindCivilians,
		Partial: true, Via: []string{}, Evidence: doc.EvidenceUnknown, Start: 0, End: 31, Text: text[:31]}}
	v := s.buildArticle(a, "")
	var rows []row
	for _, d := range v.Details {
		if d.Layer == "claim" {
			rows = d.Rows
		}
	}
	want := map[string]string{"value": "9 civilians", "partial": "a part of the event's toll only: one incident or place, or the wounded still in hospital"}
	for _, r := range rows {
		if w, ok := want[r.Label]; ok {
			if r.Value != w {
				t.Errorf("row %s = %q, want %q", r.Label, r.Value, w)
			}
			delete(want, r.Label)
		}
	}
	if len(want) > 0 {
		t.Errorf("rows %v lack %v", rows, want)
	}
}
