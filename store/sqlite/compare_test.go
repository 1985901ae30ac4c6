package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
)

// cmpAnalysis builds a stored-like analysis: a report of a clash in Batken
// with one claim per figure given.
func cmpAnalysis(id, published, outlet string, figs ...doc.Claim) *doc.Analysis {
	text := fmt.Sprintf("Report %s from %s. ", id, outlet) + strings.Repeat("Figures follow. ", 4)
	a := doc.NewAnalysis(doc.Document{ID: id, Outlet: outlet, Published: published, Text: text})
	a.Entities = []doc.Entity{
		{ID: "e1", Kind: doc.KindPlace, Name: "Batken", Aliases: []string{}, Geo: &doc.Geo{Lat: 40.06, Lon: 70.82, Country: "KG", Admin1: "Batken"}, Mentions: []doc.Mention{}},
		{ID: "e2", Kind: doc.KindOrganization, Name: "Health Ministry", Aliases: []string{}, Side: "KG", Mentions: []doc.Mention{}},
		{ID: "e3", Kind: doc.KindOutlet, Name: outlet, Aliases: []string{}, Side: doc.Party(strings.ToUpper(id[:2])), Mentions: []doc.Mention{}},
	}
	ev := doc.Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-17", Places: []string{"e1"},
		Actors: []doc.Party{"KG", "TJ"}, Claims: []string{}, DateSource: doc.DateFromText, Mentions: []doc.Mention{}}
	for i, c := range figs {
		c.ID = fmt.Sprintf("c%d", i+1)
		c.Event = "v1"
		c.Start, c.End = 0, 6
		c.Text = text[:6]
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
	if len(figs) == 0 {
		a.Events = append(a.Events, doc.Event{ID: "v2", Type: "accusation", From: published, To: published,
			Places: []string{}, Actors: []doc.Party{"TJ", "KG"}, Claims: []string{}, DateSource: doc.DateFromPublished, Mentions: []doc.Mention{}})
	}
	return a
}

func TestEachRecordCompares(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := doc.Float
	as := []*doc.Analysis{
		cmpAnalysis("kg-1", "2022-09-16", "KG Agency", doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: f(24), High: f(24)}),
		cmpAnalysis("kg-2", "2022-10-06", "KG Agency", doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: f(59), High: f(59), Total: true}),
		cmpAnalysis("tj-1", "2022-09-18", "TJ Post", doc.Claim{Metric: "killed", About: "KG", Side: "TJ", Low: f(100),
			Evidence: doc.EvidenceNoneGiven, Hedged: true, Via: []string{"Batken Herald"}}),
		cmpAnalysis("tj-2", "2022-09-20", "TJ Post"),
	}
	if _, err := s.Put(ctx, as); err != nil {
		t.Fatal(err)
	}
	recs, err := compare.ReadAll(ctx, s, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 {
		t.Fatalf("%d records, want 3 claims and 2 bare events", len(recs))
	}
	var tj *compare.Record
	for i := range recs {
		if recs[i].Document == "tj-1" {
			tj = &recs[i]
		}
	}
	if tj == nil || tj.Side != "TJ" || !tj.Hedged || tj.Evidence != doc.EvidenceNoneGiven || len(tj.Via) != 1 ||
		tj.Event == nil || !tj.Event.Dated || tj.Event.Places[0].Geo.Admin1 != "Batken" || tj.Published != "2022-09-18" {
		t.Fatalf("record of tj-1 = %+v", tj)
	}
	rep := compare.Compare(recs, compare.Options{})
	if len(rep.Groups) != 1 {
		t.Fatalf("groups = %+v", rep.Groups)
	}
	g := rep.Groups[0]
	if g.Contradiction == nil || len(g.Figures) != 2 {
		t.Errorf("group = %+v", g)
	}
	for _, fg := range g.Figures {
		if fg.Source == "Health Ministry" && (*fg.Low != 59 || len(fg.History) != 1) {
			t.Errorf("evolving toll = %+v", fg)
		}
	}
	accused := false
	for _, si := range compare.Silences(recs, "KG", "") {
		accused = accused || si.Kind == compare.SilentAccusation
	}
	if !accused {
		t.Error("the unanswered accusation against KG is missing")
	}
	// The period filters by publication.
	recs, err = compare.ReadAll(ctx, s, "2022-09-17", "2022-09-30")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Errorf("%d records published 17–30 September, want 3", len(recs))
	}
}

