package doc

// Evidence values of a claim.
const (
	EvidenceNoneGiven = "none_given"
	EvidenceCited     = "cited"
	EvidenceUnknown   = "unknown"
)

// Units of a claim that counts people of one kind ("at least 10
// civilians", "including 26 servicemen"): a toll of them is a part of a
// toll of all the dead.
const (
	KindCivilians  = "civilians"
	KindServicemen = "servicemen"
)

// PeopleKind reports whether unit is a kind of people that a figure counts
// alone (KindCivilians, KindServicemen): a part of a toll of everyone.
func PeopleKind(unit string) bool {
	return unit == KindCivilians || unit == KindServicemen
}

// Claim is a figure joined to what it measures (Metric), whom it is about,
// who states it and on what evidence.
type Claim struct {
	ID      string   `json:"id"`
	Metric  string   `json:"metric"`
	Low     *float64 `json:"low"`
	High    *float64 `json:"high"`
	About   Party    `json:"about"`
	Speaker string   `json:"speaker,omitempty"`
	// SpeakerText is the source of the attribution that holds the figure,
	// as the text names it ("users of Tajik social networks"); Speaker is
	// left empty when that source is not the entity it mentions.
	SpeakerText string   `json:"speaker_text,omitempty"`
	Side        Party    `json:"side"`
	Via         []string `json:"via"`
	Event       string   `json:"event,omitempty"`
	Evidence    string   `json:"evidence"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Text        string   `json:"text"`
	// Approx and Unit are those of the figure ("about", "people"); a
	// figure of people of one kind has that kind as its unit
	// (KindCivilians, KindServicemen).
	Approx string `json:"approx,omitempty"`
	Unit   string `json:"unit,omitempty"`
	// Hedged is set when the figure is reported with a hedge ("allegedly",
	// "reportedly") or through a hedging attribution.
	Hedged bool `json:"hedged"`
	// Attribution is the innermost attribution whose content holds the
	// figure, when there is one.
	Attribution string `json:"attribution,omitempty"`
	// Breakdown is the claim this one is a part of ("19, including six
	// soldiers": the six is a breakdown of the 19). A breakdown must not be
	// added to its total.
	Breakdown string `json:"breakdown,omitempty"`
	// Total is set for running totals and updates ("the death toll rose to
	// 59"): the figure replaces earlier ones rather than adding to them.
	Total bool `json:"total,omitempty"`
	// Increment is set for figures that add to an earlier one ("12 more
	// bodies", "another five died").
	Increment bool `json:"increment,omitempty"`
	// Partial is set for a figure of a part of an event's toll only: one
	// incident or one place ("nine people were killed when a drone struck
	// the mosque", "47 … in the Batken region alone"), or the wounded
	// still in hospital ("31 people remain in hospitals"); not a toll of
	// the event.
	Partial bool `json:"partial,omitempty"`
	// DeniedBy is the party whose source rejects the figure, when the
	// claim is what a denial reports of its author ("Bishkek rejected the
	// statement by the Tajik minister that …": TJ's claim, denied by KG).
	DeniedBy Party `json:"denied_by,omitempty"`
}

// Date sources of an event.
const (
	DateFromText      = "text"
	DateFromPublished = "published"
)

// Event is something that happened, with the claims made about it.
type Event struct {
	ID     string   `json:"id"`
	Type   string   `json:"type"`
	From   string   `json:"from,omitempty"`
	To     string   `json:"to,omitempty"`
	Places []string `json:"places"`
	Actors []Party  `json:"actors"`
	Claims []string `json:"claims"`
	// ACLED is the ACLED event type the event falls under ("Battles",
	// "Explosions/Remote violence", "Violence against civilians", "Protests",
	// "Strategic developments"), when one fits.
	ACLED string `json:"acled,omitempty"`
	// DateSource says where From and To come from: DateFromText (the times
	// layer) or DateFromPublished (the document's publication date, for lack
	// of a date in the text).
	DateSource string `json:"date_source,omitempty"`
	// Mentions are the words that report the event ("clashes", "fighting").
	Mentions []Mention `json:"mentions"`
}
