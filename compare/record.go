// Package compare works across documents: it groups the claims of many
// articles by the event they are about, sets the figures each side and each
// independent source gives side by side, flags contradictions,
// corroboration and unsupported figures, finds what each side is silent
// about, and lays the events out on a timeline.
//
// It reads claims only (Record), never article text, so that it runs on
// what a store keeps: RecordsFromAnalysis builds records from analyses in
// memory and a RecordSource (such as the SQLite store) streams stored ones
// into a Builder (Read), which keeps a compact row of each.
package compare

import (
	"context"
	"strings"

	"github.com/parallaxnews/parallax/doc"
)

// Record is one claim with what the comparison needs: the document it comes
// from, the figure and whom it is about, who gives it (side, speaker, the
// chain it came through), on what evidence, and the document's event it
// belongs to. A record without a Metric stands for an event a document
// reports without a figure (an accusation, a meeting).
type Record struct {
	Document  string `json:"document"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	Claim     string `json:"claim,omitempty"`     // the claim's ID in its document
	Metric    string `json:"metric,omitempty"`
	// Low and High bound the figure as the text states it; nil is open.
	Low    *float64 `json:"low"`
	High   *float64 `json:"high"`
	Approx string   `json:"approx,omitempty"`
	Unit   string   `json:"unit,omitempty"`
	// About is the party the figure counts (whose dead, whose houses).
	About doc.Party `json:"about"`
	// Side is the party of whoever gives the figure; empty for an
	// independent (neutral or unknown) source.
	Side    doc.Party `json:"side"`
	Speaker string    `json:"speaker,omitempty"` // the speaker's name
	// Via names whom the claim reached the article through, outermost first.
	Via      []string `json:"via,omitempty"`
	Evidence string   `json:"evidence,omitempty"`
	Hedged   bool     `json:"hedged"`
	// Total marks a running total that replaces earlier figures; Increment
	// a figure that adds to the source's previous one; Breakdown a part of
	// another figure of the same document, never counted on its own;
	// Partial a figure of a part of the event's toll only: one incident or
	// place, or the wounded still in hospital (doc.Claim.Partial).
	Total     bool `json:"total,omitempty"`
	Increment bool `json:"increment,omitempty"`
	Breakdown bool `json:"breakdown,omitempty"`
	Partial   bool `json:"partial,omitempty"`
	// DeniedBy is the party whose source rejects the figure
	// (doc.Claim.DeniedBy): that side spoke of it, if only to deny it.
	DeniedBy doc.Party `json:"denied_by,omitempty"`
	// Start is the claim's byte offset in its document: it orders the
	// figures of one document.
	Start int    `json:"start"`
	Text  string `json:"text,omitempty"`
	// Event is the document's event the claim belongs to; records of the
	// same document event share one *Event. Nil when the claim has none.
	Event *Event `json:"event,omitempty"`
}

// Event is an event as one document reports it.
type Event struct {
	ID   string `json:"id"` // the event's ID in its document
	Type string `json:"type,omitempty"`
	From string `json:"from,omitempty"` // YYYY-MM-DD (or YYYY-MM, YYYY)
	To   string `json:"to,omitempty"`
	// Dated is set when From and To come from the text rather than from the
	// publication date.
	Dated  bool        `json:"dated"`
	Places []Place     `json:"places,omitempty"`
	Actors []doc.Party `json:"actors,omitempty"`
}

// Place is a place an event happened at.
type Place struct {
	Name string   `json:"name"`
	Geo  *doc.Geo `json:"geo,omitempty"`
}

// RecordSource streams stored records, so that a comparison runs on what a
// store holds without re-reading article text. The SQLite store implements
// it.
type RecordSource interface {
	// EachRecord calls fn with every stored record published within
	// [from, to] (each bound YYYY-MM-DD; empty is open), stopping at the
	// first error fn returns. The record is only valid during the call,
	// but its Event may be kept; the source may fill in the Event's
	// fields after the call, until EachRecord returns.
	EachRecord(ctx context.Context, from, to string, fn func(*Record) error) error
}

// SizedSource is a RecordSource that can tell beforehand about how many
// records it holds, so that Read and ReadAll allocate once.
type SizedSource interface {
	RecordSource
	// SizeHint returns about (preferably at least) how many records
	// EachRecord gives for the period.
	SizeHint(ctx context.Context, from, to string) (int, error)
}

// EncodedSource is a RecordSource that keeps the records of its documents
// encoded by AppendDocument, so that Read adds a stored document in one
// step (Builder.AddDocument).
type EncodedSource interface {
	RecordSource
	// EachEncoded calls doc with the encoding of every stored document
	// published within [from, to] that has one, and rec with every record
	// of the other documents, as EachRecord does, stopping at the first
	// error either returns. An encoding may be kept.
	EachEncoded(ctx context.Context, from, to string, doc func(data string) error, rec func(*Record) error) error
}

// VersionedSource is a RecordSource that tells when its records change, so
// that a reader may keep a Comparison of them until they do.
type VersionedSource interface {
	RecordSource
	// Version returns a number that changes whenever records are added
	// or removed.
	Version(ctx context.Context) (int64, error)
}

// ReadAll collects every record of src published within [from, to],
// with bounds of their own (a source may reuse a record's).
func ReadAll(ctx context.Context, src RecordSource, from, to string) ([]Record, error) {
	var out []Record
	if s, ok := src.(SizedSource); ok {
		n, err := s.SizeHint(ctx, from, to)
		if err != nil {
			return nil, err
		}
		out = make([]Record, 0, n)
	}
	err := src.EachRecord(ctx, from, to, func(r *Record) error {
		out = append(out, *r)
		c := &out[len(out)-1]
		if c.Low != nil {
			c.Low = doc.Float(*c.Low)
		}
		if c.High != nil {
			c.High = doc.Float(*c.High)
		}
		return nil
	})
	return out, err
}

// RecordsFromAnalysis returns the records of one analysed document: one per
// claim, and one without a metric for each event that has no claim.
func RecordsFromAnalysis(a *doc.Analysis) []Record {
	d := a.Document
	ents := make(map[string]*doc.Entity, len(a.Entities))
	var outletSide doc.Party
	for i := range a.Entities {
		e := &a.Entities[i]
		ents[e.ID] = e
		if e.Kind == doc.KindOutlet && outletSide == "" && d.Outlet != "" && strings.EqualFold(e.Name, d.Outlet) {
			outletSide = e.Side
		}
	}
	events := make(map[string]*Event, len(a.Events))
	hasClaim := make(map[string]bool, len(a.Events))
	for _, e := range a.Events {
		ev := &Event{ID: e.ID, Type: e.Type, From: e.From, To: e.To, Actors: e.Actors}
		switch e.DateSource {
		case doc.DateFromText:
			ev.Dated = ev.From != ""
		case doc.DateFromPublished:
		default:
			ev.Dated = DatedGuess(ev.From, ev.To, d.Published)
		}
		for _, p := range e.Places {
			if pe := ents[p]; pe != nil {
				ev.Places = append(ev.Places, Place{Name: pe.Name, Geo: pe.Geo})
			}
		}
		events[e.ID] = ev
	}
	out := make([]Record, 0, len(a.Claims)+len(a.Events))
	for _, c := range a.Claims {
		r := Record{
			Document: d.ID, Outlet: d.Outlet, Published: d.Published, Claim: c.ID,
			Metric: c.Metric, Low: c.Low, High: c.High, Approx: c.Approx, Unit: c.Unit,
			About: c.About, Side: c.Side, Via: c.Via, Evidence: c.Evidence, Hedged: c.Hedged,
			Total: c.Total, Increment: c.Increment, Breakdown: c.Breakdown != "", Partial: c.Partial, DeniedBy: c.DeniedBy,
			Start: c.Start, Text: c.Text, Event: events[c.Event],
		}
		r.Speaker = SpeakerName(&c, ents[c.Speaker])
		if r.Side == "" && c.Speaker == "" && c.DeniedBy == "" {
			r.Side = outletSide // the outlet's own statement (not a figure it reports denied)
		}
		if c.Event != "" {
			hasClaim[c.Event] = true
		}
		out = append(out, r)
	}
	for _, e := range a.Events {
		if hasClaim[e.ID] {
			continue
		}
		out = append(out, Record{Document: d.ID, Outlet: d.Outlet, Published: d.Published,
			Side: outletSide, Start: startOf(e), Event: events[e.ID]})
	}
	return out
}

// SpeakerName returns the name of a claim's source, given its speaker
// entity (nil when it has none): the entity's name, or the words of a
// source that the text names without being an entity of its own but that
// stands on a side ("Kyrgyzstan's health ministry", "users of Tajik social
// networks"), without a leading article. It is empty for the outlet's own
// figures and for sources of no side ("officials said"), which go by the
// outlet.
func SpeakerName(c *doc.Claim, speaker *doc.Entity) string {
	switch {
	case speaker != nil:
		return speaker.Name
	case c.Speaker == "" && c.Side != "" && c.SpeakerText != "":
		t := strings.TrimRight(c.SpeakerText, ",;:—– ")
		for _, a := range []string{"the ", "The ", "a ", "A ", "an ", "An ", "в ", "В ", "во ", "Во "} {
			t = strings.TrimPrefix(t, a) // "в Министерстве здравоохранения": the ministry
		}
		return t
	}
	return ""
}

func startOf(e doc.Event) int {
	if len(e.Mentions) > 0 {
		return e.Mentions[0].Start
	}
	return 0
}

// DatedGuess reports whether an event dated from..to in a document
// published on the given date is dated by its text: it is not when it has
// no date or only the publication date. Stores that do not keep an event's
// date source use it to set Event.Dated.
func DatedGuess(from, to, published string) bool {
	if from == "" {
		return false
	}
	return !(from == published && (to == "" || to == published))
}
