package doc

// Attribution kinds.
const (
	AttrDirect      = "direct"
	AttrIndirect    = "indirect"
	AttrAccordingTo = "according_to"
	AttrMixed       = "mixed"
)

// Attribution is a report of what someone said: who (Source, resolved to
// the entity Speaker), how (Cue) and what (Content).
type Attribution struct {
	ID      string   `json:"id"`
	Speaker string   `json:"speaker,omitempty"`
	Source  *Mention `json:"source"`
	Cue     *Mention `json:"cue"`
	Content Span     `json:"content"`
	Kind    string   `json:"kind"`
	// Via lists the attributions this one reaches the article through,
	// outermost first.
	Via    []string `json:"via"`
	Hedged bool     `json:"hedged"`
	// Evidence says what the speaker offers in support: EvidenceNoneGiven
	// ("did not provide any evidence"), EvidenceCited ("photos and videos",
	// "official statistics") or EvidenceUnknown.
	Evidence string `json:"evidence"`
}

// Span returns the byte range of the attribution's content.
func (at Attribution) Span() Span { return at.Content }
