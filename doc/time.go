package doc

// Time granularities.
const (
	GranularityDay     = "day"
	GranularityMonth   = "month"
	GranularitySeason  = "season"
	GranularityYear    = "year"
	GranularityDecade  = "decade"
	GranularityWeek    = "week"
	GranularityQuarter = "quarter"
	GranularityCentury = "century"
)

// Time is a time expression resolved to an inclusive interval of dates.
// From and To are YYYY-MM-DD; either may be empty for an open-ended
// interval ("since the 1950s" has no To).
//
// A range whose end is a whole month, season, quarter or year ("from May
// to September", "2014-2018") ends, in To, on the first day of that last
// unit, as Microsoft Recognizers-Text and TIMEX3 resolve it; Through then
// holds the last day of that unit (the reading "through September"), and
// consumers wanting the widest inclusive reading should prefer Through
// when it is set.
type Time struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	From        string `json:"from,omitempty"`
	To          string `json:"to,omitempty"`
	Through     string `json:"through,omitempty"`
	Granularity string `json:"granularity"`
	Approx      bool   `json:"approx"`
	// Relative marks an expression resolved against the publication date
	// ("yesterday", "last year"); without one it keeps no From and To.
	Relative bool `json:"relative,omitempty"`
}

// Span returns the expression's byte range.
func (t Time) Span() Span { return Span{t.Start, t.End} }
