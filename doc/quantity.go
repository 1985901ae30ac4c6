package doc

// Approximation kinds of a figure.
const (
	ApproxExact    = "exact"
	ApproxAbout    = "about"
	ApproxMoreThan = "more_than"
	ApproxLessThan = "less_than"
	ApproxAtLeast  = "at_least"
	ApproxUpTo     = "up_to"
	ApproxRange    = "range"
)

// Quantity is a figure stated in the text. Low and High bound the value as
// the text states it: "about 200" is 200..200 approx "about", "more than
// 600" is 600..nil, "up to 50" is nil..50. A nil bound is open.
type Quantity struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"text"`
	Low    *float64 `json:"low"`
	High   *float64 `json:"high"`
	Approx string   `json:"approx"`
	Unit   string   `json:"unit,omitempty"`
	// UnitText is the unit as the text words it ("residential buildings",
	// "sq km"); UnitStart and UnitEnd are its byte span. All three are empty
	// when the figure has no unit.
	UnitText  string `json:"unit_text,omitempty"`
	UnitStart int    `json:"unit_start,omitempty"`
	UnitEnd   int    `json:"unit_end,omitempty"`
	// Vague marks a count stated without a figure ("dozens", "thousands of"):
	// by convention its Low is twice the named order (dozens 24, hundreds
	// 200, tens of thousands 20000) and its High is open.
	Vague bool `json:"vague,omitempty"`
}

// Span returns the figure's byte range.
func (q Quantity) Span() Span { return Span{q.Start, q.End} }

// Float returns a pointer to v, for the bounds of figures.
func Float(v float64) *float64 { return &v }
