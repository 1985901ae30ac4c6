package doc

// Evidence values of a claim.
const (
	EvidenceNoneGiven = "none_given"
	EvidenceCited     = "cited"
	EvidenceUnknown   = "unknown"
)

// Claim is a figure joined to what it measures (Metric), whom it is about,
// who states it and on what evidence.
type Claim struct {
	ID       string   `json:"id"`
	Metric   string   `json:"metric"`
	Low      *float64 `json:"low"`
	High     *float64 `json:"high"`
	About    Party    `json:"about"`
	Speaker  string   `json:"speaker,omitempty"`
	Side     Party    `json:"side"`
	Via      []string `json:"via"`
	Event    string   `json:"event,omitempty"`
	Evidence string   `json:"evidence"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
}

// Event is something that happened, with the claims made about it.
type Event struct {
	ID     string   `json:"id"`
	Type   string   `json:"type"`
	From   string   `json:"from,omitempty"`
	To     string   `json:"to,omitempty"`
	Places []string `json:"places"`
	Actors []Party  `json:"actors"`
	Claims []string `json:"claims"`
}
