// Package claim finds claims (a figure joined to what it measures, whom it is about and who states it) and the events they belong to.
package claim

import "github.com/parallaxnews/parallax/doc"

// Annotator adds the claim layer to an analysis. It is safe for concurrent use.
type Annotator struct{}

// New returns an Annotator with the embedded language resources.
func New() (*Annotator, error) { return &Annotator{}, nil }

// Annotate fills the claim layer of a, reading the layers before it.
func (an *Annotator) Annotate(a *doc.Analysis) {}
