package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/store"
	"github.com/parallaxnews/parallax/store/simhash"
)

const bandCount = simhash.Bands

// Put stores the analyses in one transaction: all of them or, on any error,
// none. A text already stored is not stored again; its result names the
// stored document. A document whose ID is taken by a different text is
// stored under the ID derived from its content (the first 16 hex digits of
// the SHA-256 of its text), which its result reports. A near-duplicate of
// stored documents is linked to the earliest original among them; when it
// is itself earlier, it becomes their original.
func (s *Store) Put(ctx context.Context, analyses []*doc.Analysis) ([]store.PutResult, error) {
	if len(analyses) == 0 {
		return nil, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("storing: %w", err)
	}
	defer tx.Rollback()
	seq, err := lastSeq(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("storing: %w", err)
	}
	w := writer{ctx: ctx, tx: tx, st: &s.stmts, now: s.now().UTC().Format(time.RFC3339), txStmts: map[*sql.Stmt]*sql.Stmt{}}
	results := make([]store.PutResult, len(analyses))
	for i, a := range analyses {
		r, err := w.put(a)
		if err != nil {
			name := ""
			if a != nil {
				name = a.Document.ID
				if name == "" {
					name = a.Document.Source
				}
			}
			return nil, fmt.Errorf("storing document %d of %d (%s): %w", i+1, len(analyses), name, err)
		}
		results[i] = r
	}
	if err := indexText(ctx, tx, seq); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("storing: %w", err)
	}
	return results, nil
}

// writer stores analyses within one transaction.
type writer struct {
	ctx     context.Context
	tx      *sql.Tx
	st      *statements
	now     string
	txStmts map[*sql.Stmt]*sql.Stmt // the statements bound to tx
}

// stmt returns s bound to the transaction.
func (w *writer) stmt(s *sql.Stmt) *sql.Stmt {
	ts := w.txStmts[s]
	if ts == nil {
		ts = w.tx.StmtContext(w.ctx, s)
		w.txStmts[s] = ts
	}
	return ts
}

func (w *writer) exec(s *sql.Stmt, args ...any) error {
	_, err := w.stmt(s).ExecContext(w.ctx, args...)
	return err
}

func (w *writer) put(a *doc.Analysis) (store.PutResult, error) {
	if err := validate(a); err != nil {
		return store.PutResult{}, err
	}
	d := a.Document
	sum := sha256.Sum256([]byte(d.Text))
	hash := hex.EncodeToString(sum[:])

	var r store.PutResult
	err := w.stmt(w.st.byHash).QueryRowContext(w.ctx, hash).Scan(&r.ID, &r.NearDuplicateOf, &r.Similarity)
	if err == nil {
		return r, nil // already stored
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return r, err
	}

	id, err := w.freeID(d.ID, hash)
	if err != nil {
		return r, err
	}
	r = store.PutResult{ID: id, Added: true}
	fp := simhash.Sum(body(d))
	orig, err := w.earliestOriginal(fp)
	if err != nil {
		return r, err
	}
	becomesOriginal := orig.id != "" && d.Published != "" && (orig.published == "" || d.Published < orig.published)
	var near, sim any
	if orig.id != "" && !becomesOriginal {
		r.NearDuplicateOf, r.Similarity = orig.id, simhash.Similarity(fp, orig.simhash)
		near, sim = r.NearDuplicateOf, r.Similarity
	}
	if err := w.exec(w.st.insertDocument, id, hash, d.Source, d.Outlet, d.URL, d.Published, d.Lang, d.Title, d.Text,
		int64(fp), near, sim, w.now); err != nil {
		return r, err
	}
	// Only originals are looked up, so that a story copied a thousand
	// times costs no more to check than one copied once.
	if r.NearDuplicateOf == "" {
		bands := simhash.BandValues(fp)
		args := make([]any, 0, 4*len(bands))
		for b, v := range bands {
			args = append(args, b, v, int64(fp), id)
		}
		if err := w.exec(w.st.insertBands, args...); err != nil {
			return r, err
		}
	}
	if becomesOriginal {
		if err := w.relink(orig.id, id, fp); err != nil {
			return r, err
		}
	}
	return r, w.putLayers(id, a)
}