// cmpFill stores generated records straight into the tables EachRecord
// reads (documents, entities, events, claims), as Put would, but in bulk.
func cmpFill(tb testing.TB, s *Store, recs []compare.Record) {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	prep := func(q string) *sql.Stmt {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			tb.Fatal(err)
		}
		return st
	}
	insDoc := prep(`INSERT INTO documents (id, content_hash, outlet, published, text, simhash, ingested_at) VALUES (?, ?, ?, ?, 'x', 0, '')`)
	insEnt := prep(`INSERT INTO entities (document_id, entity_id, kind, name, lat, lon, country, admin1, mentions) VALUES (?, ?, 'place', ?, ?, ?, ?, ?, 1)`)
	insEv := prep(`INSERT INTO events (document_id, event_id, event_type, date_from, date_to, date_source, places, place_names, actors, published, outlet)
VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '["KG","TJ"]', ?, ?)`)
	const per = 20
	claimSQL := `INSERT INTO claims (document_id, claim_id, metric, low, high, about, side, speaker_id, speaker_name, via, evidence,
    hedged, event_id, event_type, event_from, event_to, span_start, span_end, text, published, outlet) VALUES `
	row := "(?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, 'x', ?, ?)"
	insClaims := prep(claimSQL + strings.TrimSuffix(strings.Repeat(row+", ", per), ", "))
	insClaim := prep(claimSQL + row)
	exec := func(st *sql.Stmt, args ...any) {
		if _, err := st.ExecContext(ctx, args...); err != nil {
			tb.Fatal(err)
		}
	}
	nullable := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	claimArgs := func(r *compare.Record) []any {
		var low, high any
		if r.Low != nil {
			low = *r.Low
		}
		if r.High != nil {
			high = *r.High
		}
		ev := r.Event
		return []any{r.Document, r.Claim, r.Metric, low, high, nullable(string(r.About)), nullable(string(r.Side)),
			nullable(r.Speaker), nullable(r.Speaker), r.Evidence, r.Hedged, ev.ID, ev.Type, ev.From, ev.To, r.Start, r.Start + 1,
			r.Published, r.Outlet}
	}
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].Document == recs[lo].Document {
			hi++
		}
		r := &recs[lo]
		exec(insDoc, r.Document, r.Document, r.Outlet, r.Published)
		ev := r.Event
		ids := make([]string, len(ev.Places))
		for i, p := range ev.Places {
			ids[i] = fmt.Sprintf("e%d", i+1)
			exec(insEnt, r.Document, ids[i], p.Name, p.Geo.Lat, p.Geo.Lon, p.Geo.Country, p.Geo.Admin1)
		}
		src := doc.DateFromPublished
		if ev.Dated {
			src = doc.DateFromText
		}
		exec(insEv, r.Document, ev.ID, ev.Type, ev.From, ev.To, src, jsonArray(ids), r.Published, r.Outlet)
		if hi-lo == per {
			args := make([]any, 0, per*19)
			for i := lo; i < hi; i++ {
				args = append(args, claimArgs(&recs[i])...)
			}
			exec(insClaims, args...)
		} else {
			for i := lo; i < hi; i++ {
				exec(insClaim, claimArgs(&recs[i])...)
			}
		}
		lo = hi
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

func TestEachRecordGenerated(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := compare.GenerateRecords(2000)
	cmpFill(t, s, want)
	got, err := compare.ReadAll(ctx, s, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d records, stored %d", len(got), len(want))
	}
	a, b := compare.Compare(want, compare.Options{}), compare.Compare(got, compare.Options{})
	if len(a.Groups) != len(b.Groups) || len(a.Silences) != len(b.Silences) {
		t.Errorf("stored comparison differs: %d/%d groups, %d/%d silences", len(b.Groups), len(a.Groups), len(b.Silences), len(a.Silences))
	}
}

// BenchmarkCompareStored reads 1,000,000 stored claims and compares them
// (PARALLAX_BENCH_CLAIMS sets another number). The claims are those of
// compare.GenerateRecords: 50,000 documents of 20 claims about 2,000
// events, stored in bulk in a database file before the timer starts.
func BenchmarkCompareStored(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_CLAIMS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	cmpFill(b, s, compare.GenerateRecords(n))
	b.ResetTimer()
	var read, compared time.Duration
	for b.Loop() {
		t0 := time.Now()
		recs, err := compare.ReadAll(ctx, s, "", "")
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		compare.Compare(recs, compare.Options{})
		read, compared = read+t1.Sub(t0), compared+time.Since(t1)
	}
	b.ReportMetric(read.Seconds()/float64(b.N), "read-s/op")
	b.ReportMetric(compared.Seconds()/float64(b.N), "compare-s/op")
}
