package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
)

var (
	_ compare.VersionedSource = (*Store)(nil)
	_ compare.EncodedSource   = (*Store)(nil)
)

// The queries of EachEncoded. Each reads one table with the publication
// period as its filter: the comparison needs every claim of the period.
const (
	// The encoded records of the documents of the period
	// (migrations/0005_compare_docs.sql), in storage order: a scan beats
	// any index. Each encoding is read as text (its bytes unchanged, NUL
	// bytes and all: SQLite keeps a text's length), which the driver
	// gives as a string it copied once, where a blob would be copied
	// twice, once into a []byte and once into the string kept.
	compareDocsQuery = `SELECT CAST(data AS TEXT) FROM compare_docs
WHERE (?1 = '' OR published >= ?1) AND (?2 = '' OR published <= ?2)`

	// The rest read the documents whose encoding is stale (or that were
	// stored before encodings were), through compare_stale's index, in
	// storage order (the order of a comparison's figures follows the
	// order of its records).

	// The events of the period, with their places packed
	// (migrations/0004_event_place_packs.sql).
	compareEventsQuery = `SELECT document_id, event_id, event_type, COALESCE(date_from, ''), COALESCE(date_to, ''),
    COALESCE(date_source, ''), actors, place_pack, published, outlet
FROM events
WHERE document_id IN (SELECT document_id FROM compare_stale)
    AND (?1 = '' OR published >= ?1) AND (?2 = '' OR published <= ?2)
ORDER BY rowid`

	// The packed claims of each document (migrations/0003_claim_packs.sql):
	// one row per document rather than one per claim.
	compareClaimsQuery = `SELECT document_id, published, outlet, claims, pack
FROM claim_packs
WHERE document_id IN (SELECT document_id FROM compare_stale)
    AND (?1 = '' OR published >= ?1) AND (?2 = '' OR published <= ?2)
ORDER BY rowid`

	// At most the number of records EachRecord gives: the claims, and the
	// events that may have none. The index claim_packs_claims covers the
	// sum.
	compareSizeQuery = `SELECT (SELECT COALESCE(SUM(claims), 0) FROM claim_packs
    WHERE (?1 = '' OR published >= ?1) AND (?2 = '' OR published <= ?2)) +
    (SELECT COUNT(*) FROM events WHERE (?1 = '' OR published >= ?1) AND (?2 = '' OR published <= ?2))`

	// The side of each document's outlet, where the outlet registry knew it.
	// (CROSS JOIN makes compare_stale the outer loop.)
	compareOutletSidesQuery = `SELECT d.id, en.side
FROM compare_stale c CROSS JOIN documents d ON d.id = c.document_id
    JOIN entities en ON en.document_id = d.id AND en.kind = 'outlet' AND lower(en.name) = lower(d.outlet)
WHERE en.side IS NOT NULL AND (?1 = '' OR d.published >= ?1) AND (?2 = '' OR d.published <= ?2)`
)

type docEvent struct{ doc, event string }

