package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// A comparison of stored documents is that of their analyses, whether it
// reads their encodings or, once they are stale (as after the migration
// that brought encodings), the tables of claims and events: the same
// figures in the same order, which is the order the documents were stored
// in, not that of their IDs.
func TestStaleDocumentsCompareAlike(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := doc.Float
	as := []*doc.Analysis{
		cmpAnalysis("tj-2", "2022-09-20", "TJ Post"),
		cmpAnalysis("tj-1", "2022-09-18", "TJ Post", doc.Claim{Metric: "killed", About: "KG", Side: "TJ", Low: f(100), Hedged: true},
			doc.Claim{Metric: "injured", About: "TJ", Low: f(3)}),
		cmpAnalysis("kg-2", "2022-10-06", "KG Agency", doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: f(59), Total: true}),
		cmpAnalysis("kg-1", "2022-09-16", "KG Agency", doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: f(24)},
			doc.Claim{Metric: "injured", About: "TJ", Low: f(5), Via: []string{"Asia News"}}),
	}
	if _, err := s.Put(ctx, as); err != nil {
		t.Fatal(err)
	}
	var recs []compare.Record
	for _, a := range as {
		recs = append(recs, compare.RecordsFromAnalysis(a)...)
	}
	want, _ := json.Marshal(compare.Compare(recs, compare.Options{}))
	read := func() string {
		t.Helper()
		c, err := compare.Read(ctx, s, "", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(c.Report(compare.Options{}))
		return string(got)
	}
	if got := read(); got != string(want) {
		t.Errorf("compared from the encodings:\n%s\nwant\n%s", got, want)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM compare_docs; INSERT INTO compare_stale (document_id) SELECT id FROM documents`); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != string(want) {
		t.Errorf("compared from the tables:\n%s\nwant\n%s", got, want)
	}
}

// cmpFill stores generated records straight into the tables EachRecord
// reads (documents, entities, events, claims), as Put would, but in bulk.
func cmpFill(tb testing.TB, s *Store, recs []compare.Record, encoded bool) {
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
	insEncoded := prep(`INSERT INTO compare_docs (document_id, published, data) VALUES (?, ?, ?)`)
	clearStale := prep(`DELETE FROM compare_stale WHERE document_id = ?`)
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
		if encoded {
			data, err := compare.AppendDocument(nil, recs[lo:hi])
			if err != nil {
				tb.Fatal(err)
			}
			exec(insEncoded, r.Document, r.Published, data)
			exec(clearStale, r.Document)
		}
		lo = hi
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// Stored generated records read back as they were, in memory (one
// connection: events, then claims) and in a file (events, claims and
// decoding at once), for a whole store and for a period, from their
// encodings and from the tables of claims and events (documents whose
// encoding is stale).
func TestEachRecordGenerated(t *testing.T) {
	for _, encoded := range []bool{true, false} {
		for _, path := range []string{":memory:", filepath.Join(t.TempDir(), fmt.Sprintf("gen-%v.db", encoded))} {
			t.Run(fmt.Sprintf("%s/encoded=%v", filepath.Base(path), encoded), func(t *testing.T) {
				testEachRecordGenerated(t, path, encoded)
			})
		}
	}
}

func testEachRecordGenerated(t *testing.T, path string, encoded bool) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := compare.GenerateRecords(6000) // 300 documents: more than one batch of packs
	cmpFill(t, s, want, encoded)
	got, err := compare.ReadAll(ctx, s, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d records, stored %d", len(got), len(want))
	}
	for i := range want {
		w, g := &want[i], &got[i]
		if w.Document != g.Document || w.Claim != g.Claim || w.Metric != g.Metric || *w.Low != *g.Low ||
			(w.High == nil) != (g.High == nil) || w.About != g.About || w.Side != g.Side || w.Speaker != g.Speaker ||
			w.Hedged != g.Hedged || w.Start != g.Start || w.Published != g.Published || w.Outlet != g.Outlet ||
			w.Event.ID != g.Event.ID || w.Event.From != g.Event.From || len(w.Event.Places) != len(g.Event.Places) {
			t.Fatalf("record %d: stored %+v, read %+v", i, *w, *g)
		}
	}
	for i := range got {
		got[i].Text = "" // cmpFill stores "x"
	}
	a, b := compare.Compare(want, compare.Options{}), compare.Compare(got, compare.Options{})
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("stored comparison differs: %d/%d groups, %d/%d silences", len(b.Groups), len(a.Groups), len(b.Silences), len(a.Silences))
	}
	// A period: what was published in it, no more, no less.
	from, to := "2021-06-01", "2021-12-31"
	part, err := compare.ReadAll(ctx, s, from, to)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := range want {
		if want[i].Published >= from && want[i].Published <= to {
			n++
		}
	}
	if len(part) != n || n == 0 {
		t.Errorf("read %d records of the period, stored %d", len(part), n)
	}
	// A caller that stops early gets its error back, and nothing is left
	// running (the race detector and the next reads would tell).
	stop := errors.New("enough")
	seen := 0
	err = s.EachRecord(ctx, "", "", func(*compare.Record) error {
		if seen++; seen == 1000 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("EachRecord = %v, want the caller's error", err)
	}
	// A cancelled context stops the read.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.EachRecord(cctx, "", "", func(*compare.Record) error { return nil }); err == nil {
		t.Error("EachRecord read on with a cancelled context")
	}
}

// TestCompareEventsChunks checks that events read in more than one chunk
// come back whole and in stored order, each with its claims.
func TestCompareEventsChunks(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all := compare.GenerateRecords((eventChunk + 100) * 20)
	var want []compare.Record // one claim per document, so one event each
	for i := range all {
		if i == 0 || all[i].Document != all[i-1].Document {
			want = append(want, all[i])
		}
	}
	cmpFill(t, s, want, false)
	chunks, err := s.compareEvents(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(chunks) != 2 || len(chunks[0]) != eventChunk || len(chunks[1]) != len(want)-eventChunk {
		t.Fatalf("%d chunks of events, want 2 for %d events", len(chunks), len(want))
	}
	got, err := compare.ReadAll(ctx, s, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d records, stored %d", len(got), len(want))
	}
	i := 0
	for _, chunk := range chunks {
		for _, e := range chunk {
			w, g := &want[i], &got[i]
			if e.key.doc != w.Document || e.key.event != w.Event.ID || g.Event.ID != w.Event.ID ||
				g.Event.From != w.Event.From || g.Event.Type != w.Event.Type || len(g.Event.Places) != len(w.Event.Places) {
				t.Fatalf("event %d: %s/%s read as %+v with claim event %+v, stored %+v", i, e.key.doc, e.key.event, e.ev, *g.Event, *w.Event)
			}
			i++
		}
	}
}

// TestClaimPacks checks that the packed claims read back as stored, with
// NULLs, delimiters and multi-byte text, and that the packs follow
// changes to the claims table.
func TestClaimPacks(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := doc.Float
	a := cmpAnalysis("kg-1", "2022-09-16", "KG Agency",
		doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: f(0.1 + 0.2), High: f(1e300 / 3), Approx: "about",
			Unit: "", Via: []string{"Агентство «Кабар»", "-1:x"}, Hedged: true, Total: true},
		doc.Claim{Metric: "injured", Low: f(-3), Increment: true, Breakdown: "c1"},
		doc.Claim{Metric: "displaced"})
	a.Document.Text = "12:Ж- жертвы погибли: 24 человека. " + a.Document.Text
	for i := range a.Claims {
		a.Claims[i].Start, a.Claims[i].End = i, i+12
		a.Claims[i].Text = a.Document.Text[:12]
	}
	if _, err := s.Put(ctx, []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	recs, err := compare.ReadAll(ctx, s, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	r := recs[0]
	if r.Claim != "c1" || *r.Low != 0.1+0.2 || *r.High != 1e300/3 || r.Approx != "about" || r.Speaker != "Health Ministry" ||
		!slices.Equal(r.Via, []string{"Агентство «Кабар»", "-1:x"}) || !r.Hedged || !r.Total || r.Increment || r.Breakdown ||
		r.Text != a.Claims[0].Text || r.Start != 0 || r.Event == nil {
		t.Errorf("first claim = %+v", r)
	}
	r = recs[1]
	if *r.Low != -3 || r.High != nil || !r.Increment || !r.Breakdown || r.Side != "KG" || r.Start != 1 {
		t.Errorf("second claim = %+v (the outlet's own, of side KG)", r)
	}
	if r := recs[2]; r.Low != nil || r.High != nil || r.Metric != "displaced" || r.About != "" {
		t.Errorf("third claim = %+v", r)
	}
	if n, stale := count(t, s, "compare_docs"), count(t, s, "compare_stale"); n != 1 || stale != 0 {
		t.Errorf("after Put: %d encoded documents and %d stale, want 1 and 0", n, stale)
	}
	// Changes to the claims table repack the document, and make its
	// encoding stale.
	if _, err := s.db.ExecContext(ctx, `UPDATE claims SET low = 7 WHERE document_id = 'kg-1' AND claim_id = 'c3'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM claims WHERE document_id = 'kg-1' AND claim_id = 'c2'`); err != nil {
		t.Fatal(err)
	}
	recs, err = compare.ReadAll(ctx, s, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Claim != "c1" || recs[1].Claim != "c3" || recs[1].Low == nil || *recs[1].Low != 7 {
		t.Errorf("after an update and a delete: %+v", recs)
	}
	if n, stale := count(t, s, "compare_docs"), count(t, s, "compare_stale"); n != 0 || stale != 1 {
		t.Errorf("after an update: %d encoded documents and %d stale, want 0 and 1", n, stale)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM documents WHERE id = 'kg-1'`); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"claim_packs", "compare_docs", "compare_stale"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("%d rows of %s left after deleting the document", n, table)
		}
	}
}

