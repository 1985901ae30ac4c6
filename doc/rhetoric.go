package doc

// Rhetoric is a span that uses a propaganda technique (SemEval-2020 Task 11
// taxonomy, named as in DESIGN.md: "loaded_language", "name_calling", ...).
type Rhetoric struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Technique string `json:"technique"`
}