// body returns the text of d without its headline, when the text starts
// with it: reposts often rewrite headlines, and the fingerprint of a short
// article would otherwise move by several bits.
func body(d doc.Document) string {
	t := strings.TrimLeft(d.Text, " \t\r\n\ufeff")
	if d.Title != "" && strings.HasPrefix(t, d.Title) {
		return t[len(d.Title):]
	}
	return d.Text
}

// freeID returns the ID to store a new document under: its own when it has
// one that is free, else one derived from its content hash.
func (w *writer) freeID(want, hash string) (string, error) {
	for _, id := range []string{want, hash[:16], hash} {
		if id == "" {
			continue
		}
		var n int
		if err := w.stmt(w.st.idTaken).QueryRowContext(w.ctx, id).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return id, nil
		}
	}
	return "", fmt.Errorf("%w: no free ID for document %q", store.ErrInvalid, want)
}

// original is a stored document that others may nearly repeat.
type original struct {
	id        string
	simhash   uint64
	published string
	seq       int64
}

// earlier reports whether o was published before p; documents without a
// date come after those with one, and ties go to the one stored first.
func (o original) earlier(p original) bool {
	switch {
	case o.published == p.published:
		return o.seq < p.seq
	case o.published == "":
		return false
	case p.published == "":
		return true
	}
	return o.published < p.published
}

