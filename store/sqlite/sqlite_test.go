package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/store"
	"github.com/parallaxnews/parallax/store/simhash"
)

// clock is a fixed clock for stable ingested_at stamps.
func clock() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parallax.db")
	s, err := Open(context.Background(), path, WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// analysis returns an analysis of text with one entity, event and claim
// anchored to the first occurrence of "killed" (or the start of the text).
func analysis(id, published, outlet, text string) *doc.Analysis {
	a := doc.NewAnalysis(doc.Document{ID: id, Published: published, Outlet: outlet, Title: strings.SplitN(text, "\n", 2)[0], Text: text, Lang: "en"})
	a.Sentences = []doc.Span{{Start: 0, End: len(text)}}
	a.Entities = []doc.Entity{{ID: "e1", Kind: doc.KindOrganization, Name: "interior ministry", Side: "KG", Aliases: []string{},
		Geo: &doc.Geo{Lat: 39.9, Lon: 70.8, Country: "KG", Admin1: "Batken"}, Mentions: []doc.Mention{{Start: 0, End: 1, Text: text[:1]}}}}
	at := max(strings.Index(text, "killed"), 0)
	a.Claims = []doc.Claim{{ID: "c1", Metric: "killed", Low: doc.Float(4), High: doc.Float(4), About: "KG", Speaker: "e1", Side: "KG",
		Via: []string{"Wire"}, Event: "v1", Evidence: doc.EvidenceNoneGiven, Start: at, End: at + 6, Text: text[at : at+6]}}
	a.Events = []doc.Event{{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Places: []string{"e1"}, Actors: []doc.Party{"KG", "TJ"}, Claims: []string{"c1"}}}
	return a
}

func put(t testing.TB, s *Store, as ...*doc.Analysis) []store.PutResult {
	t.Helper()
	r, err := s.Put(context.Background(), as)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func count(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPutIsIdempotent(t *testing.T) {
	s, _ := openTemp(t)
	text := readTestdata(t, "wire.txt")
	first := put(t, s, analysis("a", "2022-09-15", "Wire", text))
	if !first[0].Added || first[0].ID != "a" {
		t.Fatalf("first put: %+v", first[0])
	}
	// The same text again, alone and twice within one batch, under other IDs.
	again := put(t, s, analysis("b", "2022-09-16", "Other", text), analysis("", "", "", text))
	for i, r := range again {
		if r.Added || r.ID != "a" {
			t.Errorf("put %d of the same text: %+v, want existing a", i, r)
		}
	}
	for _, table := range []string{"documents", "analyses", "claims", "entities", "events"} {
		if n := count(t, s, table); n != 1 {
			t.Errorf("%s has %d rows, want 1", table, n)
		}
	}
}

func TestPutTakenIDGetsContentID(t *testing.T) {
	s, _ := openTemp(t)
	put(t, s, analysis("1", "", "", readTestdata(t, "wire.txt")))
	other := readTestdata(t, "other.txt")
	r := put(t, s, analysis("1", "", "", other))
	if !r[0].Added || r[0].ID == "1" || len(r[0].ID) != 16 {
		t.Fatalf("second document with a taken ID: %+v", r[0])
	}
	a, err := s.Get(context.Background(), r[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Document.ID != r[0].ID || a.Document.Text != other {
		t.Errorf("Get(%s) = document %q with other text", r[0].ID, a.Document.ID)
	}
}

// edit returns a lightly edited copy of a wire story, as a repost makes it:
// a new headline and dateline, one sentence reworded, a footer.
func edit(text string) string {
	_, body, _ := strings.Cut(text, "\n")
	body = strings.Replace(body, "officials on both sides said", "officials said", 1)
	return "Deadly clash on the border, again\nDUSHANBE (Wire) —" + body + "\n© 2022 Wire. All rights reserved.\n"
}

func TestNearDuplicates(t *testing.T) {
	text := readTestdata(t, "wire.txt")
	copyText := edit(text)
	d := simhash.Distance(simhash.Sum(text), simhash.Sum(copyText))
	t.Logf("distance of the edited copy: %d bits", d)
	tests := []struct {
		name     string
		batch    []*doc.Analysis
		wantNear map[string]string // document → its original ("" none)
	}{
		{
			name:     "edited copy links to the original",
			batch:    []*doc.Analysis{analysis("orig", "2022-09-15", "Wire", text), analysis("copy", "2022-09-16", "Repost", copyText)},
			wantNear: map[string]string{"orig": "", "copy": "orig"},
		},
		{
			name:     "an earlier copy stored later becomes the original",
			batch:    []*doc.Analysis{analysis("late", "2022-09-17", "Repost", copyText), analysis("early", "2022-09-15", "Wire", text)},
			wantNear: map[string]string{"late": "early", "early": ""},
		},
		{
			name:     "undated copy links to the dated one",
			batch:    []*doc.Analysis{analysis("undated", "", "Repost", copyText), analysis("dated", "2022-09-15", "Wire", text)},
			wantNear: map[string]string{"undated": "dated", "dated": ""},
		},
		{
			name:     "a different article is not a near-duplicate",
			batch:    []*doc.Analysis{analysis("wire", "2022-09-15", "Wire", text), analysis("farm", "2022-09-16", "Wire", readTestdata(t, "other.txt"))},
			wantNear: map[string]string{"wire": "", "farm": ""},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			for _, a := range tc.batch {
				put(t, s, a) // one by one, as separate ingests would
			}
			infos, err := s.List(context.Background(), store.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, i := range infos {
				got[i.ID] = i.NearDuplicateOf
			}
			if !reflect.DeepEqual(got, tc.wantNear) {
				t.Errorf("near-duplicate links %v, want %v", got, tc.wantNear)
			}
		})
	}
}

func TestPutReportsNearDuplicate(t *testing.T) {
	s, _ := openTemp(t)
	text := readTestdata(t, "wire.txt")
	r := put(t, s, analysis("orig", "2022-09-15", "Wire", text), analysis("copy", "2022-09-16", "Repost", edit(text)))
	if r[1].NearDuplicateOf != "orig" || r[1].Similarity < 1-float64(simhash.Threshold)/64 || !r[1].Added {
		t.Errorf("copy: %+v", r[1])
	}
	if r[0].NearDuplicateOf != "" {
		t.Errorf("original: %+v", r[0])
	}
}

func TestPutRollsBackAFailingBatch(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	put(t, s, analysis("kept", "2022-09-10", "Wire", "An earlier story.\nIt was stored before."))

	wire := readTestdata(t, "wire.txt")
	bad := analysis("bad", "", "", readTestdata(t, "other.txt"))
	bad.Claims = append(bad.Claims, bad.Claims[0]) // claim c1 twice
	outside := analysis("outside", "", "", readTestdata(t, "other.txt"))
	outside.Claims[0].End = len(outside.Document.Text) + 1
	for _, tc := range []struct {
		name  string
		batch []*doc.Analysis
	}{
		{"repeated claim ID", []*doc.Analysis{analysis("good", "", "", wire), bad}},
		{"span outside the text", []*doc.Analysis{analysis("good", "", "", wire), outside}},
		{"no text", []*doc.Analysis{analysis("good", "", "", wire), doc.NewAnalysis(doc.Document{ID: "empty"})}},
		{"nil analysis", []*doc.Analysis{analysis("good", "", "", wire), nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Put(ctx, tc.batch)
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("Put = %v, want ErrInvalid", err)
			}
			for table, want := range map[string]int{"documents": 1, "analyses": 1, "claims": 1, "near_duplicate_bands": simhash.Bands, "documents_fts": 1} {
				if n := count(t, s, table); n != want {
					t.Errorf("%s has %d rows after a failed batch, want %d", table, n, want)
				}
			}
			if _, err := s.Get(ctx, "good"); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Get(good) = %v, want ErrNotFound", err)
			}
		})
	}
}

func TestGetRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	want := analysis("x1", "2022-09-15", "Wire", readTestdata(t, "wire.txt"))
	want.Document.Source = "testdata/wire.txt"
	want.Document.URL = "https://example.org/a"
	put(t, s, want)
	got, err := s.Get(ctx, "x1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Get returned\n%+v\nwant\n%+v", got, want)
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(nope) = %v, want ErrNotFound", err)
	}
}

func TestComparisonRows(t *testing.T) {
	s, _ := openTemp(t)
	put(t, s, analysis("x1", "2022-09-15", "Wire", readTestdata(t, "wire.txt")))
	var metric, side, speaker, via, evFrom, evType, published, outlet string
	var low float64
	err := s.DB().QueryRow(`SELECT metric, low, side, speaker_name, via, event_from, event_type, published, outlet
FROM claims WHERE metric = 'killed' AND event_from >= '2022-09-01' AND side = 'KG'`).Scan(&metric, &low, &side, &speaker, &via, &evFrom, &evType, &published, &outlet)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(metric, low, side, speaker, via, evFrom, evType, published, outlet)
	want := fmt.Sprint("killed", 4.0, "KG", "interior ministry", `["Wire"]`, "2022-09-14", "armed_clash", "2022-09-15", "Wire")
	if got != want {
		t.Errorf("claim row %s, want %s", got, want)
	}
	if n := count(t, s, "event_actors"); n != 2 {
		t.Errorf("event_actors has %d rows, want 2", n)
	}
	var admin1 string
	var lat float64
	if err := s.DB().QueryRow(`SELECT lat, admin1 FROM entities WHERE side = 'KG'`).Scan(&lat, &admin1); err != nil || lat != 39.9 || admin1 != "Batken" {
		t.Errorf("entity row %v %q %v", lat, admin1, err)
	}
}

func TestList(t *testing.T) {
	s, _ := openTemp(t)
	for i, p := range []struct{ id, published, outlet string }{
		{"a", "2022-09-14", "Wire"}, {"b", "2022-09-16", "Daily"}, {"c", "", "Wire"}, {"d", "2021-05-01", "wire"}, {"e", "2022-09-16", "Wire"},
	} {
		put(t, s, analysis(p.id, p.published, p.outlet, fmt.Sprintf("Story %d\nAbout the number %d and nothing else at all.", i, i*7919)))
	}
	tests := []struct {
		opts store.ListOptions
		want string
	}{
		{store.ListOptions{}, "e b a d c"},
		{store.ListOptions{Outlet: "WIRE"}, "e a d c"},
		{store.ListOptions{From: "2022-01-01"}, "e b a"},
		{store.ListOptions{To: "2022-09-14"}, "a d"},
		{store.ListOptions{From: "2022-09-15", To: "2022-09-16", Outlet: "Daily"}, "b"},
		{store.ListOptions{Limit: 2}, "e b"},
		{store.ListOptions{Limit: 2, Offset: 2}, "a d"},
		{store.ListOptions{Offset: 4}, "c"},
		{store.ListOptions{Outlet: "none"}, ""},
	}
	for _, tc := range tests {
		infos, err := s.List(context.Background(), tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, i := range infos {
			ids = append(ids, i.ID)
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("List(%+v) = %q, want %q", tc.opts, got, tc.want)
		}
	}
}

func TestSearch(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	put(t, s,
		analysis("wire", "2022-09-15", "Wire", readTestdata(t, "wire.txt")),
		analysis("farm", "2022-09-16", "Wire", readTestdata(t, "other.txt")),
		analysis("title", "2022-09-17", "Wire", "Evacuated villagers return home\nThe ceasefire held and the people went home."),
	)
	tests := []struct {
		query    string
		want     string // IDs, best first
		anyOrder bool
	}{
		{"ceasefire", "title wire", false},          // title match ranks first
		{"evacuate", "title wire", false},           // stemmed
		{"harvest", "farm", false},                  // one document
		{"Kyrgyz-Tajik", "", false},                 // not an FTS5 expression: plain words
		{`"disputed water intake`, "wire", false},   // open quote: plain words
		{"mortars OR livestock", "farm wire", true}, // FTS5 syntax is kept
		{"side:TJ", "", false},                      // column filter of no column
		{"nothing-matches-this", "", false},
	}
	for _, tc := range tests {
		hits, err := s.Search(ctx, tc.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tc.query, err)
			continue
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if tc.anyOrder {
			sort.Strings(ids)
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
	hits, err := s.Search(ctx, "mortars", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(mortars) = %v, %v", hits, err)
	}
	if want := store.HighlightStart + "mortars" + store.HighlightEnd; !strings.Contains(hits[0].Snippet, want) {
		t.Errorf("snippet %q does not mark %q", hits[0].Snippet, want)
	}
	if hits[0].Rank <= 0 || hits[0].Title == "" || hits[0].Published != "2022-09-15" {
		t.Errorf("hit %+v", hits[0])
	}
	if _, err := s.Search(ctx, "  ", 10); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("empty query: %v, want ErrInvalid", err)
	}
}

func TestMigrationsRerunOnExistingFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub dir?#%", "p.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		s, err := Open(ctx, path, WithClock(clock))
		if err != nil {
			t.Fatalf("open %d: %v", round, err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != all[len(all)-1].version {
			t.Errorf("open %d: schema version %d, %v", round, v, err)
		}
		if n := count(t, s, "schema_migrations"); n != len(all) {
			t.Errorf("open %d: %d migrations recorded, want %d", round, n, len(all))
		}
		put(t, s, analysis(fmt.Sprint("r", round), "", "", fmt.Sprintf("Round %d\nText of round %d.", round, round)))
		if n := count(t, s, "documents"); n != round+1 {
			t.Errorf("open %d: %d documents", round, n)
		}
		if hits, err := s.Search(ctx, "round", 10); err != nil || len(hits) != round+1 {
			t.Errorf("open %d: search found %d, %v", round, len(hits), err)
		}
		var mode string
		if err := s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal mode %q, %v", mode, err)
		}
		var fk int
		if err := s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("foreign keys %d, %v", fk, err)
		}
		s.Close()
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not at the path given: %v", err)
	}

	// A database from a newer parallax is refused, not downgraded.
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', '')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema: %v", err)
		if s != nil {
			s.Close()
		}
	}
}

