// Package claim finds claims (a figure joined to what it measures, whom it
// is about and who states it) and the events they belong to.
//
// A claim starts from a figure of the quantities layer. Its metric comes
// from the nearest metric word around it in the sentence ("63 people
// died", "the death toll was 39"), never reaching past another figure; a
// figure introduced by "of which" or "including" is a breakdown of the one
// before. Whom it is about is the nearest party named around it (a
// country, a demonym, a place with its country), else the speaker's side.
// Speaker, side, chain, hedge and evidence come from the innermost
// attribution that holds the figure, else from the document's outlet.
// Events are found from event words, merged by type and date, dated from
// the times layer or else the publication date.
package claim

import (
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

// Annotator adds the claims and events layers to an analysis. It is safe
// for concurrent use.
type Annotator struct {
	lx *lexicon
}

// New returns an Annotator with the embedded language resources.
func New() (*Annotator, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Annotator{lx: lx}, nil
}

// Annotate fills the claims and events layers of a, reading the layers
// before them.
func (an *Annotator) Annotate(a *doc.Analysis) {
	s := newState(an.lx, a)
	a.Claims = s.claims()
	a.Events = s.events(a.Claims)
}

// word is one token of the text.
type word struct {
	start, end int
	sent       int // index of the sentence
}

// state is the working memory of one Annotate call.
type state struct {
	lx    *lexicon
	a     *doc.Analysis
	text  string
	words []word
	lows  []string
	sents [][2]int // word range of each sentence
	qword []int    // quantity index → first word, -1 when skipped
	qend  []int    // quantity index → word after it
	isQ   []int    // word → quantity index + 1, 0 when none
	marks []partyMark
	// sentEnts lists, for each sentence, the entities mentioned in it.
	sentEnts [][]int
}

// partyMark is a mention that names a party.
type partyMark struct {
	word, end int // word range
	party     doc.Party
}

func newState(lx *lexicon, a *doc.Analysis) *state {
	s := &state{lx: lx, a: a, text: a.Document.Text}
	var toks []segment.Token
	for si, sent := range a.Sentences {
		b := len(s.words)
		toks = segment.AppendTokens(toks[:0], s.text, sent.Start, sent.End)
		for _, t := range toks {
			s.words = append(s.words, word{t.Start, t.End, si})
			s.lows = append(s.lows, lower(s.text[t.Start:t.End]))
		}
		s.sents = append(s.sents, [2]int{b, len(s.words)})
	}
	s.isQ = make([]int, len(s.words))
	for qi, q := range a.Quantities {
		b := s.wordAt(q.Start)
		e := s.wordAt(q.End)
		if b >= e || b >= len(s.words) || s.overlapsTime(q.Span()) {
			s.qword = append(s.qword, -1)
			s.qend = append(s.qend, -1)
			continue
		}
		s.qword = append(s.qword, b)
		s.qend = append(s.qend, e)
		for k := b; k < e; k++ {
			s.isQ[k] = qi + 1
		}
	}
	// Party marks: mentions of entities with a side or a country.
	s.sentEnts = make([][]int, len(s.sents))
	for ei, e := range a.Entities {
		p := partyOf(e)
		for _, m := range e.Mentions {
			b, en := s.wordAt(m.Start), s.wordAt(m.End)
			if b >= en || b >= len(s.words) {
				continue
			}
			si := s.words[b].sent
			if l := s.sentEnts[si]; len(l) == 0 || l[len(l)-1] != ei {
				s.sentEnts[si] = append(l, ei)
			}
			if p != "" {
				s.marks = append(s.marks, partyMark{b, en, p})
			}
		}
	}
	sort.Slice(s.marks, func(i, j int) bool { return s.marks[i].word < s.marks[j].word })
	return s
}

// partyOf returns the party an entity's mention names: a country's side,
// a place's country, a group's side.
func partyOf(e doc.Entity) doc.Party {
	switch e.Kind {
	case doc.KindCountry, doc.KindGroup:
		if e.Side != "" {
			return e.Side
		}
		if e.Geo != nil {
			return doc.Party(e.Geo.Country)
		}
	case doc.KindPlace:
		if e.Geo != nil && e.Geo.Country != "" {
			return doc.Party(e.Geo.Country)
		}
		return e.Side
	}
	return ""
}

// wordAt returns the index of the first word that ends after byte off.
func (s *state) wordAt(off int) int {
	return sort.Search(len(s.words), func(k int) bool { return s.words[k].end > off })
}

func (s *state) overlapsTime(sp doc.Span) bool {
	for _, t := range s.a.Times {
		if t.Span().Overlaps(sp) {
			return true
		}
	}
	return false
}

// hard reports whether word k closes off a figure from metric words
// beyond it.
func (s *state) hard(k int) bool {
	switch s.lows[k] {
	case ";", "(", ")", "[", "]", "|", "•", ":":
		return true
	}
	return false
}

// unitOK reports whether a figure's unit can be counted by a claim.
func unitOK(u string) bool {
	switch strings.ToLower(u) {
	case "", "people", "persons", "person", "buildings", "objects", "houses", "homes", "km2", "items", "units", "count":
		return true
	}
	return !strings.ContainsAny(u, "%$€") && !strings.Contains(u, "percent") && !strings.Contains(u, "money") &&
		!strings.Contains(u, "currency") && !strings.Contains(u, "year") && !strings.Contains(u, "day") &&
		!strings.Contains(u, "hour") && !strings.Contains(u, "minute") && !strings.Contains(u, "km") &&
		!strings.Contains(u, "meter") && !strings.Contains(u, "metre") && !strings.Contains(u, "kg") &&
		!strings.Contains(u, "ton") && !strings.Contains(u, "usd") && !strings.Contains(u, "som") &&
		!strings.Contains(u, "ordinal") && !strings.Contains(u, "age")
}

func isArea(u string) bool {
	u = strings.ToLower(u)
	return u == "km2" || u == "km²" || strings.Contains(u, "square") || u == "hectares" || u == "ha"
}

// metricCue is a metric word found in the text.
type metricCue struct {
	word, n int
	metric  string
}

// findMetric returns the metric word that gives quantity qi its meaning.
func (s *state) findMetric(qi int) (metricCue, bool) {
	b, e := s.qword[qi], s.qend[qi]
	sent := s.sents[s.words[b].sent]
	best := metricCue{}
	bestScore := 1e9
	// Inside the figure's own words ("59 deaths", "100 injured").
	for k := b; k < e; k++ {
		if n, m := s.lx.metrics.match(s.lows[:e], k); n > 0 {
			return metricCue{k, n, m}, true
		}
	}
	// Rightwards, unless the figure counts something else first ("41
	// casualties and evacuation of …").
	d := 0
	for k := e; k < sent[1] && k < e+10; k++ {
		if s.isQ[k] != 0 || s.hard(k) {
			break
		}
		if d == 0 && (s.countsOther(k) || s.countsOtherInside(b, e)) {
			break
		}
		if n, m := s.lx.metrics.match(s.lows[:sent[1]], k); n > 0 {
			if float64(d) < bestScore {
				best, bestScore = metricCue{k, n, m}, float64(d)
			}
			break
		}
		if n := s.lx.is("filler", s.lows, k); n > 0 {
			k += n - 1
			continue
		}
		if n := s.lx.is("people", s.lows, k) + s.lx.is("building", s.lows, k); n > 0 && d == 0 {
			continue
		}
		d++
		if s.lows[k] == "," {
			d += 2
		}
		if d > 3 {
			break
		}
	}
	// Leftwards.
	d = 0
	for k := b - 1; k >= sent[0] && k > b-10; k-- {
		if s.isQ[k] != 0 || s.hard(k) {
			break
		}
		// A metric phrase ending at k.
		found := false
		for st := k; st >= sent[0] && st > k-4; st-- {
			if n, m := s.lx.metrics.match(s.lows[:sent[1]], st); n > 0 && st+n-1 == k {
				if float64(d)+0.5 < bestScore {
					best, bestScore = metricCue{st, n, m}, float64(d)+0.5
				}
				found = true
				break
			}
		}
		if found {
			break
		}
		if s.lx.is("filler", s.lows, k) > 0 {
			continue
		}
		d++
		if s.lows[k] == "," {
			d += 2
		}
		if d > 3 {
			break
		}
	}
	return best, bestScore < 1e9
}

// claims returns the claims of the document.
func (s *state) claims() []doc.Claim {
	out := []doc.Claim{}
	lastInSent := map[int]int{} // sentence → index in out of its last claim
	for qi, q := range s.a.Quantities {
		b := s.qword[qi]
		if b < 0 || !unitOK(q.Unit) {
			continue
		}
		e := s.qend[qi]
		if vague(q.Text) {
			continue // "dozens", "hundreds": no figure to compare
		}
		// Footnote marks: "[1]".
		if b > 0 && s.lows[b-1] == "[" && e < len(s.words) && s.lows[e] == "]" {
			continue
		}
		si := s.words[b].sent
		c := doc.Claim{Low: q.Low, High: q.High, Approx: q.Approx, Unit: q.Unit, Via: []string{}, Evidence: doc.EvidenceUnknown}
		span := q.Span()
		cue, ok := s.findMetric(qi)
		noun := s.nounAfter(b, e)
		switch {
		case isArea(q.Unit) || noun == "area":
			c.Metric = "area_km2"
			if ok {
				span = widen(span, s.wordsSpan(cue.word, cue.word+cue.n))
			}
		case ok:
			c.Metric = cue.metric
			span = widen(span, s.wordsSpan(cue.word, cue.word+cue.n))
			if strings.HasPrefix(c.Metric, "buildings_") && noun == "people" {
				continue
			}
			if (c.Metric == "killed" || c.Metric == "injured" || c.Metric == "displaced" || c.Metric == "missing" || c.Metric == "captured") && noun == "building" {
				continue
			}
			if c.Metric == "area_km2" {
				continue // "seized 20 villages" is not an area
			}
		default:
			// A breakdown of the figure before: "of which more than 600".
			pi, has := lastInSent[si]
			if !has || !s.partBefore(b, s.wordAt(out[pi].End)) {
				continue
			}
			c.Metric = out[pi].Metric
			c.Breakdown = out[pi].ID
			if noun == "building" && !strings.HasPrefix(c.Metric, "buildings_") {
				continue
			}
		}
		if c.Breakdown == "" {
			if pi, has := lastInSent[si]; has && out[pi].Metric == c.Metric && s.partBefore(b, s.wordAt(out[pi].End)) {
				c.Breakdown = out[pi].ID
			}
		}
		c.Total = s.totalBefore(b)
		c.Increment = s.moreAround(b, e)
		c.ID = "c" + strconv.Itoa(len(out)+1)
		c.Start, c.End = span.Start, span.End
		c.Text = s.text[span.Start:span.End]
		s.attribute(&c, q.Span())
		c.About = s.about(b, e, c)
		out = append(out, c)
		lastInSent[si] = len(out) - 1
	}
	return out
}

// vague reports whether a figure is a plural of a round number without
// digits ("dozens", "hundreds of").
func vague(text string) bool {
	for _, r := range text {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	t := strings.ToLower(text)
	for _, w := range []string{"dozens", "hundreds", "thousands", "scores", "tens", "several", "many", "millions"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func widen(a, b doc.Span) doc.Span {
	return doc.Span{Start: min(a.Start, b.Start), End: max(a.End, b.End)}
}

func (s *state) wordsSpan(b, e int) doc.Span {
	return doc.Span{Start: s.words[b].start, End: s.words[e-1].end}
}

// countsOther reports whether word k, right after a figure, is a noun the
// figure counts that no metric or noun list knows: a lower-case word that
// is not an adverb.
func (s *state) countsOther(k int) bool {
	w := s.lows[k]
	if s.lx.is("filler", s.lows, k) > 0 || s.lx.is("people", s.lows, k) > 0 || s.lx.is("building", s.lows, k) > 0 {
		return false
	}
	if n, _ := s.lx.metrics.match(s.lows, k); n > 0 {
		return false
	}
	if strings.HasSuffix(w, "ly") || w == "," || w == "and" {
		return false
	}
	if k+1 < len(s.lows) && (s.lx.is("people", s.lows, k+1) > 0 || s.lx.is("building", s.lows, k+1) > 0) {
		return false // an adjective before the counted noun
	}
	r := s.text[s.words[k].start]
	return r >= 'a' && r <= 'z'
}

// countsOtherInside reports whether the figure's own words [b,e) hold a
// noun it counts that no list knows ("41 casualties").
func (s *state) countsOtherInside(b, e int) bool {
	last := b
	for k := b; k < e; k++ {
		if strings.ContainsAny(s.lows[k], "0123456789") {
			last = k
		}
	}
	// The head noun is the last word of the figure.
	return e-1 > last && s.countsOther(e-1)
}

// nounAfter returns the class of the noun a figure counts ("people",
// "building", "area"), or "".
func (s *state) nounAfter(b, e int) string {
	for k := b + 1; k < len(s.words) && k < e+3; k++ {
		for _, class := range []string{"area", "building", "people"} {
			if s.lx.is(class, s.lows, k) > 0 {
				return class
			}
		}
		if s.isQ[k] != 0 || s.hard(k) {
			break
		}
	}
	return ""
}

// partBefore reports whether a "part" phrase ("of which", "including")
// stands between word from and word b.
func (s *state) partBefore(b, from int) bool {
	for k := from; k < b; k++ {
		if s.lx.is("part", s.lows, k) > 0 {
			return true
		}
	}
	return false
}

// totalBefore reports whether a running-total phrase ("rose to") ends just
// before word b.
func (s *state) totalBefore(b int) bool {
	for k := b - 1; k >= 0 && k >= b-3; k-- {
		if n := s.lx.is("total", s.lows, k); n > 0 && k+n >= b-1 {
			return true
		}
	}
	return false
}

// moreAround reports whether the figure at words [b,e) adds to an earlier
// one: "12 more", "another 5".
func (s *state) moreAround(b, e int) bool {
	for k := b + 1; k <= e && k < len(s.words); k++ {
		if s.lows[k] == "more" || s.lows[k] == "additional" {
			return k == e || k == b+1 || s.lows[k-1] != "than"
		}
	}
	return b > 0 && (s.lows[b-1] == "another" || s.lows[b-1] == "additional")
}

// attribute sets who states the claim: the innermost attribution whose
// content holds the figure, else the document's outlet.
func (s *state) attribute(c *doc.Claim, q doc.Span) {
	best := -1
	for i, at := range s.a.Attributions {
		if !at.Content.Contains(q) {
			continue
		}
		if best < 0 || at.Content.Len() < s.a.Attributions[best].Content.Len() {
			best = i
		}
	}
	if best < 0 {
		if e := s.outlet(); e != nil {
			c.Speaker, c.Side = e.ID, e.Side
		}
		c.Hedged = s.hedgeNear(q)
		return
	}
	at := s.a.Attributions[best]
	c.Attribution = at.ID
	c.Speaker = at.Speaker
	if e := s.entity(at.Speaker); e != nil {
		c.Side = e.Side
		if c.Side == "" {
			c.Side = partyOf(*e)
		}
	}
	if c.Side == "" && at.Source != nil {
		// A source that names a party without an entity of its own.
		for _, m := range s.marks {
			if sp := s.wordsSpan(m.word, m.end); at.Source.Span().Contains(sp) {
				c.Side = m.party
			}
		}
	}
	for _, id := range at.Via {
		for _, o := range s.a.Attributions {
			if o.ID == id && o.Source != nil {
				c.Via = append(c.Via, o.Source.Text)
			}
		}
	}
	if at.Evidence != "" {
		c.Evidence = at.Evidence
	}
	c.Hedged = at.Hedged || s.hedgeNear(q)
}

// hedgeNear reports whether a hedge adverb stands within three words of
// the figure.
func (s *state) hedgeNear(q doc.Span) bool {
	b, e := s.wordAt(q.Start), s.wordAt(q.End)
	for k := max(0, b-3); k < len(s.words) && k < e+3; k++ {
		switch s.lows[k] {
		case "allegedly", "reportedly", "presumably", "purportedly", "supposedly", "unconfirmed":
			return true
		}
	}
	return false
}

func (s *state) entity(id string) *doc.Entity {
	if id == "" {
		return nil
	}
	for i := range s.a.Entities {
		if s.a.Entities[i].ID == id {
			return &s.a.Entities[i]
		}
	}
	return nil
}

// outlet returns the entity of the document's outlet, when the entities
// layer has one.
func (s *state) outlet() *doc.Entity {
	name := strings.ToLower(s.a.Document.Outlet)
	if name == "" {
		return nil
	}
	for i, e := range s.a.Entities {
		if e.Kind == doc.KindOutlet && strings.ToLower(e.Name) == name {
			return &s.a.Entities[i]
		}
	}
	return nil
}

// about returns the party a figure at words [b,e) is about: the nearest
// party named in its clause, except as a doer ("by Tajikistan",
// "Tajikistan's aggression") or a speaker; else the claim's side for
// losses; "" for both sides or when unknown.
func (s *state) about(b, e int, c doc.Claim) doc.Party {
	si := s.words[b].sent
	sent := s.sents[si]
	for k := sent[0]; k < sent[1]; k++ {
		if n := s.lx.is("both", s.lows, k); n > 0 && (k >= b-8 && k <= e+8) {
			return ""
		}
	}
	var srcSpans []doc.Span
	for _, at := range s.a.Attributions {
		if at.Source != nil && at.ID == c.Attribution {
			srcSpans = append(srcSpans, at.Source.Span())
		}
	}
	best := doc.Party("")
	bestScore := 1 << 30
	for _, m := range s.marks {
		if m.word < sent[0] || m.word >= sent[1] {
			continue
		}
		sp := s.wordsSpan(m.word, m.end)
		inSource := false
		for _, ss := range srcSpans {
			inSource = inSource || ss.Contains(sp)
		}
		if inSource || s.doer(m) {
			continue
		}
		score := 0
		lo, hi := m.end, b
		if m.word >= e {
			lo, hi = e, m.word
		}
		for k := lo; k < hi; k++ {
			switch {
			case s.isQ[k] != 0 && (k == lo || s.isQ[k-1] != s.isQ[k]):
				score += 2
			case s.lows[k] == ";" || s.hard(k):
				score += 20
			case s.lows[k] == "," && k+1 < len(s.lows) && s.lows[k+1] == "and":
				score += 20
			default:
				score++
			}
		}
		if score < bestScore {
			best, bestScore = m.party, score
		}
	}
	if bestScore <= 15 {
		return best
	}
	if p := s.column(b); p != "" {
		return p
	}
	switch c.Metric {
	case "killed", "injured", "missing", "displaced", "buildings_destroyed", "buildings_damaged":
		return c.Side
	}
	return ""
}

// doer reports whether a party mark names the doer rather than the party
// a figure is about: a possessive ("Tajikistan's aggression"), after "by"
// or "from", or part of a hyphenated pair ("Kyrgyz-Tajik border").
func (s *state) doer(m partyMark) bool {
	last := s.lows[m.end-1]
	if strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "s'") {
		return true
	}
	if m.end < len(s.lows) {
		switch s.lows[m.end] {
		case "'s", "-", "–", "has", "have", "had", "will", "would", "intends", "attacked", "shelled", "seized", "occupied":
			return true // a possessive, a compound or the subject of a verb
		}
	}
	if m.word > 0 {
		if p := s.lows[m.word-1]; p == "-" || p == "–" || s.lx.is("not-about", s.lows, m.word-1) > 0 {
			return true
		}
	}
	sp := s.wordsSpan(m.word, m.end)
	if sp.End < len(s.text) && (s.text[sp.End] == '-' || strings.HasPrefix(s.text[sp.End:], "–")) {
		return true
	}
	return sp.Start > 0 && (s.text[sp.Start-1] == '-' || strings.HasSuffix(s.text[:sp.Start], "–"))
}

// column returns the party of the table column that holds word k, for
// tables flattened to text with "|" between cells (infoboxes): a line
// naming two parties between pipes ("Kyrgyzstan | Tajikistan |") heads the
// columns, and the following cells that hold figures take them in turn; a
// cell without a digit (a section title) starts a new row.
func (s *state) column(k int) doc.Party {
	off := s.words[k].start
	// The header: the nearest line before off with two party marks and
	// pipes only between them.
	lineStart := strings.LastIndexByte(s.text[:off], '\n') + 1
	for ls := lineStart; ls > 0; {
		prev := strings.LastIndexByte(s.text[:ls-1], '\n') + 1
		line := s.text[prev : ls-1]
		if !strings.Contains(line, "|") {
			return "" // the table ends above the figure
		}
		if cols := s.headerParties(prev, ls-1); len(cols) >= 2 {
			// Count the cells with figures from the header to off.
			idx := 0
			cells := strings.Split(s.text[ls:off], "|")
			for _, cell := range cells[:len(cells)-1] {
				if strings.TrimSpace(cell) == "" {
					continue
				}
				if !strings.ContainsAny(cell, "0123456789") {
					idx = 0
					continue
				}
				idx++
			}
			return cols[idx%len(cols)]
		}
		ls = prev
	}
	return ""
}

// headerParties returns the parties of a header line text[b:e] made only
// of party names and pipes.
func (s *state) headerParties(b, e int) []doc.Party {
	var out []doc.Party
	rest := s.text[b:e]
	for _, m := range s.marks {
		sp := s.wordsSpan(m.word, m.end)
		if sp.Start < b || sp.End > e {
			continue
		}
		out = append(out, m.party)
		rest = strings.Replace(rest, s.text[sp.Start:sp.End], "", 1)
	}
	if strings.Trim(rest, "| \t") != "" {
		return nil
	}
	return out
}
