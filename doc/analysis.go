package doc

// Analysis is everything Parallax extracted from one document, one layer per
// pipeline stage. Later layers refer to earlier ones by ID (entities "e1",
// attributions "a1", claims "c1", events "v1"). Layers are never nil once
// made by NewAnalysis, so that they encode as [] rather than null.
type Analysis struct {
	Document     Document      `json:"document"`
	Sentences    []Span        `json:"sentences"`
	Entities     []Entity      `json:"entities"`
	Times        []Time        `json:"times"`
	Quantities   []Quantity    `json:"quantities"`
	Attributions []Attribution `json:"attributions"`
	Claims       []Claim       `json:"claims"`
	Events       []Event       `json:"events"`
	Rhetoric     []Rhetoric    `json:"rhetoric"`
	// RhetoricSummary counts the techniques of the rhetoric layer.
	RhetoricSummary *RhetoricSummary `json:"rhetoric_summary,omitempty"`
}

// NewAnalysis returns an analysis of d with every layer present and empty.
func NewAnalysis(d Document) *Analysis {
	return &Analysis{
		Document:     d,
		Sentences:    []Span{},
		Entities:     []Entity{},
		Times:        []Time{},
		Quantities:   []Quantity{},
		Attributions: []Attribution{},
		Claims:       []Claim{},
		Events:       []Event{},
		Rhetoric:     []Rhetoric{},
	}
}

// Text returns the text of span s of the analysed document.
func (a *Analysis) Text(s Span) string { return a.Document.Text[s.Start:s.End] }