// earliestOriginal finds the stored originals within simhash.Threshold of
// fingerprint fp through the band index (which holds originals, and former
// originals that an earlier copy displaced) and returns the earliest of
// their originals, or a zero original when there is none.
func (w *writer) earliestOriginal(fp uint64) (original, error) {
	bands := simhash.BandValues(fp)
	args := make([]any, 0, 2*len(bands))
	for b, v := range bands {
		args = append(args, b, v)
	}
	rows, err := w.stmt(w.st.candidates).QueryContext(w.ctx, args...)
	if err != nil {
		return original{}, err
	}
	var near []string
	for rows.Next() {
		var id string
		var h int64
		if err := rows.Scan(&id, &h); err != nil {
			rows.Close()
			return original{}, err
		}
		if simhash.Near(fp, uint64(h)) {
			near = append(near, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return original{}, err
	}
	var best original
	for _, id := range near {
		var o original
		var h int64
		if err := w.stmt(w.st.rootOf).QueryRowContext(w.ctx, id).Scan(&o.id, &h, &o.published, &o.seq); err != nil {
			return original{}, err
		}
		o.simhash = uint64(h)
		if best.id == "" || o.earlier(best) {
			best = o
		}
	}
	return best, nil
}

// relink makes document id, with fingerprint fp, the original of the
// near-duplicate group whose original was old.
func (w *writer) relink(old, id string, fp uint64) error {
	rows, err := w.stmt(w.st.clusterOf).QueryContext(w.ctx, old, old)
	if err != nil {
		return err
	}
	type member struct {
		id string
		h  int64
	}
	var members []member
	for rows.Next() {
		var m member
		if err := rows.Scan(&m.id, &m.h); err != nil {
			rows.Close()
			return err
		}
		members = append(members, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range members {
		if err := w.exec(w.st.relink, id, simhash.Similarity(fp, uint64(m.h)), m.id); err != nil {
			return err
		}
	}
	return nil
}

// putLayers stores the analysis as JSON and its rows for comparison.
func (w *writer) putLayers(id string, a *doc.Analysis) error {
	d := a.Document
	stored := *a
	stored.Document.ID = id
	stored.Document.Text = "" // kept once, in documents
	js, err := json.Marshal(&stored)
	if err != nil {
		return fmt.Errorf("encoding the analysis: %w", err)
	}
	if err := w.exec(w.st.insertAnalysis, id, string(js)); err != nil {
		return err
	}

	names := make(map[string]string, len(a.Entities))
	ents := make(map[string]*doc.Entity, len(a.Entities))
	for i, e := range a.Entities {
		names[e.ID] = e.Name
		ents[e.ID] = &a.Entities[i]
		var lat, lon, country, admin1 any
		if e.Geo != nil {
			lat, lon, country, admin1 = e.Geo.Lat, e.Geo.Lon, nullString(e.Geo.Country), nullString(e.Geo.Admin1)
		}
		if err := w.exec(w.st.insertEntity, id, e.ID, e.Kind, e.Name, e.Role, nullString(string(e.Side)),
			lat, lon, country, admin1, len(e.Mentions)); err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
	}

	events := make(map[string]*doc.Event, len(a.Events))
	for i := range a.Events {
		e := &a.Events[i]
		events[e.ID] = e
		placeNames := make([]string, len(e.Places))
		for j, p := range e.Places {
			placeNames[j] = names[p]
		}
		if err := w.exec(w.st.insertEvent, id, e.ID, e.Type, nullString(e.From), nullString(e.To),
			nullString(e.DateSource), nullString(e.ACLED), jsonArray(e.Places), jsonArray(placeNames), jsonArray(e.Actors), d.Published, d.Outlet); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		seen := make(map[doc.Party]bool, len(e.Actors))
		for _, p := range e.Actors {
			if p == "" || seen[p] {
				continue
			}
			seen[p] = true
			if err := w.exec(w.st.insertEventActor, id, e.ID, string(p)); err != nil {
				return fmt.Errorf("event %s: %w", e.ID, err)
			}
		}
	}

	for _, c := range a.Claims {
		var evType, evFrom, evTo any
		if e := events[c.Event]; e != nil {
			evType, evFrom, evTo = e.Type, nullString(e.From), nullString(e.To)
		}
		if err := w.exec(w.st.insertClaim, id, c.ID, c.Metric, nullFloat(c.Low), nullFloat(c.High),
			nullString(c.Approx), nullString(c.Unit), nullString(string(c.About)), nullString(string(c.Side)),
			nullString(c.Speaker), nullString(compare.SpeakerName(&c, ents[c.Speaker])), jsonArray(c.Via), c.Evidence, c.Hedged,
			nullString(c.Attribution), nullString(c.Breakdown), c.Total, c.Increment,
			nullString(c.Event), evType, evFrom, evTo, c.Start, c.End, c.Text, d.Published, d.Outlet); err != nil {
			return fmt.Errorf("claim %s: %w", c.ID, err)
		}
	}
	return w.putCompareDoc(&stored)
}

// putCompareDoc stores the encoding of a document's records for a
// comparison (migrations/0005_compare_docs.sql), once its claims and
// events are stored.
func (w *writer) putCompareDoc(a *doc.Analysis) error {
	if err := w.exec(w.st.clearStale, a.Document.ID); err != nil {
		return err
	}
	recs := compare.RecordsFromAnalysis(a)
	if len(recs) == 0 {
		return nil
	}
	data, err := compare.AppendDocument(nil, recs)
	if err != nil {
		return fmt.Errorf("encoding the records: %w", err)
	}
	return w.exec(w.st.insertCompareDoc, a.Document.ID, a.Document.Published, data)
}

// validate checks what the store relies on: text, spans inside it, and
// layer IDs unique within the document.
func validate(a *doc.Analysis) error {
	if a == nil {
		return fmt.Errorf("%w: no analysis", store.ErrInvalid)
	}
	n := len(a.Document.Text)
	if n == 0 {
		return fmt.Errorf("%w: no text", store.ErrInvalid)
	}
	inText := func(start, end int) bool { return 0 <= start && start <= end && end <= n }
	ids := make(map[string]bool, len(a.Entities)+len(a.Claims)+len(a.Events))
	unique := func(layer, id string) error {
		if id == "" {
			return fmt.Errorf("%w: %s without an ID", store.ErrInvalid, layer)
		}
		if ids[layer+" "+id] {
			return fmt.Errorf("%w: %s ID %q used twice", store.ErrInvalid, layer, id)
		}
		ids[layer+" "+id] = true
		return nil
	}
	for _, e := range a.Entities {
		if err := unique("entity", e.ID); err != nil {
			return err
		}
	}
	for _, e := range a.Events {
		if err := unique("event", e.ID); err != nil {
			return err
		}
	}
	for _, c := range a.Claims {
		if err := unique("claim", c.ID); err != nil {
			return err
		}
		if !inText(c.Start, c.End) {
			return fmt.Errorf("%w: claim %s spans [%d,%d) outside the text (%d bytes)", store.ErrInvalid, c.ID, c.Start, c.End, n)
		}
	}
	return nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// jsonArray encodes a list of strings as a JSON array ("[]" when empty).
func jsonArray[S ~string](xs []S) string {
	if len(xs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(xs) // strings always encode
	return string(b)
}
