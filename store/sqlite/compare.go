package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
)

var _ compare.RecordSource = (*Store)(nil)

// The queries of EachRecord. Each reads one table in storage order with
// the publication period as its only filter: the comparison needs every
// claim of the period, so a scan beats any index.
const (
	// The places of each event, with their names and coordinates, in the
	// order the event lists them.
	compareEventsQuery = `SELECT e.document_id, e.event_id, e.event_type, COALESCE(e.date_from, ''), COALESCE(e.date_to, ''),
    COALESCE(e.date_source, ''), e.actors, e.published, COALESCE(en.name, ''), en.lat, en.lon,
    COALESCE(en.country, ''), COALESCE(en.admin1, '')
FROM events e
LEFT JOIN json_each(e.places) p
LEFT JOIN entities en ON en.document_id = e.document_id AND en.entity_id = p.value
WHERE (?1 = '' OR e.published >= ?1) AND (?2 = '' OR e.published <= ?2)
ORDER BY e.document_id, e.event_id, p.key`

	// Events that no claim refers to.
	compareBareEventsQuery = `SELECT e.document_id, e.event_id, e.outlet, e.published
FROM events e
WHERE (?1 = '' OR e.published >= ?1) AND (?2 = '' OR e.published <= ?2)
    AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.document_id = e.document_id AND c.event_id = e.event_id)`

	compareClaimsQuery = `SELECT document_id, claim_id, metric, low, high, COALESCE(approx, ''), COALESCE(unit, ''),
    COALESCE(about, ''), COALESCE(side, ''), COALESCE(speaker_id, ''), COALESCE(speaker_name, ''), via, evidence,
    hedged, breakdown IS NOT NULL, is_total, increment, COALESCE(event_id, ''), span_start, text, published, outlet
FROM claims
WHERE (?1 = '' OR published >= ?1) AND (?2 = '' OR published <= ?2)`

	// The side of each document's outlet, where the outlet registry knew it.
	compareOutletSidesQuery = `SELECT d.id, en.side
FROM documents d JOIN entities en ON en.document_id = d.id AND en.kind = 'outlet' AND lower(en.name) = lower(d.outlet)
WHERE en.side IS NOT NULL AND (?1 = '' OR d.published >= ?1) AND (?2 = '' OR d.published <= ?2)`
)

type docEvent struct{ doc, event string }

// EachRecord calls fn with every stored claim of the documents published
// within [from, to] (YYYY-MM-DD, empty for open), and with a record
// without a metric for each stored event that no claim refers to. It reads
// the claims and events tables only, never article text. Records of one
// document event share their *compare.Event.
func (s *Store) EachRecord(ctx context.Context, from, to string, fn func(*compare.Record) error) error {
	events, err := s.compareEvents(ctx, from, to)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	outletSides, err := s.outletSides(ctx, from, to)
	if err != nil {
		return fmt.Errorf("reading outlets: %w", err)
	}

	rows, err := s.db.QueryContext(ctx, compareClaimsQuery, from, to)
	if err != nil {
		return fmt.Errorf("reading claims: %w", err)
	}
	defer rows.Close()
	var (
		r                                 compare.Record
		low, high                         sql.NullFloat64
		about, side, speakerID, via, evID string
		lastVia                           string
		lastViaList                       []string
	)
	for rows.Next() {
		r = compare.Record{}
		if err := rows.Scan(&r.Document, &r.Claim, &r.Metric, &low, &high, &r.Approx, &r.Unit, &about, &side,
			&speakerID, &r.Speaker, &via, &r.Evidence, &r.Hedged, &r.Breakdown, &r.Total, &r.Increment, &evID,
			&r.Start, &r.Text, &r.Published, &r.Outlet); err != nil {
			return fmt.Errorf("reading claims: %w", err)
		}
		if low.Valid {
			v := low.Float64
			r.Low = &v
		}
		if high.Valid {
			v := high.Float64
			r.High = &v
		}
		r.About, r.Side = doc.Party(about), doc.Party(side)
		if r.Side == "" && speakerID == "" {
			r.Side = outletSides[r.Document]
		}
		if via != "[]" && via != "" {
			if via != lastVia {
				lastVia, lastViaList = via, nil
				if err := json.Unmarshal([]byte(via), &lastViaList); err != nil {
					return fmt.Errorf("claim %s of %s: via: %w", r.Claim, r.Document, err)
				}
			}
			r.Via = lastViaList
		}
		if evID != "" {
			r.Event = events[docEvent{r.Document, evID}]
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading claims: %w", err)
	}
	rows.Close()

	bare, err := s.db.QueryContext(ctx, compareBareEventsQuery, from, to)
	if err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	defer bare.Close()
	for bare.Next() {
		var k docEvent
		r = compare.Record{}
		if err := bare.Scan(&k.doc, &k.event, &r.Outlet, &r.Published); err != nil {
			return fmt.Errorf("reading events: %w", err)
		}
		ev := events[k]
		if ev == nil {
			continue
		}
		r.Document, r.Side, r.Event = k.doc, outletSides[k.doc], ev
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := bare.Err(); err != nil {
		return fmt.Errorf("reading events: %w", err)
	}
	return nil
}

// compareEvents reads the events of the period with their places.
func (s *Store) compareEvents(ctx context.Context, from, to string) (map[docEvent]*compare.Event, error) {
	rows, err := s.db.QueryContext(ctx, compareEventsQuery, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	events := map[docEvent]*compare.Event{}
	var cur *compare.Event
	var curKey docEvent
	for rows.Next() {
		var k docEvent
		var typ, dfrom, dto, dsrc, actors, published, name, country, admin1 string
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&k.doc, &k.event, &typ, &dfrom, &dto, &dsrc, &actors, &published, &name, &lat, &lon,
			&country, &admin1); err != nil {
			return nil, err
		}
		if cur == nil || k != curKey {
			cur = &compare.Event{ID: k.event, Type: typ, From: dfrom, To: dto}
			switch dsrc {
			case doc.DateFromText:
				cur.Dated = dfrom != ""
			case doc.DateFromPublished:
			default:
				cur.Dated = compare.DatedGuess(dfrom, dto, published)
			}
			if actors != "[]" && actors != "" {
				if err := json.Unmarshal([]byte(actors), &cur.Actors); err != nil {
					return nil, fmt.Errorf("event %s of %s: actors: %w", k.event, k.doc, err)
				}
			}
			events[k], curKey = cur, k
		}
		if name != "" {
			p := compare.Place{Name: name}
			if lat.Valid && lon.Valid {
				p.Geo = &doc.Geo{Lat: lat.Float64, Lon: lon.Float64, Country: country, Admin1: admin1}
			}
			cur.Places = append(cur.Places, p)
		}
	}
	return events, rows.Err()
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