func TestInMemory(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	put(t, s, analysis("m", "", "", readTestdata(t, "wire.txt")))
	if hits, err := s.Search(context.Background(), "reservoir", 5); err != nil || len(hits) != 1 {
		t.Errorf("search in memory: %v %v", hits, err)
	}
}

func TestConcurrentPuts(t *testing.T) {
	s, _ := openTemp(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				text := fmt.Sprintf("Writer %d\nDocument %d of writer %d, number %d.", g, i, g, g*1000+i)
				if _, err := s.Put(context.Background(), []*doc.Analysis{analysis("", "", "", text)}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, s, "documents"); n != 20 {
		t.Errorf("%d documents, want 20", n)
	}
}

// benchText returns a real article: the seed article of the shared corpus
// when PARALLAX_SHARED is set, else the test story.
func benchText(b *testing.B) string {
	if dir := os.Getenv("PARALLAX_SHARED"); dir != "" {
		t, err := os.ReadFile(filepath.Join(dir, "corpus", "seed", "tajik-mfa-silent.txt"))
		if err != nil {
			b.Fatal(err)
		}
		return string(t)
	}
	return readTestdata(b, "wire.txt")
}

// distinct returns a variant of text that is no near-duplicate of another
// variant: every fourth word carries the number i.
func distinct(text string, i int) string {
	words := strings.Fields(text)
	for j := 0; j < len(words); j += 4 {
		words[j] = fmt.Sprint(words[j], i)
	}
	return strings.Join(words, " ")
}

// BenchmarkPut measures storing one document with its analysis: alone in
// its transaction, or in batches of 100 as ingest stores them; distinct
// articles, or copies of one article (a near-duplicate check and link each).
func BenchmarkPut(b *testing.B) {
	text := benchText(b)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		batch int
		vary  func(int) string
	}{
		{"distinct/batch-1", 1, func(i int) string { return distinct(text, i) }},
		{"distinct/batch-100", 100, func(i int) string { return distinct(text, i) }},
		{"copies/batch-100", 100, func(i int) string { return fmt.Sprintf("%s\nRevision %d.", text, i) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			s, _ := openTemp(b)
			b.SetBytes(int64(len(text) * tc.batch))
			i := 0
			batch := make([]*doc.Analysis, tc.batch)
			for b.Loop() {
				for j := range batch {
					i++
					batch[j] = analysis("", "2022-09-15", "Wire", tc.vary(i))
				}
				if _, err := s.Put(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(i), "ns/doc")
		})
	}
}

func BenchmarkList(b *testing.B) {
	s, _ := openTemp(b)
	ctx := context.Background()
	const n = 5000
	batch := make([]*doc.Analysis, 0, 500)
	for i := range n {
		text := fmt.Sprintf("Story %d\nA short report number %d about day %d.", i, i, i%28)
		batch = append(batch, analysis("", fmt.Sprintf("2022-%02d-%02d", 1+i%12, 1+i%28), fmt.Sprint("Outlet", i%10), text))
		if len(batch) == cap(batch) {
			put(b, s, batch...)
			batch = batch[:0]
		}
	}
	for _, tc := range []struct {
		name string
		opts store.ListOptions
	}{
		{"all", store.ListOptions{}},
		{"outlet", store.ListOptions{Outlet: "outlet3"}},
		{"month-limit-50", store.ListOptions{From: "2022-03-01", To: "2022-03-31", Limit: 50}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.List(ctx, tc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzSearch checks that no query, however malformed, makes Search fail.
func FuzzSearch(f *testing.F) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	put(f, s, analysis("w", "", "", readTestdata(f, "wire.txt")))
	for _, q := range []string{"border", `"open quote`, "a OR", "NOT", "x*", "side:TJ", "(", "NEAR(a b", "^a", `""`, "a - b", "\x00"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := s.Search(context.Background(), q, 5)
		blank := strings.TrimFunc(q, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) == ""
		if err != nil && !(errors.Is(err, store.ErrInvalid) && blank) {
			t.Errorf("Search(%q): %v", q, err)
		}
	})
}

// TestOpenWhileWriting checks that a reader opens and reads a database
// while another connection holds the write lock (a long ingest).
func TestOpenWhileWriting(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	put(t, s, analysis("a", "", "", readTestdata(t, "wire.txt")))
	tx, err := s.DB().BeginTx(ctx, nil) // BEGIN IMMEDIATE: takes the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE documents SET lang = 'xx'`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	infos, err := r.List(ctx, store.ListOptions{})
	if err != nil || len(infos) != 1 || infos[0].Lang != "en" {
		t.Errorf("List while writing: %+v, %v", infos, err)
	}
	if d := time.Since(start); d > BusyTimeout/2 {
		t.Errorf("opening waited %v for the writer", d)
	}
}