func FuzzPackField(f *testing.F) {
	for _, s := range []string{"-", "6:killed-", "0:", "3:a", "12:Ж- жертвы", "99999999999999999999:x", ":", "1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		for p != "" {
			val, null, rest, err := packField(p)
			if err != nil {
				return
			}
			if len(rest) >= len(p) || null && val != "" || !strings.Contains(p, val) {
				t.Fatalf("packField(%q) = %q, %v, %q", p, val, null, rest)
			}
			p = rest
		}
	})
}

// BenchmarkCompareStored1M reads 1,000,000 stored claims and compares
// them, as `parallax compare --db` does (PARALLAX_BENCH_CLAIMS sets another
// number). The claims are those of compare.GenerateRecords (50,000
// documents of 20 claims about 2,000 events out of 300 places, from 200
// outlets and 60 speakers, seeded), stored by cmpFill in bulk into a
// database file under a temporary directory before the timer starts; the
// triggers of migration 3 pack them as they go in. b.Loop runs the
// function once, so the database is filled once per benchmark run (or
// once for all, with PARALLAX_BENCH_DB).
// read-s/op is compare.Read (reading the records and grouping them as
// they stream), report-s/op the report of every group and the silences;
// cpu-s/op is the CPU time of the process (all threads) for both.
func BenchmarkCompareStored1M(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_CLAIMS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	// PARALLAX_BENCH_DB keeps the database at a path, to reuse it in the
	// next runs: filling takes minutes.
	path, fill := os.Getenv("PARALLAX_BENCH_DB"), true
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	} else if _, err := os.Stat(path); err == nil {
		fill = false
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if fill {
		cmpFill(b, s, compare.GenerateRecords(n), true)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var read, reported time.Duration
	c0 := cpuTime()
	for b.Loop() {
		t0 := time.Now()
		c, err := compare.Read(ctx, s, "", "", nil)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		c.Report(compare.Options{})
		read, reported = read+t1.Sub(t0), reported+time.Since(t1)
	}
	b.ReportMetric((cpuTime()-c0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(read.Seconds()/float64(b.N), "read-s/op")
	b.ReportMetric(reported.Seconds()/float64(b.N), "report-s/op")
}

func TestVersionChangesWithDocuments(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	version := func() int64 {
		t.Helper()
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	a := cmpAnalysis("kg-1", "2022-09-16", "KG Agency", doc.Claim{Metric: "killed", About: "KG", Side: "KG", Speaker: "e2", Low: doc.Float(24)})
	if _, err := s.Put(ctx, []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	v1 := version()
	if v1 == v0 {
		t.Fatalf("version %d unchanged after storing a document", v1)
	}
	if _, err := s.Put(ctx, []*doc.Analysis{a}); err != nil { // the same text: nothing new
		t.Fatal(err)
	}
	if v := version(); v != v1 {
		t.Errorf("version %d after storing nothing new, want %d", v, v1)
	}
	b := cmpAnalysis("tj-1", "2022-09-18", "TJ Post")
	if _, err := s.Put(ctx, []*doc.Analysis{b}); err != nil {
		t.Fatal(err)
	}
	if v := version(); v == v1 {
		t.Errorf("version %d unchanged after a second document", v)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"24.0", 24, true}, {"136000.0", 136000, true}, {"7", 7, true}, {"1.5", 1.5, true},
		{"1.0e+20", 1e20, true}, {"-3.0", -3, true}, {"999999999999999.0", 999999999999999, true},
		{"12345678901234567.0", 12345678901234567, true}, {"", 0, false}, {"x.0", 0, false},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in)
		if (err == nil) != tt.ok || tt.ok && got != tt.want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