// Version returns the sequence number of the newest stored document: it
// changes whenever Put stores a document, the only way records are added
// (documents are never deleted, so the numbers only grow).
func (s *Store) Version(ctx context.Context) (int64, error) {
	var v int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM documents`).Scan(&v); err != nil {
		return 0, fmt.Errorf("reading the store's version: %w", err)
	}
	return v, nil
}

// SizeHint returns at most how many records EachRecord gives for the
// period, so that compare.Read allocates once.
func (s *Store) SizeHint(ctx context.Context, from, to string) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, compareSizeQuery, from, to).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting claims: %w", err)
	}
	return n, nil
}

// EachRecord calls fn with every stored claim of the documents published
// within [from, to] (YYYY-MM-DD, empty for open), and with a record
// without a metric for each stored event that no claim refers to, as
// EachEncoded does, decoding the encoded documents.
func (s *Store) EachRecord(ctx context.Context, from, to string, fn func(*compare.Record) error) error {
	return s.EachEncoded(ctx, from, to, func(data string) error { return compare.DecodeDocument(data, fn) }, fn)
}

// EachEncoded calls doc with the encoded records of every document
// published within [from, to] (YYYY-MM-DD, empty for open) that has them,
// and rec with the records of the others (documents whose claims or events
// changed after they were stored, or that were stored before encodings
// were: see eachStale). It reads the compare_docs, claims and events
// tables only, never article text. The encodings are read in a goroutine
// of their own while the caller's handles them.
func (s *Store) EachEncoded(ctx context.Context, from, to string, doc func(string) error, rec func(*compare.Record) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	const batch = 64
	full := make(chan []string, 4)
	scanErr := make(chan error, 1)
	go func() {
		defer close(full)
		scanErr <- s.scanDocs(ctx, from, to, batch, full)
	}()
	for b := range full {
		for _, data := range b {
			if err := doc(data); err != nil {
				cancel()
				for range full {
				}
				<-scanErr
				return err
			}
		}
	}
	if err := <-scanErr; err != nil {
		return fmt.Errorf("reading encoded documents: %w", err)
	}
	return s.eachStale(ctx, from, to, rec)
}

// scanDocs sends the encodings of the period to out, batch at a time.
func (s *Store) scanDocs(ctx context.Context, from, to string, batch int, out chan<- []string) error {
	rows, err := s.db.QueryContext(ctx, compareDocsQuery, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	b := make([]string, 0, batch)
	send := func() error {
		select {
		case out <- b:
			b = make([]string, 0, batch)
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var data string
	for rows.Next() {
		if err := rows.Scan(&data); err != nil {
			return err
		}
		if b = append(b, data); len(b) == batch {
			if err := send(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(b) > 0 {
		return send()
	}
	return nil
}

// eachStale calls fn with the records of the documents of the period
// listed in compare_stale, read from the claim packs and the events.
// Records of one document event share their *compare.Event, whose fields
// are filled in once the events are read, before eachStale returns (as
// compare.Builder allows).
//
// With a pool of three connections or more, the events, the claim packs
// and the caller's work run at once: one goroutine reads the events,
// another reads and decodes the packs, and the caller's gets the records
// as they come.
func (s *Store) eachStale(ctx context.Context, from, to string, fn func(*compare.Record) error) error {
	outletSides, err := s.outletSides(ctx, from, to)
	if err != nil {
		return fmt.Errorf("reading outlets: %w", err)
	}
	var (
		re  readEvents
		dec = packDecoder{events: map[docEvent]*compare.Event{}}
	)
	if s.conns < 3 {
		if re.events, err = s.compareEvents(ctx, from, to); err != nil {
			return fmt.Errorf("reading events: %w", err)
		}
		err := s.scanPacks(ctx, from, to, func(p packRow) error {
			return dec.each(p.id, p.published, p.outlet, p.n, p.pack, outletSides[p.id], fn)
		})
		if err != nil {
			return err
		}
	} else if err := s.eachPackConcurrently(ctx, from, to, &re, &dec, outletSides, fn); err != nil {
		return err
	}

	// The events the claims point to get their fields; the others are
	// given as records of their own, in the order they were stored.
	for _, chunk := range re.events {
		for i := range chunk {
			e := &chunk[i]
			if ev := dec.events[e.key]; ev != nil {
				*ev = e.ev
				continue
			}
			r := compare.Record{Document: e.key.doc, Outlet: e.outlet, Published: e.published, Side: outletSides[e.key.doc], Event: &e.ev}
			if err := fn(&r); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordBatch is how many decoded records go from the reading goroutine
// to the caller's at a time; recordQueue is how many batches there are,
// reused as the caller is done with them.
const (
	recordBatch = 512
	recordQueue = 16
)

// eachPackConcurrently reads the events into re on one connection while
// it reads and decodes the claim packs on another, in a goroutine of its
// own, and calls fn with the decoded records in the caller's.
func (s *Store) eachPackConcurrently(ctx context.Context, from, to string, re *readEvents, dec *packDecoder,
	outletSides map[string]doc.Party, fn func(*compare.Record) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	evc := make(chan readEvents, 1)
	go func() {
		var r readEvents
		r.events, r.err = s.compareEvents(ctx, from, to)
		evc <- r
	}()
	full := make(chan []compare.Record, recordQueue)
	free := make(chan []compare.Record, recordQueue)
	for range recordQueue {
		free <- make([]compare.Record, 0, recordBatch)
	}
	scanErr := make(chan error, 1)
	go func() {
		defer close(full)
		batch := <-free
		send := func() error {
			select {
			case full <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case batch = <-free:
				batch = batch[:0]
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		add := func(r *compare.Record) error {
			if batch = append(batch, *r); len(batch) == recordBatch {
				return send()
			}
			return nil
		}
		err := s.scanPacks(ctx, from, to, func(p packRow) error {
			return dec.each(p.id, p.published, p.outlet, p.n, p.pack, outletSides[p.id], add)
		})
		if err == nil && len(batch) > 0 {
			err = send()
		}
		scanErr <- err
	}()
	// stop ends the goroutines and waits for the packs' (the events' one
	// never blocks).
	stop := func() {
		cancel()
		for range full {
		}
		<-scanErr
	}
	for b := range full {
		for i := range b {
			if err := fn(&b[i]); err != nil {
				stop()
				return err
			}
		}
		free <- b // never blocks: there are only recordQueue batches
	}
	if err := <-scanErr; err != nil {
		return err
	}
	if *re = <-evc; re.err != nil {
		return fmt.Errorf("reading events: %w", re.err)
	}
	return nil
}

// scanPacks calls emit with every claim pack of the period, in storage
// order.
func (s *Store) scanPacks(ctx context.Context, from, to string, emit func(packRow) error) error {
	rows, err := s.db.QueryContext(ctx, compareClaimsQuery, from, to)
	if err != nil {
		return fmt.Errorf("reading claims: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p packRow
		if err := rows.Scan(&p.id, &p.published, &p.outlet, &p.n, &p.pack); err != nil {
			return fmt.Errorf("reading claims: %w", err)
		}
		if err := emit(p); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading claims: %w", err)
	}
	return nil
}

// readEvents is what compareEvents returns.
type readEvents struct {
	events [][]storedEvent
	err    error
}

// packRow is a row of claim_packs.
type packRow struct {
	id, published, outlet, pack string
	n                           int
}

// storedEvent is an event read for a comparison, with its document's
// outlet and date.
type storedEvent struct {
	key               docEvent
	ev                compare.Event
	outlet, published string
}

// eventChunk is how many events compareEvents keeps in one slice: grown
// by chunks, the events are never copied to a larger slice.
const eventChunk = 1024

// compareEvents reads the events of the period with their places, in the
// order they were stored, in chunks of eventChunk. Events with the same
// actors share their Actors slice; the strings of an event's places share
// the memory of its place pack.
func (s *Store) compareEvents(ctx context.Context, from, to string) ([][]storedEvent, error) {
	rows, err := s.db.QueryContext(ctx, compareEventsQuery, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var events [][]storedEvent
	var chunk []storedEvent
	// Few distinct lists of actors recur, and the places of an event recur
	// in every document about it: each is decoded once and shared.
	actorLists := map[string][]doc.Party{}
	placeLists := map[string][]compare.Place{}
	// Scan's destinations are declared once: declared in the loop, they
	// would escape to the heap row by row.
	var (
		k                                                        docEvent
		typ, dfrom, dto, dsrc, actors, places, published, outlet string
	)
	for rows.Next() {
		if err := rows.Scan(&k.doc, &k.event, &typ, &dfrom, &dto, &dsrc, &actors, &places, &published, &outlet); err != nil {
			return nil, err
		}
		ev := compare.Event{ID: k.event, Type: typ, From: dfrom, To: dto}
		switch dsrc {
		case doc.DateFromText:
			ev.Dated = dfrom != ""
		case doc.DateFromPublished:
		default:
			ev.Dated = compare.DatedGuess(dfrom, dto, published)
		}
		if actors != "[]" && actors != "" {
			list, ok := actorLists[actors]
			if !ok {
				var parsed []doc.Party
				if err := json.Unmarshal([]byte(actors), &parsed); err != nil {
					return nil, fmt.Errorf("event %s of %s: actors: %w", k.event, k.doc, err)
				}
				list, actorLists[actors] = parsed, parsed
			}
			ev.Actors = list
		}
		list, ok := placeLists[places]
		if !ok {
			if list, err = unpackPlaces(places); err != nil {
				return nil, fmt.Errorf("event %s of %s: places: %w", k.event, k.doc, err)
			}
			placeLists[places] = list
		}
		ev.Places = list
		if len(chunk) == cap(chunk) {
			chunk = make([]storedEvent, 0, eventChunk)
			events = append(events, nil)
		}
		chunk = append(chunk, storedEvent{key: k, ev: ev, outlet: outlet, published: published})
		events[len(events)-1] = chunk
	}
	return events, rows.Err()
}

// unpackPlaces decodes an event's place pack: five fields per place (name,
// lat, lon, country, admin1). Places without a name are left out; a place
// has coordinates when both lat and lon are set.
func unpackPlaces(pack string) ([]compare.Place, error) {
	var out []compare.Place
	var f [5]string
	var null [5]bool
	for pack != "" {
		for i := range f {
			var err error
			if f[i], null[i], pack, err = packField(pack); err != nil {
				return nil, err
			}
		}
		if f[0] == "" {
			continue
		}
		p := compare.Place{Name: f[0]}
		if !null[1] && !null[2] {
			lat, err1 := strconv.ParseFloat(f[1], 64)
			lon, err2 := strconv.ParseFloat(f[2], 64)
			if err := errors.Join(err1, err2); err != nil {
				return nil, err
			}
			p.Geo = &doc.Geo{Lat: lat, Lon: lon, Country: f[3], Admin1: f[4]}
		}
		out = append(out, p)
	}
	return out, nil
}

// outletSides returns the side of each document's outlet, where known.
func (s *Store) outletSides(ctx context.Context, from, to string) (map[string]doc.Party, error) {
	rows, err := s.db.QueryContext(ctx, compareOutletSidesQuery, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]doc.Party{}
	for rows.Next() {
		var id, side string
		if err := rows.Scan(&id, &side); err != nil {
			return nil, err
		}
		out[id] = doc.Party(side)
	}
	return out, rows.Err()
}

// packDecoder reads the packed claims of documents (the pack column of
// claim_packs) into records. The strings of the records it gives share
// the memory of their pack.
type packDecoder struct {
	// events holds the event of each document event a claim points to,
	// to be filled in when the events are read.
	events      map[docEvent]*compare.Event
	lastVia     string
	lastViaList []string
	fields      [packFields]string
	nulls       [packFields]bool
}

// The fields of a packed claim, in order.
const (
	pkClaim = iota
	pkMetric
	pkLow
	pkHigh
	pkApprox
	pkUnit
	pkAbout
	pkSide
	pkSpeakerID
	pkSpeakerName
	pkVia
	pkEvidence
	pkFlags
	pkEvent
	pkStart
	pkText
	packFields
)

// Flags of a packed claim.
const (
	packHedged = 1 << iota
	packBreakdown
	packTotal
	packIncrement
)

// each calls fn with every claim of a document's pack, of n claims.
func (d *packDecoder) each(id, published, outlet string, n int, pack string, outletSide doc.Party,
	fn func(*compare.Record) error) error {
	bounds := make([]float64, 0, 2*n) // the figures' bounds, in one allocation
	var r compare.Record
	var lastEventID string
	var lastEvent *compare.Event
	for k := 0; pack != ""; k++ {
		var err error
		for f := range packFields {
			d.fields[f], d.nulls[f], pack, err = packField(pack)
			if err != nil {
				return fmt.Errorf("claims of %s: claim %d: %w", id, k+1, err)
			}
		}
		r = compare.Record{Document: id, Outlet: outlet, Published: published, Claim: d.fields[pkClaim],
			Metric: d.fields[pkMetric], Approx: d.fields[pkApprox], Unit: d.fields[pkUnit],
			About: doc.Party(d.fields[pkAbout]), Side: doc.Party(d.fields[pkSide]), Speaker: d.fields[pkSpeakerName],
			Evidence: d.fields[pkEvidence], Text: d.fields[pkText]}
		for _, b := range [2]struct {
			f   int
			dst **float64
		}{{pkLow, &r.Low}, {pkHigh, &r.High}} {
			if d.nulls[b.f] {
				continue
			}
			v, err := parseNumber(d.fields[b.f])
			if err != nil {
				return fmt.Errorf("claim %s of %s: %w", r.Claim, id, err)
			}
			if len(bounds) == cap(bounds) {
				bounds = make([]float64, 0, 16)
			}
			bounds = append(bounds, v)
			*b.dst = &bounds[len(bounds)-1]
		}
		flags, err := strconv.Atoi(d.fields[pkFlags])
		if err != nil {
			return fmt.Errorf("claim %s of %s: flags: %w", r.Claim, id, err)
		}
		r.Hedged, r.Breakdown = flags&packHedged != 0, flags&packBreakdown != 0
		r.Total, r.Increment = flags&packTotal != 0, flags&packIncrement != 0
		if r.Start, err = strconv.Atoi(d.fields[pkStart]); err != nil {
			return fmt.Errorf("claim %s of %s: start: %w", r.Claim, id, err)
		}
		if r.Side == "" && d.fields[pkSpeakerID] == "" {
			r.Side = outletSide
		}
		if via := d.fields[pkVia]; via != "[]" && via != "" {
			if via != d.lastVia {
				d.lastVia, d.lastViaList = via, nil
				if err := json.Unmarshal([]byte(via), &d.lastViaList); err != nil {
					return fmt.Errorf("claim %s of %s: via: %w", r.Claim, id, err)
				}
			}
			r.Via = d.lastViaList
		}
		if ev := d.fields[pkEvent]; ev != "" {
			// A document's claims mostly belong to one event.
			if ev != lastEventID || lastEvent == nil {
				k := docEvent{id, ev}
				if lastEvent = d.events[k]; lastEvent == nil {
					lastEvent = &compare.Event{ID: ev}
					d.events[k] = lastEvent
				}
				lastEventID = ev
			}
			r.Event = lastEvent
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return nil
}

// parseNumber parses a figure as SQLite writes a REAL as text ("24.0",
// "136000.0", "1.5e+20"): plain digits with an optional ".0" directly,
// anything else with strconv.
func parseNumber(s string) (float64, error) {
	digits := strings.TrimSuffix(s, ".0")
	if n := len(digits); n > 0 && n <= 15 {
		v := 0.0
		for i := 0; i < n; i++ {
			c := digits[i]
			if c < '0' || c > '9' {
				return strconv.ParseFloat(s, 64)
			}
			v = v*10 + float64(c-'0')
		}
		return v, nil
	}
	return strconv.ParseFloat(s, 64)
}

// packField splits the first field off a pack: "-" for NULL, else its
// length in bytes, ":" and its text.
func packField(p string) (val string, null bool, rest string, err error) {
	if p == "" {
		return "", false, "", errors.New("truncated pack")
	}
	if p[0] == '-' {
		return "", true, p[1:], nil
	}
	n, i := 0, 0
	for ; i < len(p) && p[i] >= '0' && p[i] <= '9'; i++ {
		n = n*10 + int(p[i]-'0')
		if n > len(p) {
			return "", false, "", errors.New("field longer than its pack")
		}
	}
	if i == 0 || i == len(p) || p[i] != ':' || len(p)-i-1 < n {
		return "", false, "", errors.New("malformed pack")
	}
	return p[i+1 : i+1+n], false, p[i+1+n:], nil
}
