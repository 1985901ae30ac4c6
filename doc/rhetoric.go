package doc

// Rhetoric is a span that uses a propaganda technique (SemEval-2020 Task 11
// taxonomy, named as in DESIGN.md: "loaded_language", "name_calling", ...).
type Rhetoric struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Technique string `json:"technique"`
	// Score is the model's confidence in the technique, from 0 to 1.
	Score float64 `json:"score"`
	// Why names the evidence that weighed most for the technique, strongest
	// first: words ("word \"bandits\""), their context, cue lists
	// ("name_calling cue") and the sentence ("question").
	Why []string `json:"why,omitempty"`
}

// Span returns the technique's byte range.
func (r Rhetoric) Span() Span { return Span{r.Start, r.End} }

// RhetoricSummary counts a document's techniques: by spans and by the share
// of sentences that use them.
type RhetoricSummary struct {
	// Spans is the number of technique spans.
	Spans int `json:"spans"`
	// Sentences is the number of sentences of the document.
	Sentences int `json:"sentences"`
	// SentencesWithTechnique is the number of sentences with at least one
	// technique, and SentenceShare their share of all sentences.
	SentencesWithTechnique int     `json:"sentences_with_technique"`
	SentenceShare          float64 `json:"sentence_share"`
	// Techniques lists the techniques found, most spans first.
	Techniques []TechniqueCount `json:"techniques"`
	// NotAssessed says why the document's rhetoric was not looked for
	// (its language is not one the model reads); empty when it was.
	NotAssessed string `json:"not_assessed,omitempty"`
}

// TechniqueCount is how often one technique is used in a document.
type TechniqueCount struct {
	Technique string `json:"technique"`
	// Spans is the number of spans with the technique.
	Spans int `json:"spans"`
	// Sentences is the number of sentences where a span with the technique
	// starts, and SentenceShare their share of all sentences.
	Sentences     int     `json:"sentences"`
	SentenceShare float64 `json:"sentence_share"`
}
