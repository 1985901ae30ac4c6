package web

import (
	"context"

	"github.com/parallaxnews/parallax/doc"
)

// Comparer answers the questions that span documents: the figures each
// side gives for an event, what one side reports and another leaves out,
// and the order of events. The compare package satisfies it (through a
// small adapter where its types differ); until then the server answers
// those views with 501 Not Implemented.
type Comparer interface {
	// Compare returns the events matching f, each with the figures every
	// side gives, most recent event first.
	Compare(ctx context.Context, f Filter) ([]EventComparison, error)
	// Silences returns what some side reports and another side does not.
	Silences(ctx context.Context, f Filter) ([]Silence, error)
	// Timeline returns the events matching f in date order.
	Timeline(ctx context.Context, f Filter) ([]TimelineEntry, error)
}

// Filter selects what the cross-document views cover; a zero field does not
// filter.
type Filter struct {
	Event  string    `json:"event,omitempty"`  // one event ID
	Side   doc.Party `json:"side,omitempty"`   // one side's claims or silences
	Outlet string    `json:"outlet,omitempty"` // documents of one outlet
	From   string    `json:"from,omitempty"`   // events on or after, YYYY-MM-DD
	To     string    `json:"to,omitempty"`     // events on or before, YYYY-MM-DD
}

// EventComparison is one event grouped across documents, with the figures
// each side gives for it.
type EventComparison struct {
	Event   string      `json:"event"` // ID of the grouped event
	Type    string      `json:"type"`
	Title   string      `json:"title,omitempty"` // a short human label ("Batken clashes")
	From    string      `json:"from,omitempty"`
	To      string      `json:"to,omitempty"`
	Places  []string    `json:"places"` // place names
	Sides   []doc.Party `json:"sides"`  // the sides involved, in column order
	Figures []Figure    `json:"figures"`
}

// Figure is what one side claims for one metric of an event, summed up over
// the claims that state it.
type Figure struct {
	Metric string    `json:"metric"`
	Side   doc.Party `json:"side"`
	Low    *float64  `json:"low"`
	High   *float64  `json:"high"`
	Approx string    `json:"approx,omitempty"`
	// Flags mark what a reader should check: "contradicted" (another side
	// gives a figure that does not overlap), "no_evidence" (no claim cites
	// evidence), "single_source", "changed_over_time".
	Flags  []string   `json:"flags"`
	Claims []ClaimRef `json:"claims"`
}

// ClaimRef points at one claim of one stored document.
type ClaimRef struct {
	Document string `json:"document"`
	Claim    string `json:"claim"`
}

// Silence is something one side reports about an event that another side
// (Silent) does not mention in any of its statements.
type Silence struct {
	Event      string      `json:"event"`
	Silent     doc.Party   `json:"silent"`
	Metric     string      `json:"metric"`
	ReportedBy []doc.Party `json:"reported_by"`
	Note       string      `json:"note,omitempty"`
	Claims     []ClaimRef  `json:"claims"`
}

// TimelineEntry is one event on the timeline.
type TimelineEntry struct {
	Event     string      `json:"event"`
	Type      string      `json:"type"`
	From      string      `json:"from"`
	To        string      `json:"to,omitempty"`
	Title     string      `json:"title,omitempty"`
	Sides     []doc.Party `json:"sides"`
	Documents []string    `json:"documents"`
	Claims    int         `json:"claims"` // how many claims are about it
}
