// Package timex finds time expressions (dates, ranges, seasons, decades, relative expressions) resolved to intervals of dates.
package timex

import "github.com/parallaxnews/parallax/doc"

// Annotator adds the timex layer to an analysis. It is safe for concurrent use.
type Annotator struct{}

// New returns an Annotator with the embedded language resources.
func New() (*Annotator, error) { return &Annotator{}, nil }

// Annotate fills the timex layer of a, reading the layers before it.
func (an *Annotator) Annotate(a *doc.Analysis) {}
