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
//
// A figure's metric may also stand far from it: after the modifiers of
// the counted noun ("35 citizens of X, among them women, were killed"), in
// the subject of a running total ("the number of citizens killed … has
// risen to 36"), or left out in a repeated frame ("of 24 dead; …, of 31").
// A count after a possessive ("her three grandchildren"), an age, or a
// figure that is the object of a preposition after the metric word ("fled
// with three children") is no claim. Soldiers killed are metric killed,
// like civilians (DESIGN.md's military_losses is equipment: "12 tanks"): the
// dev gold counts "21 servicemen killed" as killed, and a side's total
// must stay comparable with the other's. A source that names a state only
// by a demonym ("users of Tajik social networks") takes its side but not
// its identity (Speaker empty, SpeakerText the source); a government body
// named without a country takes the side of the outlet, whose side is the
// outlet entity's or that of a place it is named after ("Batken Herald").
package claim

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	s.headlineSources(a.Claims)
	s.deniedAfter(a.Claims)
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
	// qs are the figures claims are made of: the quantities found, and a
	// victim named in the singular (singles).
	qs    []doc.Quantity
	qword []int // quantity index → first word, -1 when skipped
	qend  []int // quantity index → word after it
	isQ   []int // word → quantity index + 1, 0 when none
	marks []partyMark
	// sentEnts lists, for each sentence, the entities mentioned in it.
	sentEnts [][]int
	// datelines holds where each dateline's head ends ("BISHKEK," …).
	datelines []int
	// parties lists the parties of the marks, each once.
	parties []doc.Party
	// hedged tells, for each sentence, whether a hedge scopes over it
	// ("Reportedly, …", "… could not be verified").
	hedged []bool
	// home is the side of the document's outlet, when known.
	home doc.Party
	// author names the body whose statement the document is (statement),
	// whose are the figures it reports as its own; authorID is the
	// body's entity.
	author   *doc.Mention
	authorID string
}

// singles returns qs with a figure of one added for each victim named in
// the singular with "a", "an" or "один" as the subject or object of a verb
// of killing or wounding ("A Tajik border guard was killed", "a 75-year-old
// man was shot dead", "killed a teenager", "ранен один таджикский
// пограничник"), and for "one death", in text order.
// qs is returned as it is when there is none.
func (s *state) singles(qs []doc.Quantity) []doc.Quantity {
	var add []doc.Quantity
	for _, sent := range s.sents {
		for k := sent[0]; k < sent[1]; k++ {
			var verbBefore bool
			switch s.lows[k] {
			case "one":
				// "Tajik officials reported one death": a figure the
				// number finder leaves alone without a unit.
				if k+1 < sent[1] && (s.lows[k+1] == "death" || s.lows[k+1] == "fatality") &&
					!slices.ContainsFunc(qs, func(q doc.Quantity) bool { return q.Start <= s.words[k].start && s.words[k].start < q.End }) {
					add = append(add, s.one(k, k+2))
				}
				continue
			case "a", "an":
				// "allegedly killed a teenager": the victim as the object.
				if k > sent[0] {
					n, m := s.lx.metrics.match(s.lows[:k], k-1)
					w := s.lows[k-1]
					verbBefore = n == 1 && (m == "killed" || m == "injured") && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
				}
			case "один", "одна":
				// "ранен один таджикский пограничник": the verb may come
				// first.
				if k > sent[0] {
					n, m := s.lx.metrics.match(s.lows[:k], k-1)
					verbBefore = n > 0 && (m == "killed" || m == "injured")
				}
			default:
				continue
			}
			if k > sent[0] && !verbBefore {
				switch s.lows[k-1] {
				case ",", ";", ":", "and", "but", "that", "—", "–", "и":
				default:
					continue
				}
			}
			if slices.ContainsFunc(qs, func(q doc.Quantity) bool { return q.Start <= s.words[k].start && s.words[k].start < q.End }) {
				continue // "один военнослужащий": a figure already
			}
			if end, ok := s.singleVictim(k+1, sent[1], verbBefore); ok {
				add = append(add, s.one(k, end))
			}
		}
	}
	if len(add) == 0 {
		return qs
	}
	out := make([]doc.Quantity, 0, len(qs)+len(add))
	for _, q := range qs {
		// A figure inside the victim's words is an age ("A 75-year-old
		// man"), no figure of its own.
		if !slices.ContainsFunc(add, func(a doc.Quantity) bool { return a.Span().Contains(q.Span()) }) {
			out = append(out, q)
		}
	}
	out = append(out, add...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// one returns a figure of one person over words [b,e).
func (s *state) one(b, e int) doc.Quantity {
	st, en := s.words[b].start, s.words[e-1].end
	return doc.Quantity{Start: st, End: en, Text: s.text[st:en], Low: doc.Float(1), High: doc.Float(1), Approx: doc.ApproxExact, Unit: "people"}
}

// single reports whether q is a figure of one that singles made.
func single(q doc.Quantity) bool {
	t := segment.Lower(q.Text)
	return (strings.HasPrefix(t, "a ") || strings.HasPrefix(t, "an ") || strings.HasPrefix(t, "один ") || strings.HasPrefix(t, "одна ")) && q.Unit == "people" &&
		q.Low != nil && *q.Low == 1 && q.High != nil && *q.High == 1
}

// singleVictim returns the end of a person noun of class one-person that
// follows word k after at most four modifiers ("Tajik", "75-year-old":
// words, and hyphens within them) and that a verb of killing or wounding
// follows, after "was", "has been" or "had been" when passive, unless the
// verb came before (verbBefore).
func (s *state) singleVictim(k, end int, verbBefore bool) (int, bool) {
	mods := 0
	for j := k; j < end && mods <= 4; j++ {
		if s.lows[j] == "-" && j > k && s.words[j-1].end == s.words[j].start {
			continue
		}
		if j == k || s.words[j-1].end != s.words[j].start {
			mods++
		}
		if n := s.lx.is("one-person", s.lows, j); n > 0 {
			if verbBefore {
				return j + n, true
			}
			v := j + n
			for v < end && (s.lows[v] == "was" || s.lows[v] == "has" || s.lows[v] == "had" || s.lows[v] == "been" || s.lows[v] == "reportedly") {
				v++
			}
			if cue, m := s.lx.metrics.match(s.lows[:end], v); cue > 0 && (m == "killed" || m == "injured") {
				return j + n, true
			}
			return 0, false
		}
		r, _ := utf8.DecodeRuneInString(s.lows[j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) || s.lows[j] == "of" || s.lows[j] == "and" || s.lows[j] == "who" {
			return 0, false
		}
	}
	return 0, false
}

// partyMark is a mention that names a party.
type partyMark struct {
	word, end int // word range
	party     doc.Party
	place     bool     // a place in the party's country, not the party named
	span      doc.Span // the mention: part of a word in "Kyrgyz-Tajik"
	entity    int      // in Analysis.Entities
}

func newState(lx *lexicon, a *doc.Analysis) *state {
	s := &state{lx: lx, a: a, text: a.Document.Text}
	var toks []segment.Token
	for si, sent := range a.Sentences {
		b := len(s.words)
		toks = segment.AppendTokens(toks[:0], s.text, sent.Start, sent.End)
		for _, t := range toks {
			s.words = append(s.words, word{t.Start, t.End, si})
			s.lows = append(s.lows, segment.Lower(s.text[t.Start:t.End]))
		}
		s.sents = append(s.sents, [2]int{b, len(s.words)})
	}
	s.isQ = make([]int, len(s.words))
	s.qs = s.singles(a.Quantities)
	for qi, q := range s.qs {
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
			b, en := s.wordAt(m.Start), s.wordAt(m.End-1)+1 // en: past the word that ends the mention ("Tajikistan" in "Tajikistan's")
			if b >= en || b >= len(s.words) {
				continue
			}
			if e.Kind == doc.KindPlace {
				if end, ok := dateline(s.text, m.Span()); ok {
					s.datelines = append(s.datelines, end)
					continue
				}
			}
			si := s.words[b].sent
			if l := s.sentEnts[si]; len(l) == 0 || l[len(l)-1] != ei {
				s.sentEnts[si] = append(l, ei)
			}
			if p != "" {
				s.marks = append(s.marks, partyMark{b, en, p, e.Kind == doc.KindPlace, m.Span(), ei})
			}
		}
	}
	sort.Slice(s.marks, func(i, j int) bool { return s.marks[i].word < s.marks[j].word })
	for _, m := range s.marks {
		if !slices.Contains(s.parties, m.party) {
			s.parties = append(s.parties, m.party)
		}
	}
	// A country named only as the nationality of officials is not named
	// as a party.
	s.parties = slices.DeleteFunc(s.parties, s.nationalityOnly)
	s.hedged = make([]bool, len(s.sents))
	for si, sent := range s.sents {
		if s.yesNoQuestion(sent) {
			s.hedged[si] = true // "Did Tajikistan lose 300 soldiers?" asks, asserts nothing
			continue
		}
		for k := sent[0]; k < sent[1]; k++ {
			n := s.lx.is("hedge", s.lows, k)
			if n == 0 {
				continue
			}
			s.hedged[si] = true
			if n > 1 && si > 0 {
				// "The figures could not be verified." hedges the sentence
				// before it too.
				s.hedged[si-1] = true
			}
		}
		if s.noneVerified(sent) {
			// "Neither side's figures could be independently verified."
			s.hedged[si] = true
			if si > 0 {
				s.hedged[si-1] = true
			}
		}
	}
	var party doc.Party
	s.author, s.authorID, party = s.statement()
	if s.home = s.homeSide(); s.home == "" {
		s.home = party
	}
	return s
}

// yesNoQuestion reports whether sentence sent (first and end word) asks
// whether something is so: it ends with a question mark and opens, after
// a label ("FACT CHECK:"), with an auxiliary ("Did Tajikistan lose 300
// soldiers in the fighting?", "Were 137,000 people really evacuated?").
func (s *state) yesNoQuestion(sent [2]int) bool {
	if sent[1]-sent[0] < 3 || s.lows[sent[1]-1] != "?" {
		return false
	}
	first := sent[0]
	for k := first; k < sent[1]-1 && k < first+5; k++ {
		if s.lows[k] == ":" {
			first = k + 1
			break
		}
	}
	switch s.lows[first] {
	case "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "should":
		return true
	}
	return false
}

// statement returns where the first line names the body whose statement
// the document is, by that line ("Statement of the Ministry of Foreign Affairs of the Kyrgyz
// Republic", "Заявление МИД Таджикистана", the body's name over a line
// "Заявление", or a title that credits the body in parentheses at its
// end), and the party that line names first; nil and "" for any other
// document. The mention, and the ID of its organisation entity, are nil
// and "" when no organisation entity names the body.
func (s *state) statement() (author *doc.Mention, authorID string, party doc.Party) {
	end := strings.IndexByte(s.text, '\n')
	if end < 0 {
		end = len(s.text)
	}
	from := 0 // where the line names the body
	line := segment.Lower(strings.TrimSpace(s.text[:end]))
	opens := false
	for _, p := range [...]string{"statement of ", "statement by ", "press release of ", "information of ", "information from ", "заявление ", "сообщение ", "информация "} {
		opens = opens || strings.HasPrefix(line, p)
	}
	if !opens && s.government(line) {
		// The body on a line of its own, then the kind of document:
		// "Министерство иностранных дел Республики Таджикистан" /
		// "Заявление".
		next := strings.TrimLeft(s.text[end:], " \t\r\n")
		if nl := strings.IndexByte(next, '\n'); nl >= 0 {
			next = next[:nl]
		}
		switch strings.TrimRight(segment.Lower(strings.TrimSpace(next)), ".:") {
		case "statement", "press release", "заявление", "сообщение", "информационное сообщение", "пресс-релиз":
			opens = true
		}
	}
	if !opens {
		// A title crediting a body in parentheses at its end: "Situation
		// in Batken region as of 20 September (Ministry of Emergency
		// Situations of the Kyrgyz Republic)".
		raw := strings.TrimRight(s.text[:end], " \t\r")
		i := strings.LastIndexByte(raw, '(')
		if i < 0 || !strings.HasSuffix(raw, ")") || !s.government(segment.Lower(raw[i+1:len(raw)-1])) {
			return nil, "", ""
		}
		from = i
	}
	for _, m := range s.marks {
		if m.span.Start >= from && m.span.End <= end {
			party = m.party
			break
		}
	}
	if e, m := s.mentionIn(doc.KindOrganization, doc.Span{Start: from, End: end}); e != nil {
		author, authorID = m, e.ID
	}
	return author, authorID, party
}

// mentionIn returns the entity of a kind mentioned first within sp, and
// that mention; nil when none is.
func (s *state) mentionIn(kind string, sp doc.Span) (*doc.Entity, *doc.Mention) {
	var best *doc.Entity
	var at *doc.Mention
	for i := range s.a.Entities {
		e := &s.a.Entities[i]
		if e.Kind != kind {
			continue
		}
		for j, m := range e.Mentions {
			if sp.Contains(m.Span()) && (at == nil || m.Start < at.Start) {
				best, at = e, &e.Mentions[j]
			}
		}
	}
	return best, at
}

// noneVerified reports whether a sentence that opens with "Neither" or
// "None" says that something could be verified or confirmed: that
// nothing could.
func (s *state) noneVerified(sent [2]int) bool {
	if w := s.lows[sent[0]]; w != "neither" && w != "none" {
		return false
	}
	for k := sent[0] + 1; k < sent[1]; k++ {
		switch s.lows[k] {
		case "verified", "confirmed", "verify", "confirm":
			return true
		}
	}
	return false
}

// homeSide returns the side of the document's outlet: the outlet entity's
// side, else the country of a place or country the outlet is named after
// ("Batken Herald", "Dushanbe Evening Post").
func (s *state) homeSide() doc.Party {
	e := s.outlet()
	if e != nil && e.Side != "" {
		return e.Side
	}
	name := " " + segment.Lower(s.a.Document.Outlet) + " "
	if e != nil {
		name = " " + segment.Lower(e.Name) + " "
	}
	if strings.TrimSpace(name) == "" {
		return ""
	}
	for _, o := range s.a.Entities {
		if o.Kind != doc.KindPlace && o.Kind != doc.KindCountry {
			continue
		}
		p := partyOf(o)
		if p == "" {
			continue
		}
		if containsWords(name, o.Name) {
			return p
		}
		for _, n := range o.Aliases {
			if containsWords(name, n) {
				return p
			}
		}
		for _, m := range o.Mentions {
			if containsWords(name, m.Text) {
				return p
			}
		}
	}
	return ""
}

// titleState returns the party the document's title opens with as its
// subject ("Kyrgyzstan – Border clashes, Situation Report", "Таджикистан
// заявил о 41 погибшем в конфликте с Киргизией"), when the title is its
// first line; "" otherwise, as for a title that names a state it reports
// on ("What is Tajik MFA silent about?") or that opens with two
// ("Kyrgyzstan and Tajikistan agree …").
func (s *state) titleState() doc.Party {
	end, ok := s.titleLine()
	if !ok {
		return ""
	}
	start := len(s.text[:end]) - len(strings.TrimLeft(s.text[:end], " \t\ufeff"))
	if len(s.marks) == 0 || s.marks[0].span.Start != start {
		return ""
	}
	m := s.marks[0]
	if len(s.marks) > 1 && (s.paired(m) || s.marks[1].span.Start-m.span.End <= 1) {
		return "" // "Kyrgyzstan and Tajikistan agree …", "Kyrgyz-Tajik clashes"
	}
	return m.party
}

// ofTheRepublic reports whether a source names a body "of the republic"
// ("Министерство здравоохранения республики", "the republic's Health
// Ministry").
func (s *state) ofTheRepublic(src *doc.Mention) bool {
	if src == nil {
		return false
	}
	t := segment.Lower(src.Text)
	return strings.Contains(t, "республики") || strings.Contains(t, "the republic's") || strings.Contains(t, "of the republic")
}

// openingIn returns the party of the place or country that the sentence
// of the figure at q opens with after "in" and before a comma ("In
// Tajikistan, the authorities said …", "В Таджикистане, по данным
// властей, …"); "" when it opens otherwise.
func (s *state) openingIn(q doc.Span) doc.Party {
	sent := s.sents[s.words[s.wordAt(q.Start)].sent]
	k := sent[0]
	if k+2 >= sent[1] || s.lows[k] != "in" && s.lows[k] != "в" && s.lows[k] != "во" {
		return ""
	}
	for _, m := range s.marks {
		if m.word == k+1 && m.end < sent[1] && s.lows[m.end] == "," {
			return m.party
		}
	}
	return ""
}

// theRepublic returns the state a body "of the republic" belongs to in
// the sentence of the figure at q: the dateline's, else the one whose
// places the sentence names; "" when neither is known.
func (s *state) theRepublic(q doc.Span) doc.Party {
	if p := s.datelineState(); p != "" {
		return p
	}
	p, _ := s.oneParty(q, func(m partyMark) bool { return m.place })
	return p
}

// datelineState returns the party of the place of the document's
// dateline ("БИШКЕК, 18 сентября. /ТАСС/."), when it is a named party.
func (s *state) datelineState() doc.Party {
	if p := s.datelineParty(); s.named(p) {
		return p
	}
	return ""
}

// datelineParty returns the party of the place of the document's
// dateline, named in the text or not.
func (s *state) datelineParty() doc.Party {
	for _, e := range s.a.Entities {
		if e.Kind != doc.KindPlace {
			continue
		}
		for _, m := range e.Mentions {
			if _, ok := dateline(s.text, m.Span()); ok {
				if p := partyOf(e); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// dateline reports whether the place mention at sp is in a dateline
// ("BISHKEK, Sept 18 (Agency) –", "BISHKEK/DUSHANBE, May 1 (Reuters) -"):
// where the report was filed, not where anything it reports happened.
// The dateline's head opens a line, holds only the names of places (one,
// or several joined by "/"), and ends at a comma, a dash or a
// parenthesis; it is written in capitals or a date follows it. end is
// where the head ends.
func dateline(text string, sp doc.Span) (end int, ok bool) {
	ls := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	if sp.Start-ls > 80 {
		return 0, false
	}
	stop := ls
	for stop < len(text) && stop-ls <= 80 {
		c := text[stop]
		if c == ',' || c == '(' || c == '\n' || c == '-' && stop > ls && text[stop-1] == ' ' ||
			strings.HasPrefix(text[stop:], "–") || strings.HasPrefix(text[stop:], "—") {
			break
		}
		stop++
	}
	head := strings.TrimRight(text[ls:stop], " ")
	if stop == len(text) || text[stop] == '\n' || sp.End > ls+len(head) || (head != text[sp.Start:sp.End] && !strings.Contains(head, "/")) {
		return 0, false
	}
	if strings.ToUpper(head) == head && strings.ToLower(head) != head {
		return stop, true
	}
	rest := strings.TrimLeft(text[stop:], ",-–— (")
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return stop, true
	}
	word := strings.ToLower(rest[:min(len(rest), 3)])
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if word == m {
			return stop, true
		}
	}
	return 0, false
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

// containsWords reports whether padded, a lower-case text between spaces,
// holds n as whole words.
func containsWords(padded, n string) bool {
	n = strings.TrimSpace(segment.Lower(n))
	if n == "" {
		return false
	}
	for i := strings.Index(padded, n); i >= 0; {
		if padded[i-1] == ' ' && i+len(n) < len(padded) && padded[i+len(n)] == ' ' {
			return true
		}
		j := strings.Index(padded[i+1:], n)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
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

// unitOK reports whether a figure's unit can be counted by a claim: none,
// or one of the units of quantity/data/en/units.txt that count people,
// buildings, vehicles or equipment or measure land. Measures of length,
// weight, time and money, percentages and points are no claim's.
func unitOK(u string) bool {
	switch strings.ToLower(u) {
	case "", "people", "persons", "person", "buildings", "objects", "houses", "homes", "vehicles", "equipment",
		"km2", "km²", "m2", "acre", "ha", "hectares", "items", "units", "count":
		return true
	}
	return false
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
	// The metric of the whole it is a part of ("Of the 59 dead, 37 were
	// servicemen").
	if w, ok := s.wholeBefore(b); ok {
		for k := w[0]; k < w[1]; k++ {
			if n, m := s.lx.metrics.match(s.lows[:w[1]], k); n > 0 {
				return metricCue{k, n, m}, true
			}
		}
	}
	// Rightwards, unless the figure counts something else first ("41
	// casualties and evacuation of …"); past the modifiers of a counted
	// noun ("35 citizens of Tajikistan, among them women, were killed").
	d := 0
	from := e
	if s.nounAfter(b, e) != "" {
		from = s.skipModifiers(s.nounEnd(e, sent[1]), sent[1])
	}
	listed := 0 // 1 once the search passed the other things of a list
	// An item after the first of a list: "11 schools, 3 kindergartens, and …".
	inList := b >= 2 && s.lows[b-1] == "," && (s.isQ[b-2] != 0 || s.counted(b-2) > 0)
	limit := from + 12
	for k := from; k < sent[1] && k < limit; k++ {
		if q := s.isQ[k]; q != 0 && d <= 1 && k > from && (s.lows[k-1] == "and" || s.lows[k-1] == ",") && s.qend[q-1] > k {
			// "412 houses and 3 schools had been destroyed": the metric
			// after the figures joined to this one is theirs too, however
			// long the list ("18 houses, 2 schools, 1 medical facility
			// and 1 mosque were destroyed").
			k0 := k
			k = s.qend[q-1] - 1
			for k+1 < sent[1] && s.counted(k+1) > 0 {
				k++
			}
			limit += k - k0 + 1
			listed = 1
			continue
		}
		if d == 0 && s.lows[k] == "," && k+1 < sent[1] && (s.isQ[k+1] != 0 || (listed == 1 || inList) && s.lows[k+1] == "and" && k+2 < sent[1] && s.isQ[k+2] != 0) {
			listed = 1
			continue // "400 houses, two schools and a mosque were burned"; in a list, "…, and more than 200 houses"
		}
		if d == 0 && (s.lows[k] == "," || s.lows[k] == "and") {
			if next := s.listItem(k+1, sent[1]); next > 0 {
				limit += next - k
				k = next - 1 // "45 homes, a school and a border post were set on fire"
				listed = 1
				continue
			}
		}
		if s.isQ[k] != 0 || s.hard(k) {
			break
		}
		if d == 0 && k == from && !s.countedInside(b, e) && (s.countsOther(k) || s.countsOtherInside(b, e)) {
			break
		}
		if s.lx.is("loss", s.lows, k) > 0 && k > e {
			// "2 tanks were lost", "20 soldiers were lost".
			if noun := s.nounAfter(b, e); (noun == "people" || noun == "equipment") && float64(d) < bestScore {
				best, bestScore = metricCue{k, 1, "killed"}, float64(d)
				break
			}
		}
		if n, m := s.lx.metrics.match(s.lows[:sent[1]], k); n > 0 {
			if k > from && s.lows[k-1] == "," && (k+n < sent[1] && s.isQ[k+n] != 0 || k+n+1 < sent[1] && s.isQ[k+n+1] != 0 && s.lows[k+n] != "and" && s.lows[k+n] != "и") {
				// A clause after a comma that opens with its own metric
				// and figure ("сгорели 60 домов и 2 школы, повреждена 1
				// мечеть"): not this figure's.
				break
			}
			// After a list, a metric word right before the figure is
			// likelier its own ("Погиб один военнослужащий, один
			// мирный житель ранен").
			if float64(d+listed) < bestScore {
				best, bestScore = metricCue{k, n, m}, float64(d+listed)
			}
			break
		}
		if n := s.lx.is("filler", s.lows, k); n > 0 {
			k += n - 1
			continue
		}
		if n := s.counted(k); n > 0 && d == 0 {
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
	// "Three more people wounded in the fighting have died": a wound that
	// qualifies the people, and the verb after that says what befell them.
	if best.metric == "injured" && bestScore == 0 && best.word >= e {
		for k := best.word + best.n; k < sent[1] && k < best.word+12; k++ {
			if s.lows[k] == "," || s.hard(k) || s.isQ[k] != 0 {
				break
			}
			if n, m := s.lx.metrics.match(s.lows[:sent[1]], k); n > 0 && m == "killed" {
				best = metricCue{k, n, m}
				break
			}
		}
	}
	// A label before a colon that opens the sentence: "Killed: 59
	// citizens", "Houses destroyed: 427".
	if k := b - 1; k > sent[0] && k-sent[0] <= 6 && s.lows[k] == ":" && bestScore > 0 {
		for st := sent[0]; st < k; st++ {
			if n, m := s.lx.metrics.match(s.lows[:k], st); n > 0 {
				return metricCue{st, n, m}, true
			}
		}
	}
	// Leftwards.
	d = 0
	for k := b - 1; k >= sent[0] && k > b-10; k-- {
		if s.isQ[k] != 0 || s.hard(k) {
			break
		}
		// A verb of loss before people or equipment: "lost more than 100
		// soldiers", "lost four armoured personnel carriers".
		if noun := s.nounAfter(b, e); k == b-1 && s.lx.is("loss", s.lows, k) > 0 && (noun == "people" || noun == "equipment") {
			if float64(d)+0.5 < bestScore {
				best, bestScore = metricCue{k, 1, "killed"}, float64(d)+0.5
			}
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
		if found || s.lx.is("not-counted", s.lows, k) > 0 {
			break // "fled with three children": the figure is not what fled
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
	// A table whose header names the metric of the figure's column
	// ("| Side | Killed | Injured |" over "| Kyrgyzstan | 59 | 144 |").
	if bestScore >= 1e9 {
		if m, ok := s.tableMetric(b); ok {
			return metricCue{b, e - b, m}, true
		}
	}
	// A running total whose subject holds the metric ("the number of
	// citizens killed in the attack has risen to 36").
	if bestScore > 0.5 && s.tallyBefore(b) {
		for k := b - 1; k >= sent[0] && k > b-30; k-- {
			if pb := s.newValue(b); pb >= 0 && k >= pb && k < b-1 {
				k = pb // past "from 36" (the loop steps to the word before it)
				continue
			}
			if s.isQ[k] != 0 || s.hard(k) {
				break
			}
			if n, m := s.lx.metrics.match(s.lows[:b], k); n > 0 {
				return metricCue{k, n, m}, true
			}
		}
	}
	return best, bestScore < 1e9
}

// listGap reports whether only things of a list, commas and "and" stand
// between words from and b ("2 schools, a mosque and 14 houses",
// "2 школы, мечеть и 14 жилых домов"), with a comma or "and" right before
// b.
func (s *state) listGap(from, b int) bool {
	if from >= b || s.lows[b-1] != "and" && s.lows[b-1] != "и" && s.lows[b-1] != "," {
		return false
	}
	for k := from; k < b; {
		switch w := s.lows[k]; {
		case w == "," || w == "and" || w == "и":
			k++
		case s.listItem(k, b) > 0:
			k = s.listItem(k, b)
		case s.counted(k) > 0:
			k += s.counted(k)
		default:
			return false
		}
	}
	return true
}

// rowParty returns the party that the first cell of the table row of word
// b names alone, for tables flattened to text with "|" between cells; ""
// for any other word.
func (s *state) rowParty(b int) doc.Party {
	off := s.words[b].start
	ls := strings.LastIndexByte(s.text[:off], '\n') + 1
	row := s.text[ls:off]
	if !strings.Contains(row, "|") {
		return ""
	}
	first := strings.TrimLeft(row, " |")
	end := strings.IndexByte(first, '|')
	if end < 0 {
		return ""
	}
	name := doc.Span{Start: off - len(first), End: off - len(first) + len(strings.TrimRight(first[:end], " "))}
	for _, m := range s.marks {
		if m.span == name {
			return m.party
		}
	}
	return ""
}

// tableMetric returns the metric that the header of a table flattened to
// text with "|" between cells names for the cell of word b: the first
// line of the lines with pipes around b's line.
func (s *state) tableMetric(b int) (string, bool) {
	off := s.words[b].start
	ls := strings.LastIndexByte(s.text[:off], '\n') + 1
	if le := strings.IndexByte(s.text[off:], '\n'); !strings.Contains(s.text[ls:off], "|") || le >= 0 && !strings.Contains(s.text[off:off+le], "|") {
		return "", false
	}
	cell := strings.Count(s.text[ls:off], "|")
	head := ls
	for head > 0 {
		prev := strings.LastIndexByte(s.text[:head-1], '\n') + 1
		if !strings.Contains(s.text[prev:head-1], "|") {
			break
		}
		head = prev
	}
	if head == ls {
		return "", false // the figure's row is the first
	}
	he := strings.IndexByte(s.text[head:], '\n')
	cells := strings.Split(s.text[head:head+he], "|")
	if cell >= len(cells) {
		return "", false
	}
	words := lowerWords(cells[cell])
	for k := range words {
		if n, m := s.lx.metrics.match(words, k); n > 0 {
			return m, true
		}
	}
	return "", false
}

// skipModifiers returns the first word after the modifiers that follow a
// counted noun ending before word k: "of Tajikistan", "from the Batken
// region", and an aside between commas that begins with a part phrase
// (", among them women and children,").
func (s *state) skipModifiers(k, end int) int {
	for range 4 {
		if k >= end {
			return k
		}
		switch s.lows[k] {
		case "of", "from", "in":
			j := k + 1
			if j < end && s.lows[j] == "the" {
				j++
			}
			if j < end && directionWords[s.lows[j]] {
				j++ // "in northwest Democratic Republic of Congo"
			}
			names := 0
			for j < end && s.isQ[j] == 0 && s.capital(j) {
				j++
				names++
				// "of the Batken and Leilek districts", "Republic of Congo"
				if j+1 < end && (s.lows[j] == "and" || s.lows[j] == "," || s.lows[j] == "of") && s.isQ[j+1] == 0 && s.capital(j+1) {
					j++
				}
			}
			for names > 0 && j < end && regionWords[s.lows[j]] {
				j++
			}
			if names > 0 && j+2 < end && s.lows[j] == "(" && s.capital(j+1) && s.lows[j+2] == ")" {
				j += 3 // "in Democratic Republic of Congo (DRC)"
			}
			if names == 0 {
				// "19 residents of the district", "of the border
				// villages": a place named by its kind alone.
				for j < end && j < k+5 && (regionWords[s.lows[j]] || placeWords[s.lows[j]]) {
					j++
					names++
				}
			}
			if names == 0 {
				return k
			}
			k = j
			continue
		case ",":
			n := s.lx.is("part", s.lows, k+1)
			for j := k + 1; n == 0 && j+1 < end && j <= k+5; j++ {
				if s.lows[j] == "of" && (s.lows[j+1] == "them" || s.lows[j+1] == "whom") {
					n = j + 2 - (k + 1) // "more than half of them children"
				}
			}
			if n == 0 {
				return k
			}
			// The aside may hold figures of its own ("including a
			// 13-year-old girl", "among them 4 children").
			j := k + 1 + n
			for j < end && j < k+15 && s.lows[j] != "," && !s.hard(j) {
				j++
			}
			if j >= end || s.lows[j] != "," {
				return k
			}
			k = j + 1
			continue
		}
		return k
	}
	return k
}

// nounEnd returns the end of the counted noun that follows a figure ending
// at word e, after up to two names or adjectives ("10 others", "two Tajik
// civilians", "3 other soldiers", "30 civilian facilities"), or e when
// none does.
func (s *state) nounEnd(e, end int) int {
	for k := e; k < end && k < e+3 && s.lows[k] != "of"; k++ {
		if n := s.counted(k); n > 0 {
			return k + n
		}
		if s.isQ[k] != 0 || !s.capital(k) && !adjective(s.lows[k]) {
			break
		}
	}
	return e
}

// adjective reports whether a word in lower case is an adjective that may
// stand before a counted noun: "other", "more", or one of the endings of
// "civilian", "residential", "military", "public", "religious",
// "administrative".
func adjective(w string) bool {
	if w == "other" || w == "more" {
		return true
	}
	for _, end := range [...]string{"an", "al", "ary", "ic", "ous", "ive"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+2 {
			return true
		}
	}
	return false
}

// regionWords are the words that may follow the names of places in a
// counted noun's modifiers ("of the Batken region", "from the Batken and
// Leilek districts").
var regionWords = map[string]bool{"region": true, "regions": true, "district": true, "districts": true,
	"province": true, "provinces": true, "oblast": true, "side": true}

// directionWords place a name in part of a country or region ("in
// northern Batken", "in northwest Democratic Republic of Congo").
var directionWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true, "central": true}

// placeWords are the words that name a place by its kind, after the
// counted noun's "of the" ("19 residents of the village", "of the border
// area").
var placeWords = map[string]bool{"village": true, "villages": true, "town": true, "towns": true, "city": true, "area": true,
	"areas": true, "border": true, "settlement": true, "settlements": true, "community": true, "communities": true}

// capital reports whether word k begins with a capital letter.
func (s *state) capital(k int) bool {
	c := s.text[s.words[k].start]
	return c >= 'A' && c <= 'Z' || c >= 0x80 && s.lows[k] != s.text[s.words[k].start:s.words[k].end]
}

// tallyBefore reports whether the figure at word b ends a running total
// whose subject is a tally ("the number of dead has risen to 36", "brings
// the toll to 59"): "to" or "at" just before it and a tally word earlier in
// its clause.
func (s *state) tallyBefore(b int) bool {
	if b == 0 || (s.lows[b-1] != "to" && s.lows[b-1] != "at" && s.lows[b-1] != "до" && s.lx.is("total", s.lows, b-1) == 0) {
		return false
	}
	sent := s.sents[s.words[b].sent]
	for k := b - 2; k >= sent[0] && k > b-30; k-- {
		if pb := s.newValue(b); pb >= 0 && k >= pb && k < b-1 {
			k = pb // past "from 36": "revised the toll from 36 to 34" (the loop steps to the word before it)
			continue
		}
		if s.isQ[k] != 0 || s.hard(k) {
			return false
		}
		if s.lx.is("tally", s.lows, k) > 0 {
			return true
		}
	}
	return false
}

// changedFrom reports whether the figure q, whose first word is b, is a
// range "from X to Y" that a verb of change before it makes a change of a
// count, from its old value to its new one ("rose from 24 to 46", "has
// risen from 24 to 46", "выросло с 24 до 46").
func (s *state) changedFrom(b int, q doc.Quantity) bool {
	if q.Approx != doc.ApproxRange || q.Low == nil || q.High == nil || b >= len(s.lows) {
		return false
	}
	switch {
	case s.lows[b] == "from":
		return s.changeBefore(b)
	case b > 0 && (s.lows[b-1] == "с" || s.lows[b-1] == "со"): // (the Russian figure starts after it)
		return s.changeBefore(b - 1)
	}
	return false
}

// oldValue reports whether the figure at words [b,e) is the old value of
// a count that changed to the figure after it ("revised the toll from 36
// to 34": 36), which is no claim of its own.
func (s *state) oldValue(b, e int) bool {
	e = s.pastTime(e) // "from 24 on September 16 to 59"
	if b == 0 || e+1 >= len(s.lows) || s.isQ[e+1] == 0 || s.lows[e] != "to" && s.lows[e] != "до" {
		return false
	}
	switch s.lows[b-1] {
	case "from", "с", "со":
		return s.changeBefore(b - 1)
	}
	return false
}

// newValue returns the first word of the old value before the figure at
// word b when the figure is the new value of a changed count ("from 36 to
// 34": 34), else -1.
func (s *state) newValue(b int) int {
	if b < 2 || s.lows[b-1] != "to" && s.lows[b-1] != "до" {
		return -1
	}
	k := s.beforeTime(b - 1) // "from 24 on September 16 to 59"
	if k < 1 || s.isQ[k-1] == 0 {
		return -1
	}
	q := s.isQ[k-1] - 1
	if pb := s.qword[q]; s.oldValue(pb, s.qend[q]) {
		return pb
	}
	return -1
}

// pastTime returns the word after a time that starts at word k, with the
// preposition before it ("on September 16", "by Monday"), or k.
func (s *state) pastTime(k int) int {
	j := k
	if j < len(s.lows) && (s.lows[j] == "on" || s.lows[j] == "by" || s.lows[j] == "as") {
		j++
		if j < len(s.lows) && s.lows[j] == "of" {
			j++
		}
	}
	if j >= len(s.words) {
		return k
	}
	for _, t := range s.a.Times {
		if t.Start == s.words[j].start {
			return s.wordAt(t.End-1) + 1
		}
	}
	return k
}

// beforeTime returns the first word of a time that ends right before word
// k, with the preposition before it ("on September 16 to"), or k.
func (s *state) beforeTime(k int) int {
	if k == 0 {
		return k
	}
	for _, t := range s.a.Times {
		if t.End == s.words[k-1].end {
			j := s.wordAt(t.Start)
			if j > 0 && (s.lows[j-1] == "on" || s.lows[j-1] == "by") {
				j--
			}
			return j
		}
	}
	return k
}

// changeBefore reports whether a verb of change comes within eight words
// before word from, in its sentence ("has revised its death toll upwards
// several times, from 24 …").
func (s *state) changeBefore(from int) bool {
	sent := s.sents[s.words[from].sent]
	for k := from - 1; k >= sent[0] && k >= from-8; k-- {
		if s.lx.is("change", s.lows, k) > 0 {
			return true
		}
		if s.isQ[k] != 0 || s.hard(k) {
			break
		}
	}
	return false
}

// claims returns the claims of the document.
func (s *state) claims() []doc.Claim {
	out := []doc.Claim{}
	lastInSent := map[int]int{} // sentence → index in out of its last claim
	var first []int             // index in out → first word of its figure
	for qi, q := range s.qs {
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
		// A count of someone's relatives or companions ("her three
		// grandchildren"), an age ("a 52-year-old teacher"), or a time of
		// day ("as of 10.00").
		if b > 0 && s.lx.is("possessive", s.lows, b-1) > 0 || s.anAge(b, e, q) || s.clockTime(b, q) || s.yearLike(b, q) {
			continue
		}
		if q.Low != nil && (*q.Low < 1 || *q.Low != math.Trunc(*q.Low)) && !isArea(q.Unit) {
			continue // a fraction ("9/11") or a share counts no one
		}
		si := s.words[b].sent
		c := doc.Claim{Low: q.Low, High: q.High, Approx: q.Approx, Unit: q.Unit, Via: []string{}, Evidence: doc.EvidenceUnknown}
		if s.oldValue(b, e) {
			continue
		}
		changed := s.changedFrom(b, q) || s.newValue(b) >= 0
		if changed && q.Approx == doc.ApproxRange {
			// "The death toll rose from 24 to 46": the figure is 46, the
			// toll as it now stands, not a range.
			c.Low, c.Approx = q.High, doc.ApproxExact
		}
		frameAfter := false // the figure's party is named in the frame after it
		partOfPrev := -1    // the claim of the sentence before that this one breaks down
		span := q.Span()
		cue, ok := s.findMetric(qi)
		noun := s.nounAfter(b, e)
		if noun == "building" && c.Unit == "people" {
			c.Unit = "buildings" // "30 civilian facilities": not civilians
		}
		switch {
		case isArea(q.Unit) || noun == "area":
			c.Metric = "area_km2"
			if ok {
				span = widen(span, s.wordsSpan(cue.word, cue.word+cue.n))
			}
		case ok:
			c.Metric = cue.metric
			span = widen(span, s.wordsSpan(cue.word, cue.word+cue.n))
			if s.lows[cue.word] == "bodies" && s.notFound(e) {
				c.Metric = "missing" // "the bodies of 5 servicemen have not been found"
			}
			if s.lows[cue.word] == "losses" && noun != "people" && noun != "equipment" && s.possessiveMetric(b, s.sents[si][0]) == "" &&
				(b == 0 || s.lows[b-1] != "at" && s.lows[b-1] != "to") {
				continue // "recovered its losses and was up 46", "losses in all but three": no one's dead
			}
			if (strings.HasPrefix(c.Metric, "buildings_") || c.Metric == "captured") && noun == "" && e < len(s.words) &&
				s.words[e].sent == si && s.countsOther(e) && cue.word < b {
				continue // "destroyed 34,000 emails": not buildings
			}
			if strings.HasPrefix(c.Metric, "buildings_") && noun == "people" {
				continue
			}
			if (c.Metric == "killed" || c.Metric == "injured" || c.Metric == "displaced" || c.Metric == "missing" || c.Metric == "captured") && noun == "building" {
				continue
			}
			if c.Metric == "area_km2" {
				continue // "seized 20 villages" is not an area
			}
			if noun == "equipment" {
				switch c.Metric {
				case "killed", "buildings_destroyed", "buildings_damaged", "captured", "missing":
					c.Metric = "military_losses" // "destroyed 12 tanks", "lost 3 drones"
					c.Unit = s.equipmentAfter(b, e)
				default:
					continue
				}
			}
		default:
			if pi, ok := s.partOfPrevious(si, out, ""); ok {
				// "Of them, 24 were servicemen": the metric of the figure
				// of the sentence before.
				c.Metric, c.Breakdown, partOfPrev = out[pi].Metric, out[pi].ID, pi
				break
			}
			if pi, has := lastInSent[si]; has && s.inParensAfter(b, s.wordAt(out[pi].End)) && s.stateAfter(e) {
				// "at least 94 people have been killed (59 in Kyrgyzstan
				// and 35 in Tajikistan)": its parts by side.
				c.Metric, c.Breakdown = out[pi].Metric, out[pi].ID
				break
			}
			if b == s.sents[si][0] && s.lx.is("part-after", s.lows, e) > 0 {
				if pi, ok := s.previousClaim(si, out, "", true); ok {
					// "The number of victims has increased to 59. 37 of
					// them are servicemen."
					c.Metric, c.Breakdown, partOfPrev = out[pi].Metric, out[pi].ID, pi
					break
				}
			}
			// A breakdown of the figure before: "of which more than 600".
			pi, has := lastInSent[si]
			if !has {
				continue
			}
			if kind, _ := s.kindAfterCopula(e); kind != "" && losses(out[pi].Metric) && doc.PeopleKind(out[pi].Unit) {
				// "14 of the dead were civilians, and another 27 were
				// servicemen": the other part of the same whole.
				c.Metric, c.Breakdown = out[pi].Metric, out[pi].Breakdown
				break
			}
			if s.gapped(b, e, first[pi], s.wordAt(out[pi].End)) {
				// "spoke of 24 dead; this morning, of 31": the metric of
				// the figure before, left out.
				c.Metric = out[pi].Metric
				c.Total = out[pi].Total
				break
			}
			if _, ok := s.gappedSubject(b); ok && !s.countsOther(e) {
				// "Kyrgyzstan reported 63 dead and Tajikistan 41": the verb
				// and the metric of the figure before, left out.
				c.Metric = out[pi].Metric
				break
			}
			if s.withSideParts(b, e) && losses(out[pi].Metric) {
				// "94 people were killed, with 59 on the Kyrgyz side and
				// 35 on the Tajik side": the whole's metric, by side.
				c.Metric = out[pi].Metric
				frameAfter = true
				break
			}
			if s.mirrored(b, e, s.wordAt(out[pi].End)) {
				// "59 dead on the Kyrgyz side and 35 on the Tajik side": the
				// metric of the figure before, left out in a frame repeated
				// after "and"; the party is the frame's.
				c.Metric = out[pi].Metric
				frameAfter = true
				break
			}
			prevNoun, past := s.nounAfter(first[pi], s.wordAt(out[pi].End)), s.pastParty(out[pi].End)
			if noun != "" && (noun == prevNoun || prevNoun == "" && past > out[pi].End) && past <= q.Start &&
				(andGap(s.text[past:q.Start]) || s.listGap(s.wordAt(past), b)) {
				// (With the noun left out after the first figure: "killed five
				// Kyrgyz and two Tajik servicemen".)
				// "destroyed 12 tanks and 4 armoured vehicles": the same
				// act on more of the same kind, after other things of
				// the list too ("destroyed 2 schools, a mosque and 14
				// houses").
				c.Metric = out[pi].Metric
				if noun == "equipment" {
					c.Unit = s.equipmentAfter(b, e)
				}
				span = widen(span, q.Span())
				break
			}
			if !s.partOf(b, e, min(s.wordAt(out[pi].End), first[pi]+1)) {
				continue
			}
			c.Metric = out[pi].Metric
			c.Breakdown = out[pi].ID
			if noun == "building" && !strings.HasPrefix(c.Metric, "buildings_") {
				continue
			}
		}
		if c.Breakdown == "" && c.Metric != "" {
			if pi, has := lastInSent[si]; has && out[pi].Metric == c.Metric && s.partOf(b, e, min(s.wordAt(out[pi].End), first[pi]+1)) {
				c.Breakdown = out[pi].ID
			} else if has && out[pi].Metric == c.Metric && out[pi].Breakdown != "" && out[pi].End <= q.Start && andGap(s.text[out[pi].End:q.Start]) {
				c.Breakdown = out[pi].Breakdown // "including 10 women and seven children": both parts
			} else if pi, ok := s.partOfPrevious(si, out, c.Metric); ok && !has {
				c.Breakdown, partOfPrev = out[pi].ID, pi // "Among the dead were 11 women"
			} else if !has && b == s.sents[si][0] && s.lx.is("part-after", s.lows, e) > 0 {
				if pi, ok := s.previousClaim(si, out, c.Metric, true); ok {
					c.Breakdown, partOfPrev = out[pi].ID, pi // "Five of the injured remain in hospital."
				}
			}
		}
		switch c.Metric {
		case "killed", "injured", "missing", "captured":
			kind := s.peopleKind(b, e)
			if kind == "" && ok && cue.word >= e {
				kind, _ = s.kindAfterCopula(cue.word + cue.n) // "14 of the dead were civilians"
			}
			if !ok {
				if k, end := s.kindAfterCopula(e); k != "" {
					kind, span = k, widen(span, s.wordsSpan(e, end)) // "and another 27 were servicemen"
				}
			}
			if kind != "" {
				c.Unit = kind // "at least 10 civilians", "including 26 servicemen"
			}
		}
		c.Total = (c.Total || changed || s.totalBefore(b) || s.tallyBefore(b)) && !s.earlier(si)
		c.Increment = s.moreAround(b, e)
		if c.Increment && b > 0 && (s.lows[b-1] == "another" || s.lows[b-1] == "ещё" || s.lows[b-1] == "еще") && len(out) > 0 && out[len(out)-1].Metric != c.Metric {
			// "… has risen to 36. Another 144 people have been wounded":
			// besides the dead, not more wounded than counted before.
			c.Increment = false
		}
		c.Partial = losses(c.Metric) && s.partial(b, max(e, cue.word+cue.n))
		if ok && c.Breakdown == "" && c.Metric == "injured" && s.lx.is("condition", s.lows, cue.word) > 0 {
			// "…, and 8 are in critical condition", "Another 19 remain in
			// intensive care": some of the wounded counted before.
			pi, has := lastInSent[si]
			if !has {
				pi, has = s.previousClaim(si, out, "injured", false)
			}
			if has && out[pi].Metric == "injured" {
				c.Breakdown, c.Increment = out[pi].ID, false
			} else {
				// "31 people remain in hospitals" alone: those of the
				// wounded still in hospital, a part of them.
				c.Partial = true
			}
		}
		c.ID = "c" + strconv.Itoa(len(out)+1)
		c.Start, c.End = span.Start, span.End
		c.Text = s.text[span.Start:span.End]
		s.attribute(&c, q.Span())
		p := partOfPrev
		if p < 0 && s.lx.is("continue", s.lows, s.sents[si][0]) > 0 {
			// "Another 30 people were injured", "Ещё 30 человек получили
			// ранения": the report of the sentence before goes on.
			if pi, ok := s.previousClaim(si, out, "", false); ok {
				p = pi
			}
		}
		if p < 0 && c.Attribution == "" && s.earlier(si) && !s.namesParty(si) {
			// "Ранее сообщалось о 24 погибших", "Earlier, 24 deaths were
			// reported": an earlier figure of the report before it, not
			// the publisher's own.
			for i := len(out) - 1; i >= 0; i-- {
				if out[i].Metric == c.Metric && out[i].Breakdown == "" && out[i].Attribution != "" {
					p = i // the last report of that metric in the document
					break
				}
			}
		}
		if p < 0 && c.Attribution == "" && casualties(c.Metric) && !c.Total && !s.namesParty(si) && !s.datedSentence(si) {
			// "…, the Ministry of Health said on Sunday. 189 people were
			// wounded.": a toll in a sentence of no source, party or date
			// of its own goes on with the report of the casualties right
			// before it, in its paragraph.
			if pi, ok := s.previousClaim(si, out, "", false); ok && out[pi].Attribution != "" && casualties(out[pi].Metric) {
				p = pi
			}
		}
		if p < 0 && c.Attribution == "" && c.Total && !s.namesParty(si) {
			// "The Ministry of Health said 3 people had been wounded. By
			// evening, the number of injured rose to 31.": the running
			// total of the report right before it, in its paragraph, when
			// the sentence names no party of its own ("Tajikistan's toll
			// stands at 43" is another's). A sentence that opens by
			// summing up ("In total, 183 people have sought medical
			// help") goes on with the report before it, of any metric.
			metric := c.Metric
			if s.lx.is("sum-up", s.lows, s.sents[si][0]) > 0 {
				metric = ""
			}
			if pi, ok := s.previousClaim(si, out, metric, false); ok && out[pi].Attribution != "" {
				p = pi
			}
		}
		if p >= 0 && c.Attribution == "" {
			// A breakdown or a continuation that names no source of its
			// own continues the report before it.
			c.Speaker, c.SpeakerText, c.Side, c.Attribution = out[p].Speaker, out[p].SpeakerText, out[p].Side, out[p].Attribution
			c.Via, c.Hedged = slices.Clone(out[p].Via), c.Hedged || out[p].Hedged
		} else if p >= 0 && partOfPrev == p && out[p].Attribution == "" && out[p].Side == "" && c.Attribution != "" {
			// "The number of victims has increased to 59. 37 of them are
			// servicemen, the ministry reported": the source of the part
			// reported the whole.
			w := &out[p]
			w.Speaker, w.SpeakerText, w.Side, w.Attribution = c.Speaker, c.SpeakerText, c.Side, c.Attribution
			w.Via, w.Hedged = slices.Clone(c.Via), w.Hedged || c.Hedged
			if w.About == "" && losses(w.Metric) && s.named(w.Side) {
				w.About = w.Side
			}
		}
		if m, ok := s.gappedSubject(b); ok && m.party != c.Side {
			// "Kyrgyzstan reported 63 dead and Tajikistan 41": the party
			// before the figure reported it, with the verb left out.
			ent := s.a.Entities[m.entity]
			c.Speaker, c.SpeakerText, c.Side, c.Attribution = ent.ID, s.text[m.span.Start:m.span.End], m.party, ""
		}
		c.About = s.about(b, e, c)
		if frameAfter {
			for _, m := range s.marks {
				if m.word >= e && m.word < e+5 {
					c.About = m.party
					break
				}
			}
		}
		if c.Breakdown != "" {
			for i := len(out) - 1; i >= 0; i-- {
				if out[i].ID != c.Breakdown {
					continue
				}
				switch {
				case c.About == "":
					// "a toll of 41, including 17 servicemen": the whole's
					// party.
					c.About = out[i].About
				case out[i].About == "" && partOfPrev < 0:
					// "killed 55 people: 36 on the Kyrgyz side and 19 on the
					// Tajik side": a side's own figure, which a total of
					// both never adds up with (a part in a sentence of its
					// own names the whole's party, if any, by its source).
					c.Breakdown = ""
				}
				break
			}
		}
		if c.About == "" && c.Breakdown == "" && len(out) > 0 {
			c.About = s.carriedAbout(b, c, &out[len(out)-1])
		}
		if c.Breakdown == "" && single(q) {
			// A victim of a toll given before ("at least 10 civilians …
			// In one case, a 75-year-old man was shot dead"): one of them.
			for i := len(out) - 1; i >= 0; i-- {
				if o := &out[i]; o.Metric == c.Metric && o.Breakdown == "" && (o.About == c.About || o.About == "" || c.About == "") &&
					(o.Low != nil && *o.Low > 1 || o.High != nil && *o.High > 1) {
					c.Breakdown = o.ID
					break
				}
			}
		}
		if c.About == "" && s.eachSide(e) {
			if ps := s.conflictParties(); len(ps) == 2 {
				// "a shootout killed two people on each side": the figure
				// of each party, not their total.
				c.About = ps[0]
				out = append(out, c)
				first = append(first, b)
				c.ID, c.About = "c"+strconv.Itoa(len(out)+1), ps[1]
			}
		}
		out = append(out, c)
		first = append(first, b)
		lastInSent[si] = len(out) - 1
	}
	return out
}

// deniedAfter marks the figures that a party's denial right after them
// rejects without repeating them ("… reported that more than 100 Kyrgyz
// servicemen had been killed. The Kyrgyz security service called the
// reports false"; "Tajik side claims over 100 Kyrgyz soldiers killed;
// Bishkek calls it a lie"; "Dushanbe denied the reports."): the figures
// of the sentence before it, in its paragraph, or of its own sentence
// before a semicolon, that another party gives are denied by the denier.
func (s *state) deniedAfter(out []doc.Claim) {
	// Only a sentence with a figure, or the one after it, may deny one.
	held := make(map[int]bool, len(out))
	for i := range out {
		if k := s.wordAt(out[i].Start); k < len(s.words) {
			held[s.words[k].sent] = true
		}
	}
	for si, sent := range s.sents {
		if !held[si] && !held[si-1] {
			continue
		}
		v, clause, ok := s.anaphoricDenial(sent)
		if !ok {
			continue
		}
		denier := s.partyBefore(clause, v)
		if denier == "" {
			continue
		}
		// The figures denied: of the sentence's clauses before the
		// semicolon, else of the sentence before.
		from, to := s.words[sent[0]].start, s.words[clause].start
		if clause == sent[0] {
			if si == 0 || s.paragraphBreak(si-1) {
				continue
			}
			prev := s.sents[si-1]
			from, to = s.words[prev[0]].start, s.words[prev[1]-1].end
		}
		for i := range out {
			if c := &out[i]; c.Start >= from && c.End <= to && c.DeniedBy == "" && c.Side != denier {
				c.DeniedBy = denier
			}
		}
	}
}

// partyBefore returns the party named last in words [b, e): by a name or
// demonym of a state, or by an entity of a side ("the State Committee for
// National Security of Kyrgyzstan").
func (s *state) partyBefore(b, e int) doc.Party {
	from, to := s.words[b].start, s.words[e].start
	var party doc.Party
	at := -1
	for _, m := range s.marks {
		if m.word >= b && m.end <= e && !m.place && m.span.Start > at {
			party, at = m.party, m.span.Start
		}
	}
	for _, ent := range s.a.Entities {
		p := ent.Side
		if p == "" && ent.Kind == doc.KindCountry {
			p = partyOf(ent)
		}
		if p == "" {
			continue
		}
		for _, m := range ent.Mentions {
			if m.Start >= from && m.End <= to && m.Start > at {
				party, at = p, m.Start
			}
		}
	}
	return party
}

// contentAfter are the words after "denied the reports" that open what
// the reports said, whose figures the denial itself gives.
var contentAfter = map[string]bool{"that": true, "of": true, "about": true, "by": true, "from": true, "claiming": true,
	"saying": true, "suggesting": true, "о": true, "об": true, "что": true}

// anaphoricDenial finds in a sentence a denial of what was said before
// it: a verb of denial and a word that points back ("denied the
// reports", "rejected these claims"), or a verb that names it a
// falsehood ("called the reports false", "calls it a lie", "назвал эти
// сведения ложью"). It returns the verb's word and the first word of its
// clause: the sentence's, or the one after a semicolon.
func (s *state) anaphoricDenial(sent [2]int) (verb, clause int, ok bool) {
	denyWords, brandWords := s.lx.nouns["deny"], s.lx.nouns["brand"]
	clause = sent[0]
	for k := sent[0]; k < sent[1]; k++ {
		if s.lows[k] == ";" {
			clause = k + 1
			continue
		}
		deny, _ := denyWords.match(s.lows, k)
		brand, _ := brandWords.match(s.lows, k)
		if deny == 0 && brand == 0 {
			continue
		}
		j := k + max(deny, brand)
		if j < sent[1] && (s.lows[j] == "the" || s.lows[j] == "these" || s.lows[j] == "those" || s.lows[j] == "such") {
			j++
		}
		n := s.lx.is("said-before", s.lows, j)
		if n == 0 {
			continue
		}
		j += n
		if brand > 0 {
			if j < sent[1] && (s.lows[j] == "as" || s.lows[j] == "a" || s.lows[j] == "an") {
				j++
			}
			if s.lx.is("falsehood", s.lows, j) > 0 {
				return k, clause, true
			}
			continue
		}
		if j >= sent[1] || !contentAfter[s.lows[j]] {
			return k, clause, true // not "denied the reports that …", whose figures are its own
		}
	}
	return 0, 0, false
}

// headlineSources gives a figure of the headline that no source of its
// own gives the source of the body's first figure of the same metric,
// party, kind and bounds: a headline restates its article's report
// ("Death toll rises to 24" over "… has risen to 24, the Ministry of
// Health said"; "Tajik side claims over 100 Kyrgyz soldiers killed" over
// "Tajik media outlets, citing …, reported that more than 100 …"), and
// is not the outlet's own figure.
func (s *state) headlineSources(out []doc.Claim) {
	head, ok := s.headline()
	if !ok {
		return
	}
	for i := range out {
		h := &out[i]
		if h.Attribution != "" || h.DeniedBy != "" || !head.Contains(doc.Span{Start: h.Start, End: h.End}) {
			continue
		}
		for j := range out {
			b := &out[j]
			if b.Start < head.End || b.SpeakerText == "" && b.Via == nil || !sameFigure(h, b) {
				continue
			}
			h.Speaker, h.SpeakerText, h.Side, h.Via = b.Speaker, b.SpeakerText, b.Side, slices.Clone(b.Via)
			h.Hedged, h.DeniedBy = h.Hedged || b.Hedged, b.DeniedBy
			if h.Evidence == doc.EvidenceUnknown {
				h.Evidence = b.Evidence
			}
			break
		}
	}
}

// headline returns the span of the document's headline: its first line,
// when that is its title or, set apart by a blank line, ends without a
// full stop (no sentence of running text).
func (s *state) headline() (doc.Span, bool) {
	if end, ok := s.titleLine(); ok {
		return doc.Span{Start: 0, End: end}, true
	}
	end := strings.IndexByte(s.text, '\n')
	if end < 0 {
		return doc.Span{}, false
	}
	line := strings.TrimSpace(s.text[:end])
	set := strings.HasPrefix(strings.TrimLeft(s.text[end+1:], " \t\r"), "\n")
	if line == "" || !set || strings.HasSuffix(line, ".") || strings.HasSuffix(line, "!") || strings.HasSuffix(line, "?") ||
		strings.HasSuffix(line, "…") {
		return doc.Span{}, false
	}
	return doc.Span{Start: 0, End: end}, true
}

// titleLine returns the end of the document's first line when that line
// is its title.
func (s *state) titleLine() (int, bool) {
	end := strings.IndexByte(s.text, '\n')
	if end < 0 {
		end = len(s.text)
	}
	t := strings.TrimSpace(s.a.Document.Title)
	return end, t != "" && t == strings.TrimSpace(s.text[:end])
}

// sameFigure reports whether two claims give the same figure: metric,
// party, kind of people (none is everyone) and bounds.
func sameFigure(a, b *doc.Claim) bool {
	unit := func(u string) string {
		if u == "people" {
			return ""
		}
		return u
	}
	bound := func(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return a.Metric == b.Metric && a.About == b.About && unit(a.Unit) == unit(b.Unit) && bound(a.Low, b.Low) && bound(a.High, b.High)
}

// datedSentence reports whether sentence si holds a time expression.
func (s *state) datedSentence(si int) bool {
	sent := s.sents[si]
	return s.overlapsTime(doc.Span{Start: s.words[sent[0]].start, End: s.words[sent[1]-1].end})
}

// eachSide reports whether the figure that ends before word e counts on
// each side ("two people on each side", "three soldiers on either
// side"), within the next words of its sentence.
func (s *state) eachSide(e int) bool {
	if e >= len(s.words) {
		return false
	}
	si := s.words[e].sent
	for k := e; k < s.sents[si][1] && k < e+6; k++ {
		if (s.lows[k] == "each" || s.lows[k] == "either") && s.lx.is("both", s.lows, k) > 0 {
			return true
		}
	}
	return false
}

// conflictParties returns the countries and groups the document names, in
// order of first mention (places do not count); of three or more, the
// two named at least twice as often as any other, when there are.
func (s *state) conflictParties() []doc.Party {
	var ps []doc.Party
	var n []int
	for _, m := range s.marks {
		if m.place {
			continue
		}
		if i := slices.Index(ps, m.party); i >= 0 {
			n[i]++
		} else {
			ps, n = append(ps, m.party), append(n, 1)
		}
	}
	if len(ps) <= 2 {
		return ps
	}
	// Two parties named far more than the rest are the conflict's ("the
	// Soviet Union collapsed in 1991" names no third side).
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return n[b] - n[a] })
	if n[order[2]]*2 > n[order[1]] {
		return ps
	}
	return []doc.Party{ps[min(order[0], order[1])], ps[max(order[0], order[1])]}
}

// gapped reports whether the figure at words [b,e) repeats the frame of
// an earlier figure at words [pb,pe) whose metric it leaves out: the same
// preposition before both ("of 24 dead; …, of 31") and nothing counted
// after it, or the same kind of thing counted in both ("the killing of
// 10 civilians … and of five civilians").
func (s *state) gapped(b, e, pb, pe int) bool {
	if b == 0 || pb == 0 || s.lows[b-1] != s.lows[pb-1] {
		return false
	}
	switch s.lows[b-1] {
	case "of", "to", "at":
	default:
		return false
	}
	if s.countedInside(b, e) {
		return s.nounAfter(b, e) == s.nounAfter(pb, pe)
	}
	return e >= len(s.words) || s.words[e].sent != s.words[b].sent || !s.countsOther(e) && s.lx.is("people", s.lows, e) == 0 && s.lx.is("building", s.lows, e) == 0
}

// mirrored reports whether the figure at words [b,e), after "and", repeats
// the frame that follows the claim ending before word pe: the same
// preposition after both ("59 dead on the Kyrgyz side and 35 on the Tajik
// side").
func (s *state) mirrored(b, e, pe int) bool {
	if b == 0 || s.lows[b-1] != "and" || e >= len(s.lows) || pe >= b || s.words[e].sent != s.words[b].sent {
		return false
	}
	switch s.lows[e] {
	case "on", "in", "among", "from":
		return s.lows[pe] == s.lows[e]
	}
	return false
}

// withSideParts reports whether the figure at words [b,e) opens the
// parts of a toll by side after "with": "with 59 on the Kyrgyz side",
// "with 59 in Kyrgyzstan".
func (s *state) withSideParts(b, e int) bool {
	if b == 0 || s.lows[b-1] != "with" || e+1 >= len(s.lows) || s.lows[e] != "on" && s.lows[e] != "in" {
		return false
	}
	for _, m := range s.marks {
		if m.word > e && m.word <= e+2 && s.words[m.word].sent == s.words[b].sent {
			return true
		}
	}
	return false
}

// anAge reports whether figure q at words [b,e) gives someone's age: by
// its own words (age), the words before it (ageAfter) or as an aside
// after a name (ageAfterName).
func (s *state) anAge(b, e int, q doc.Quantity) bool {
	return age(s.text, q) || s.ageAfter(b) || s.ageAfterName(b, e)
}

// age reports whether the figure q gives someone's age ("52-year-old", "52
// years old").
func age(text string, q doc.Quantity) bool {
	t := segment.Lower(q.Text)
	if strings.HasPrefix(t, "a ") || strings.HasPrefix(t, "an ") {
		return false // a victim whose age it gives (singles): "a 75-year-old man"
	}
	if strings.Contains(t, "year-old") || strings.Contains(t, "years old") {
		return true
	}
	rest := segment.Lower(text[q.End:min(len(text), q.End+12)])
	return strings.HasPrefix(rest, "-year") || strings.HasPrefix(rest, " years old") || strings.HasPrefix(rest, " year-old")
}

// notFound reports whether "not … found" (or "recovered") follows word
// e in its clause.
func (s *state) notFound(e int) bool {
	neg := false
	for k := e; k < len(s.words) && k < e+6 && s.words[k].sent == s.words[e-1].sent; k++ {
		switch s.lows[k] {
		case "not", "n't", "never", "yet":
			neg = true
		case "found", "recovered", "located":
			return neg
		case ",", ";":
			return false
		}
	}
	return false
}

// ageAfter reports whether the figure at word b follows words that make
// it an age ("at the age of 94", "at age 74", "died at 43", "aged 20",
// "between the ages of 20 and 30").
func (s *state) ageAfter(b int) bool {
	if b > 0 && s.lows[b-1] == "aged" {
		return true
	}
	if b >= 2 && s.lows[b-1] == "age" && s.lows[b-2] == "at" {
		return true // "died Friday at age 74"
	}
	if b >= 2 && s.lows[b-1] == "at" && (s.lows[b-2] == "died" || s.lows[b-2] == "dies") {
		return true // "died at 43"
	}
	return b >= 2 && s.lows[b-1] == "of" && (s.lows[b-2] == "age" || s.lows[b-2] == "ages")
}

// yearLike reports whether figure q at word b is a year the time layer
// left alone: four digits from 1900 to 2100 without a unit, after an
// article or a preposition ("despite a 2015 ruling", "in 2014").
func (s *state) yearLike(b int, q doc.Quantity) bool {
	if b == 0 || q.Unit != "" || q.Low == nil || len(strings.TrimSpace(q.Text)) != 4 || *q.Low < 1900 || *q.Low > 2100 {
		return false // (a figure of four characters from 1900 up is whole)
	}
	switch s.lows[b-1] {
	case "a", "the", "in", "of", "since", "from", "until", "by", "before", "after", "during":
		return true
	}
	return false
}

// ageAfterName reports whether the figure at words [b,e) is set off by
// commas right after a person's name: an age ("Anthony Morelli, 54, was
// killed").
func (s *state) ageAfterName(b, e int) bool {
	if b < 2 || e >= len(s.words) || e-b != 1 || s.lows[b-1] != "," || s.lows[e] != "," {
		return false
	}
	end := s.words[b-2].end
	for _, en := range s.a.Entities {
		if en.Kind != doc.KindPerson {
			continue
		}
		for _, m := range en.Mentions {
			if m.End == end {
				return true
			}
		}
	}
	return false
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
	t = strings.TrimPrefix(strings.TrimPrefix(t, "as many as "), "as much as ") // bounds, not vague
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
	if k >= len(s.lows) {
		return false // the text ends with the figure
	}
	w := s.lows[k]
	if s.lx.is("filler", s.lows, k) > 0 || s.counted(k) > 0 {
		return false
	}
	if n, _ := s.lx.metrics.match(s.lows, k); n > 0 {
		return false
	}
	switch w {
	case ",", "and", "to", "from", "on", "for", "by", "with", "after", "before", "during", "since", "over", "across", "near":
		return false // "forced 137,000 to flee": no noun after the figure
	}
	if strings.HasSuffix(w, "ly") || len(w) > 4 && strings.HasSuffix(w, "ed") {
		return false // an adverb, or a verb: "11 received gunshot wounds"
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

// countedInside reports whether the figure at words [b,e) holds its
// counted noun ("144 people"): a word after it is then no other noun it
// counts ("144 people remain in hospital").
func (s *state) countedInside(b, e int) bool {
	for k := b + 1; k < e; k++ {
		if s.counted(k) > 0 {
			return true
		}
	}
	return false
}

// counted returns the number of words of the counted noun (people, a
// building, equipment) that starts at word k, or 0.
func (s *state) counted(k int) int {
	if n := s.lx.is("people", s.lows, k); n > 0 {
		return n
	}
	if n := s.lx.is("building", s.lows, k); n > 0 {
		return n
	}
	return s.lx.is("equipment", s.lows, k)
}

// listItem returns the end of the thing of a list that word k opens, one
// of a kind that figures count, with an article and up to two words
// before its noun ("a school", "a border post", "an old mosque"), or -1.
func (s *state) listItem(k, end int) int {
	if k >= end || s.lows[k] != "a" && s.lows[k] != "an" {
		return -1
	}
	for j := k + 1; j < end && j <= k+3; j++ {
		if n := s.counted(j); n > 0 {
			return j + n
		}
		if s.isQ[j] != 0 || s.hard(j) || s.lows[j] == "," || s.lows[j] == "and" {
			break
		}
	}
	return -1
}

// nounAfter returns the class of the noun a figure counts ("people",
// "building", "area", "equipment"), or "".
func (s *state) nounAfter(b, e int) string {
	for k := b + 1; k < len(s.words) && k < e+3; k++ {
		for _, class := range []string{"area", "building", "people", "equipment"} {
			if n := s.lx.is(class, s.lows, k); n > 0 {
				if class == "people" && k+n < len(s.words) && s.lx.is("building", s.lows, k+n) > 0 {
					return "building" // "30 civilian facilities"
				}
				return class
			}
		}
		if s.isQ[k] != 0 && s.isQ[k] != s.isQ[b] || s.hard(k) {
			break
		}
	}
	return ""
}

// peopleKind returns the kind of people a figure at words [b,e) counts,
// when its noun names one: doc.KindCivilians ("10 civilians"),
// doc.KindServicemen ("26 servicemen", "two Tajik border guards"); "" for
// people of any kind ("63 people", "residents").
func (s *state) peopleKind(b, e int) string {
	for k := b + 1; k < len(s.words) && k < e+3; k++ {
		switch {
		case s.lx.is("civilians", s.lows, k) > 0:
			return doc.KindCivilians
		case s.lx.is("servicemen", s.lows, k) > 0:
			return doc.KindServicemen
		case s.lx.is("people", s.lows, k) > 0:
			return ""
		}
		if s.isQ[k] != 0 && s.isQ[k] != s.isQ[b] || s.hard(k) {
			break
		}
		if k < e {
			continue
		}
		switch s.lows[k] {
		case ",", "and", "when", "after", "as", "by", "while", "in", "on", "at", "near", "from", "with", "during":
			return "" // past the figure's noun: "10 wounded when Kyrgyz border guards opened fire"
		}
	}
	return ""
}

// kindAfterCopula returns the kind of people that "were" at word k says
// the figure before counts ("14 of the dead were civilians", "another 27
// were servicemen") and the end of the words that name it, or "".
func (s *state) kindAfterCopula(k int) (string, int) {
	if k+1 >= len(s.words) || s.words[k+1].sent != s.words[k].sent {
		return "", k
	}
	switch s.lows[k] {
	case "were", "was", "are", "is":
	default:
		return "", k
	}
	if n := s.lx.is("civilians", s.lows, k+1); n > 0 {
		return doc.KindCivilians, k + 1 + n
	}
	if n := s.lx.is("servicemen", s.lows, k+1); n > 0 {
		return doc.KindServicemen, k + 1 + n
	}
	return "", k
}

// equipmentAfter returns the kind of equipment a figure at words [b,e)
// counts, in the singular: "tank" for "12 Tajik tanks", "armoured
// vehicle" for "4 armoured vehicles".
func (s *state) equipmentAfter(b, e int) string {
	for k := b + 1; k < len(s.words) && k < e+3; k++ {
		if n := s.lx.is("equipment", s.lows, k); n > 0 {
			words := slices.Clone(s.lows[k : k+n])
			last := words[n-1]
			if strings.HasSuffix(last, "s") && len(last) > 3 && !strings.HasSuffix(last, "ss") {
				words[n-1] = strings.TrimSuffix(last, "s")
			}
			return strings.Join(words, " ")
		}
		if s.isQ[k] != 0 && s.isQ[k] != s.isQ[b] || s.hard(k) {
			break
		}
	}
	return ""
}

// clockTime reports whether quantity q at word b is a time of day written
// with a dot or colon after "as of", "at", "by", "until" or "since" ("as
// of 10.00", "at 18:30").
func (s *state) clockTime(b int, q doc.Quantity) bool {
	t := strings.TrimSpace(q.Text)
	if len(t) < 4 || len(t) > 5 || b == 0 {
		return false
	}
	sep := strings.IndexAny(t, ".:")
	if sep < 1 || sep > 2 || len(t)-sep != 3 {
		return false
	}
	for i := range len(t) {
		if i != sep && (t[i] < '0' || t[i] > '9') {
			return false
		}
	}
	switch s.lows[b-1] {
	case "of", "at", "by", "until", "since", "till":
		return true
	}
	return false
}

// partOfPrevious returns the claim of the sentence before sentence si
// (news paragraphs are short: in the paragraph before too) that si breaks
// down, when si opens with a phrase of class part-of ("Of them,", "Of the
// dead,", "Among the dead were", "Among those killed"): the last one, of
// metric when not "".
func (s *state) partOfPrevious(si int, out []doc.Claim, metric string) (int, bool) {
	if si == 0 || len(out) == 0 {
		return 0, false
	}
	first := s.sents[si][0]
	n := s.lx.is("part-of", s.lows, first)
	if n == 0 {
		return 0, false
	}
	// The words after the phrase name what it divides, if anything: the
	// metric of the figure before, or one that counts people.
	// (A phrase that holds its metric may be followed by the figure or a
	// dash: "Среди погибших — 4 ребенка", "Среди погибших 4 ребенка".)
	named, _ := s.lx.metrics.match(s.lows[:first+n], first+n-1)
	if k := first + n; k < s.sents[si][1] && !(named > 0 && s.isQ[k] != 0) {
		switch s.lows[k] {
		case ",", "were", "was", "были", "был", "была":
			// "Among them were …"
		case "—", "–", "-":
			if named == 0 {
				return 0, false
			}
		default:
			if m, _ := s.lx.metrics.match(s.lows, k); m == 0 {
				return 0, false
			}
		}
	}
	return s.previousClaim(si, out, metric, true)
}

// stateAfter reports whether a state (not a place of one) is named within
// the three words after word e ("59 in Kyrgyzstan"): a part of a toll by
// side, where a part by district ("Isfara 15,850 persons") is a detail.
func (s *state) stateAfter(e int) bool {
	for _, m := range s.marks {
		if !m.place && m.word >= e && m.word < e+3 {
			return true
		}
	}
	return false
}

// inParensAfter reports whether word b lies in parentheses that open at
// word pe, right after a claim, and hold figures only with the words
// between them ("(59 in Kyrgyzstan and 35 in Tajikistan)").
func (s *state) inParensAfter(b, pe int) bool {
	if pe >= b || s.lows[pe] != "(" {
		return false
	}
	for k := pe + 1; k < b; k++ {
		if s.lows[k] == ")" || s.lows[k] == "(" {
			return false
		}
	}
	return true
}

// previousClaim returns the last claim of the sentence before sentence si
// (in its paragraph, unless across is set), of metric when not "": the
// figure a breakdown there breaks down, if it is one.
func (s *state) previousClaim(si int, out []doc.Claim, metric string, across bool) (int, bool) {
	if si == 0 {
		return 0, false
	}
	prev := s.sents[si-1]
	if !across && s.paragraphBreak(si-1) {
		return 0, false // another paragraph
	}
	for i := len(out) - 1; i >= 0; i-- {
		b := s.wordAt(out[i].Start)
		if b < prev[0] {
			break
		}
		if b >= prev[1] || metric != "" && out[i].Metric != metric {
			continue
		}
		if out[i].Breakdown == "" {
			return i, true
		}
		for j := i - 1; j >= 0; j-- {
			if out[j].ID == out[i].Breakdown {
				return j, true
			}
		}
	}
	return 0, false
}

// partOf reports whether the figure at words [b, e) is a part of a figure
// that ends before word from: a "part" phrase stands between them ("of
// which 36") or a "part-after" phrase follows the figure ("19 of them").
func (s *state) partOf(b, e, from int) bool {
	_, whole := s.wholeBefore(b)
	return whole || s.partBefore(b, from) || s.lx.is("part-after", s.lows, e) > 0
}

// wholeBefore returns the words of the figure that a sentence opens with
// as the whole of the figure at word b: "Of the 59 dead, 37 were
// servicemen", "Among the 144 wounded, 19 are children".
func (s *state) wholeBefore(b int) ([2]int, bool) {
	first := s.sents[s.words[b].sent][0]
	k := first
	if k >= b || s.lows[k] != "of" && s.lows[k] != "among" && s.lows[k] != "из" {
		return [2]int{}, false
	}
	k++
	if k < b && s.lows[k] == "the" {
		k++
	}
	if k >= b || s.isQ[k] == 0 || b < 2 || s.lows[b-1] != "," {
		return [2]int{}, false
	}
	end := s.qend[s.isQ[k]-1]
	for j := end; j < b-1; j++ {
		if s.isQ[j] != 0 || s.hard(j) {
			return [2]int{}, false
		}
	}
	return [2]int{k, b - 1}, true
}

// partBefore reports whether a "part" phrase ("of which", "including")
// stands between word from and word b.
func (s *state) partBefore(b, from int) bool {
	for k := from; k < b; k++ {
		if s.lx.is("part", s.lows, k) > 0 || s.lows[k] == ":" && k+1 == b {
			return true // "of which 36", "killed 55 people: 36 on the Kyrgyz side"
		}
	}
	return false
}

// totalBefore reports whether a running-total phrase ("rose to") ends just
// before word b, or one of total opens its sentence ("In total, …").
func (s *state) totalBefore(b int) bool {
	for k := b - 1; k >= 0 && k >= b-3; k-- {
		if n := s.lx.is("total", s.lows, k); n > 0 && k+n >= b-1 {
			return true
		}
	}
	// A sentence that opens with "In total" or "Всего" gives totals: "Всего
	// за медицинской помощью обратились 198 человек".
	k := s.sents[s.words[b].sent][0]
	for j := k; j < b; j++ {
		if s.isQ[j] != 0 {
			return false // the total is the sentence's first figure, not its parts
		}
	}
	switch s.lows[k] {
	case "всего", "итого", "overall":
		return k < b
	case "in":
		return k+1 < b && (s.lows[k+1] == "total" || s.lows[k+1] == "all")
	}
	return false
}

// partial reports whether the figure at words [b,e) (with its metric)
// counts one incident or place of an event only: a clause "when" a
// munition hit something follows it ("nine people killed when a drone
// struck the village mosque"), "alone" follows a place after it ("47
// villagers were killed in the Batken region alone"), or its sentence
// opens "In one case" ("In one attack, …").
func (s *state) partial(b, e int) bool {
	sent := s.sents[s.words[b].sent]
	if k := sent[0]; k+2 < b && s.lows[k] == "in" && s.lows[k+1] == "one" {
		return true
	}
	if k := sent[0]; s.lows[k] == "in" {
		// "In Kok-Tash alone, 64 houses were razed."
		for j := k + 2; j < b && j <= k+6; j++ {
			if s.lows[j] == "alone" {
				return slices.ContainsFunc(s.marks, func(m partyMark) bool { return m.place && m.word > k && m.end <= j })
			}
		}
	}
	place := false
	for k := e; k < sent[1] && k < e+12; k++ {
		switch {
		case s.isQ[k] != 0 || s.hard(k) || s.lows[k] == ";":
			return false
		case s.lows[k] == "when":
			// A munition hitting something: "when a drone struck the
			// mosque", not "when border guards opened fire".
			munition := false
			for j := k + 1; j < sent[1] && j <= k+5; j++ {
				switch s.lows[j] {
				case "drone", "shell", "missile", "rocket", "mortar", "bomb", "mine", "grenade", "projectile", "strike", "airstrike":
					munition = true
				}
				if munition && (s.lx.is("strike", s.lows, j) > 0 || s.lows[j] == "exploded" || s.lows[j] == "landed") {
					return true
				}
			}
			return false
		case s.lows[k] == "alone":
			return place
		}
		for _, m := range s.marks {
			place = place || m.word == k && m.place
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

// sourceInParens returns the source named in parentheses right after the
// figure at q or the claim's words ending at end, the way lists credit a
// figure: an organisation or person ("59 (Ministry of Health)"), a body
// of government without an entity ("41 (Sughd regional authorities)"), or
// any of them or a state with words that credit it ("63 killed (per
// Kyrgyzstan)", "100+ soldiers killed (Kyrgyz claim)"), with the entity
// if any, and the span of the name.
func (s *state) sourceInParens(q doc.Span, end int) (*doc.Entity, doc.Span, bool) {
	after := max(q.End, end)
	rest := s.text[after:]
	skip := len(rest) - len(strings.TrimLeft(rest, " "))
	if !strings.HasPrefix(rest[skip:], "(") {
		return nil, doc.Span{}, false
	}
	open := after + skip
	cl := strings.IndexByte(s.text[open:], ')')
	if cl < 0 || cl > 80 {
		return nil, doc.Span{}, false
	}
	inner := doc.Span{Start: open + 1, End: open + cl}
	for i := range s.a.Entities {
		e := &s.a.Entities[i]
		for _, m := range e.Mentions {
			if !inner.Contains(m.Span()) {
				continue
			}
			lead := strings.ToLower(strings.TrimSpace(s.text[inner.Start:m.Start]))
			trail := strings.ToLower(strings.TrimSpace(s.text[m.End:inner.End]))
			credit := creditLeads[lead] && trail == "" || lead == "" && creditTrails[trail]
			switch {
			case e.Kind != doc.KindOrganization && e.Kind != doc.KindPerson && e.Kind != doc.KindOutlet && e.Kind != doc.KindCountry:
			case credit:
				return e, doc.Span{Start: m.Start, End: m.End}, true
			case e.Kind != doc.KindCountry && (lead == "" || lead == "the") && trail == "":
				return e, inner, true
			}
		}
	}
	if words := strings.Fields(s.text[inner.Start:inner.End]); len(words) > 0 && len(words) <= 6 && s.government(s.text[inner.Start:inner.End]) {
		return nil, inner, true
	}
	return nil, doc.Span{}, false
}

// creditLeads are the words before a name in parentheses that credit a
// figure to it ("(per Kyrgyzstan)"); creditTrails the words after one
// ("(Kyrgyz claim)").
var (
	creditLeads  = map[string]bool{"per": true, "as per": true, "according to": true, "claimed by": true, "by": true, "source:": true}
	creditTrails = map[string]bool{"claim": true, "claims": true, "estimate": true, "estimates": true, "figure": true, "figures": true, "data": true, "sources": true}
)

// relativeReport returns the attribution of a relative clause on the
// figure at q ("342 homes that the Kyrgyz authorities say were burned"):
// its source follows the figure's words and "that" or "which" with
// nothing else between, and its content follows its cue; -1 when none.
func (s *state) relativeReport(q doc.Span) int {
	for i, at := range s.a.Attributions {
		if at.Source == nil || at.Cue == nil || at.Source.Start <= q.End || at.Source.Start-q.End > 60 || at.Content.Start < at.Cue.End {
			continue
		}
		b, e := s.wordAt(q.End), s.wordAt(at.Source.Start)
		if e-b < 1 || e-b > 4 || (s.lows[e-1] != "that" && s.lows[e-1] != "which") {
			continue
		}
		plain := true
		for k := b; k < e-1; k++ {
			plain = plain && s.words[k].sent == s.words[b].sent && !s.hard(k) && s.lows[k] != ","
		}
		if plain {
			return i
		}
	}
	return -1
}

// reportBefore returns the attribution whose content ends just before
// the figure at q in the figure's sentence, its cue before the content,
// where the figure is added to the report by ", with", ", and" or ",
// including" ("the ministry said the toll had climbed to 59, with 144
// others wounded"). -1 when there is none.
func (s *state) reportBefore(q doc.Span) int {
	k := s.wordAt(q.Start)
	if k >= len(s.words) {
		return -1
	}
	sent := s.sents[s.words[k].sent]
	from, to := s.words[sent[0]].start, s.words[sent[1]-1].end
	best := -1
	for i, at := range s.a.Attributions {
		if at.Cue == nil || at.Content.Start < from || at.Content.End > q.Start || at.Cue.End > at.Content.Start || q.End > to {
			continue
		}
		if !addedTo(s.text[at.Content.End:q.Start]) {
			continue
		}
		if best < 0 || at.Content.End > s.a.Attributions[best].Content.End {
			best = i
		}
	}
	return best
}

// andGap reports whether gap, the text between a claim and a figure
// after it, only joins them: "and", ", and" or a comma.
func andGap(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "and", ", and", ",", "и", ", и":
		return true
	}
	return false
}

// pastParty returns the end of a party's name that follows byte off after
// a space ("41 гражданин Таджикистана и 59 …": whose citizens), else off.
func (s *state) pastParty(off int) int {
	for _, m := range s.marks {
		if m.span.Start > off && strings.TrimSpace(s.text[off:m.span.Start]) == "" {
			return m.span.End
		}
	}
	return off
}

// addedTo reports whether gap, the text between a report and a figure
// after it, adds the figure to the report: a comma, then "with", "and",
// "including" or "plus", and at most four more words.
func addedTo(gap string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(gap, " "), ",")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	switch strings.ToLower(words[0]) {
	case "with", "and", "including", "plus":
		return true
	}
	return false
}

// attribute sets who states the claim: the innermost attribution whose
// content holds the figure, else a report it continues, a source named in
// parentheses after it, or the document's outlet.
func (s *state) attribute(c *doc.Claim, q doc.Span) {
	// The innermost attribution whose content holds the figure, of those
	// that name a source if any does: a cue without a source inside
	// another's content ("accused Kyrgyzstan of laying claim to 1,200 km²")
	// says nothing of who speaks.
	ats := s.a.Attributions
	better := func(i, j int) bool {
		if (ats[i].Source != nil) != (ats[j].Source != nil) {
			return ats[i].Source != nil
		}
		return ats[i].Content.Len() < ats[j].Content.Len()
	}
	best := -1
	for i, at := range ats {
		if at.Content.Contains(q) && (best < 0 || better(i, best)) && !s.intention(at) {
			best = i
		}
	}
	sum := s.sumOfBoth(s.wordAt(q.Start))
	if best >= 0 && sum {
		best = -1 // the writer's sum of the sides' reports
	}
	if best < 0 && !sum {
		best = s.relativeReport(q)
	}
	if best < 0 && !sum {
		best = s.reportBefore(q)
	}
	if best < 0 {
		if denier, ok := s.denialBefore(q); ok {
			// "МИД Таджикистана опроверг информацию о гибели 300
			// таджикских военных": a figure someone denies, nobody's
			// own.
			c.Hedged, c.DeniedBy = true, denier
			return
		}
		if e, sp, ok := s.sourceInParens(q, c.End); ok {
			// "Killed in Kyrgyzstan: 59 (Ministry of Health)", "41 (Sughd
			// regional authorities)"
			c.SpeakerText = s.text[sp.Start:sp.End]
			if e != nil {
				c.Speaker, c.Side = e.ID, e.Side
			}
			for _, m := range s.marks {
				if c.Side == "" && sp.Contains(s.wordsSpan(m.word, m.end)) {
					c.Side = m.party
				}
			}
			if c.Side == "" && s.body(c.SpeakerText) {
				if c.Side = s.home; !s.named(c.Side) {
					c.Side = s.sentenceParty(q, sp) // "Killed in Kyrgyzstan: 59 (Ministry of Health)"
				}
			}
			c.Hedged = s.hedgeNear(q)
			return
		}
		if e := s.outlet(); s.author != nil {
			c.Speaker, c.SpeakerText = s.authorID, s.author.Text // "Statement by the Committee for Emergency Situations …"
		} else if e != nil {
			c.Speaker = e.ID
		}
		c.Side = s.home
		c.Hedged = s.hedgeNear(q)
		return
	}
	at := s.a.Attributions[best]
	c.Attribution = at.ID
	if cited, ok := s.citedSource(at); ok {
		at = cited // "Asia-Plus, citing a source in the regional administration, reported …"
	}
	c.Speaker = at.Speaker
	if at.Source != nil {
		c.SpeakerText = at.Source.Text
	}
	if at.Speaker == "" {
		if ante := s.antecedent(best); ante >= 0 {
			// "According to the source, …" after "a source in the Sughd
			// regional administration said …".
			o := s.a.Attributions[ante]
			at.Speaker, at.Source = o.Speaker, o.Source
			c.Speaker, c.SpeakerText = o.Speaker, o.Source.Text
		} else if b := s.bodyBefore(at); b != nil {
			// "МИД Таджикистана опроверг … По данным ведомства, …": the
			// body named last.
			at.Speaker, c.Speaker, c.SpeakerText = b.ID, b.ID, b.Name
		}
	}
	e := s.entity(at.Speaker)
	if e != nil {
		c.Side = e.Side
		if c.Side == "" {
			c.Side = partyOf(*e)
		}
		switch {
		case e.Kind == doc.KindCountry && at.Source != nil && (!s.speaksForState(at.Source.Span(), e) || s.namesBody(at.Source.Span())),
			e.Kind == doc.KindPlace && at.Source != nil && s.namesBody(at.Source.Span()):
			// "users of Tajik social networks" are on the Tajik side but
			// are not Tajikistan; nor is "Kyrgyzstan's health ministry",
			// one of its bodies, or "the Sughd regional administration"
			// the region: the text names them.
			c.Speaker = ""
		}
	}
	if at.Source != nil && s.pairedIn(at.Source.Span()) {
		// "The presidents of Kyrgyzstan and Tajikistan", "Kyrgyz and
		// Tajik officials": a source of both parties speaks for neither.
		c.Speaker, c.Side = "", ""
	}
	if s.ofTheRepublic(at.Source) {
		// "сообщили в Министерстве здравоохранения республики", "в
		// пограничных войсках ГКНБ республики", "the republic's Health
		// Ministry": the state of the dateline, else of the places the
		// sentence names, over the entity of an abbreviation that bodies
		// of several states share (ГКНБ, МЧС).
		if r := s.theRepublic(q); r != "" {
			c.Side = r
		}
	}
	if c.Side == "" && at.Source != nil {
		// A source that names a party without an entity of its own ("a
		// source in the Sughd regional administration").
		for _, m := range s.marks {
			if sp := s.wordsSpan(m.word, m.end); at.Source.Span().Contains(sp) {
				c.Side = m.party
			}
		}
	}
	if c.Side == "" && e != nil && e.Kind == doc.KindPerson && len(s.parties) == 1 && s.official(e) {
		// "Mukhriddin Saidov, the head of the district administration", in
		// a report that names one state: an official of that state.
		c.Side = s.parties[0]
	}
	if c.Side == "" && (e != nil && e.Kind == doc.KindOrganization && s.government(e.Name) ||
		e != nil && e.Kind == doc.KindPerson && s.official(e) ||
		e == nil && at.Source != nil && s.government(at.Source.Text)) {
		// A government body or official named without a country ("the
		// Ministry of Emergency Situations", "министр здравоохранения
		// Алымкадыр Бейшеналиев") speaks for the outlet's state, when the
		// report is about it: for a wire abroad ("BISHKEK /TASS/. … the
		// republic's Health Ministry said") it is another state's. An
		// outlet of no side ("Kyrgyzstan – Border clashes, Situation
		// Report") writes of the state its title names alone.
		switch opening := s.openingIn(q); {
		case s.named(s.home), s.home != "" && s.datelineParty() == s.home:
			c.Side = s.home // (or a report from its capital: "BISHKEK (AKIpress) - The Ministry of Health …")
		case opening != "":
			c.Side = opening // "In Tajikistan, the authorities said …"
		case s.home == "":
			c.Side = s.titleState()
			if c.Side == "" && s.body(at.Source.Text) && c.Metric != "military_losses" && c.Metric != "captured" {
				// "Houses destroyed in Kyrgyzstan: about 500, according
				// to the Emergencies Ministry": the state whose losses it
				// counts (the enemy's tanks destroyed or men captured are
				// no body's own).
				c.Side = s.sentenceParty(q, at.Source.Span())
			}
		}
		if c.Side == "" && at.Source != nil && s.localSource(at.Source.Span()) {
			// "Local officials say 47 villagers were killed in the Batken
			// region": the officials of the place.
			c.Side = s.placeParty(q)
		}
	}
	for _, id := range at.Via {
		for _, o := range s.a.Attributions {
			if o.ID == id && o.Source != nil {
				c.Via = append(c.Via, o.Source.Text)
			}
		}
	}
	if c.Side == "" && at.Source != nil && s.dataSource(*at.Source) && len(at.Via) == 0 {
		// "According to preliminary data, …": the publisher's own figures.
		c.Side = s.home
	}
	for i := len(at.Via) - 1; i >= 0 && c.Side == ""; i-- {
		// A source of no side relayed by one of a side ("According to
		// preliminary data, 35 civilians were killed, the Sughd regional
		// administration reported"): the relay's side.
		for _, o := range s.a.Attributions {
			if o.ID == at.Via[i] {
				c.Side = s.sourceSide(o)
			}
		}
	}
	if at.Evidence != "" {
		c.Evidence = at.Evidence
	}
	c.Hedged = at.Hedged || s.hedgeNear(q)
	if s.denies(at) {
		denier := c.Side
		s.deniedClaim(c, at)
		c.Evidence = s.authorEvidence(*c, at)
		if denier != c.Side {
			c.DeniedBy = denier
		}
	}
}

// intention reports whether an attribution's content is what its source
// means to do rather than what it reports: a content after the cue that
// opens with "to" ("have agreed to withdraw troops after clashes that
// killed at least 55 people", "vowed to rebuild the 300 houses"). Its
// figures are not the source's.
func (s *state) intention(at doc.Attribution) bool {
	if at.Cue == nil || at.Content.Start < at.Cue.End {
		return false
	}
	k := s.wordAt(at.Content.Start)
	return k < len(s.lows) && s.lows[k] == "to"
}

// pairedIn reports whether span sp names two parties joined as a pair
// ("Kyrgyzstan and Tajikistan", "Kyrgyz and Tajik").
func (s *state) pairedIn(sp doc.Span) bool {
	for _, m := range s.marks {
		if sp.Contains(m.span) && !m.place && s.paired(m) {
			return true
		}
	}
	return false
}

// bodyBefore returns the organisation that a source naming a body by a
// word of any body ("ведомства", "the agency") means: the body of
// government mentioned last in the two sentences before it, or nil.
func (s *state) bodyBefore(at doc.Attribution) *doc.Entity {
	if at.Source == nil {
		return nil
	}
	switch strings.TrimPrefix(segment.Lower(at.Source.Text), "the ") {
	case "ведомства", "ведомство", "ведомстве", "agency", "department":
	default:
		return nil
	}
	k := s.wordAt(at.Source.Start)
	if k >= len(s.words) {
		return nil
	}
	from := s.words[s.sents[max(s.words[k].sent-2, 0)][0]].start
	var best *doc.Entity
	bestAt := -1
	for i := range s.a.Entities {
		e := &s.a.Entities[i]
		if e.Kind != doc.KindOrganization || !s.government(e.Name) && !s.body(e.Name) {
			continue // (not "СМИ", the media)
		}
		for _, m := range e.Mentions {
			if m.Start >= from && m.End <= at.Source.Start && m.Start > bestAt {
				best, bestAt = e, m.Start
			}
		}
	}
	return best
}

// denialBefore reports whether a verb of denial opens the clause of the
// figure at q, within ten words before it, after the name of a party
// that denies, and returns that party ("МИД Таджикистана опроверг
// информацию о гибели 300 …": TJ).
func (s *state) denialBefore(q doc.Span) (doc.Party, bool) {
	b := s.wordAt(q.Start)
	if b >= len(s.words) {
		return "", false
	}
	sent := s.sents[s.words[b].sent]
	for k := b - 1; k >= sent[0] && k >= b-10; k-- {
		if s.lows[k] == ";" || s.lows[k] == "," || s.hard(k) || s.isQ[k] != 0 {
			return "", false
		}
		if s.lx.is("deny", s.lows, k) == 0 {
			continue
		}
		for _, m := range s.marks {
			if m.end <= k && m.end >= k-2 && m.word >= sent[0] {
				return m.party, true
			}
		}
		return "", false // no one named denies: a noun ("a dispute over water")
	}
	return "", false
}

// authorEvidence returns the evidence of a denied claim: what the denial
// says of it, else what a report of its author soon after says ("…
// rejected the statement by Minister X that … Speaking at the Assembly, X
// claimed … He did not provide any evidence").
func (s *state) authorEvidence(c doc.Claim, denial doc.Attribution) string {
	if denial.Evidence != "" && denial.Evidence != doc.EvidenceUnknown || c.Speaker == "" {
		return c.Evidence
	}
	for _, o := range s.a.Attributions {
		if o.Speaker == c.Speaker && o.Evidence != "" && o.Evidence != doc.EvidenceUnknown && o.Content.Start >= c.End && o.Content.Start-c.End < 600 {
			return o.Evidence
		}
	}
	return c.Evidence
}

// sumOfBoth reports whether the figure at word b is a toll of both sides
// that a participle adds up after a side's report: "Tajik officials put
// their own losses at 41, bringing the combined toll close to 100" is
// the writer's sum, not Tajikistan's figure.
func (s *state) sumOfBoth(b int) bool {
	sent := s.sents[s.words[b].sent]
	for k := b - 1; k > sent[0] && k >= b-8; k-- {
		if s.lows[k] == "," || s.hard(k) {
			return false
		}
		if sumParticiples[s.lows[k]] && s.lows[k-1] == "," {
			for j := k + 1; j < b; j++ {
				if s.lx.is("both", s.lows, j) > 0 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// citedSource returns the report of what at reports with the source it
// cites in its own words, reached through at: "Asia-Plus, citing a source
// in the Sughd regional administration, reported that 9 people had been
// killed", "According to local media, citing the regional administration,
// 12 people were killed" (the citing report runs from "citing" to the
// comma after its source), "RIA Novosti quoted the Kyrgyz border service
// as saying that …".
func (s *state) citedSource(at doc.Attribution) (doc.Attribution, bool) {
	if at.Source == nil || at.Cue == nil {
		return doc.Attribution{}, false
	}
	if sp, ok := s.quotedAs(at); ok {
		return s.citedAs(at, sp, ""), true
	}
	for _, o := range s.a.Attributions {
		if o.Source != nil && o.Source.Start != at.Source.Start || o.Cue == nil || o.Cue.Start < at.Source.End ||
			o.Cue.Start > at.Source.End+3 && o.Cue.Start != at.Content.Start {
			continue // (right after the source, or opening the content; of no source or the same)
		}
		switch segment.Lower(o.Cue.Text) {
		case "citing", "quoting":
		default:
			continue
		}
		end := o.Content.End
		if i := strings.IndexByte(s.text[o.Content.Start:o.Content.End], ','); i > 0 {
			end = o.Content.Start + i
		}
		sp := doc.Span{Start: o.Content.Start, End: end}
		if words := strings.Fields(s.text[sp.Start:sp.End]); len(words) == 0 || len(words) > 10 {
			return doc.Attribution{}, false
		}
		return s.citedAs(at, sp, o.ID), true
	}
	return doc.Attribution{}, false
}

// citedAs returns at with the source named at sp, reached through at (and
// not through the citing attribution with ID citing, which names it).
func (s *state) citedAs(at doc.Attribution, sp doc.Span, citing string) doc.Attribution {
	cited := at
	cited.Source, cited.Speaker = ptr(doc.MentionOf(s.text, sp)), s.entityIn(sp)
	cited.Via = append(slices.DeleteFunc(slices.Clone(at.Via), func(id string) bool { return id == citing }), at.ID)
	return cited
}

// quotedAs returns whom a report "quoted … as saying" ("RIA Novosti quoted
// the Kyrgyz border service as saying that …"): the words between the
// cue and "as saying".
func (s *state) quotedAs(at doc.Attribution) (doc.Span, bool) {
	switch cue := segment.Lower(at.Cue.Text); {
	case strings.HasSuffix(cue, "quoted"), strings.HasSuffix(cue, "quotes"), strings.HasSuffix(cue, "cited"), strings.HasSuffix(cue, "cites"):
	default:
		return doc.Span{}, false
	}
	content := s.text[at.Content.Start:at.Content.End]
	for _, as := range [...]string{" as saying", " as telling", " as stating"} {
		if i := strings.Index(content, as); i > 0 && len(strings.Fields(content[:i])) <= 10 {
			return doc.Span{Start: at.Content.Start, End: at.Content.Start + i}, true
		}
	}
	return doc.Span{}, false
}

// entityIn returns the ID of the entity named within sp, a person before
// an organisation, a state or a place; "" when none is.
func (s *state) entityIn(sp doc.Span) string {
	for _, kind := range [...]string{doc.KindPerson, doc.KindOrganization, doc.KindCountry, doc.KindPlace} {
		if e, _ := s.mentionIn(kind, sp); e != nil {
			return e.ID
		}
	}
	return ""
}

func ptr(m doc.Mention) *doc.Mention { return &m }

// sumParticiples open the clause in which a writer adds up the sides'
// figures (", bringing the combined toll to …").
var sumParticiples = map[string]bool{"bringing": true, "taking": true, "raising": true, "pushing": true, "putting": true}

// denies reports whether the cue of at denies what follows it ("rejected
// Bishkek's claim that …", "dismissed reports that …").
func (s *state) denies(at doc.Attribution) bool {
	if at.Cue == nil || at.Content.Start < at.Cue.Start {
		return false
	}
	k := s.wordAt(at.Cue.Start)
	for k < len(s.words) && s.words[k].end < at.Cue.End && (s.lows[k] == "has" || s.lows[k] == "have" || s.lows[k] == "had") {
		k++ // "has rejected"
	}
	return s.lx.is("deny", s.lows, k) > 0
}

// deniedClaim gives a figure that a source denies to whom the denial names
// as its author, in its cue or before the "that" of what is denied
// ("Dushanbe rejected Bishkek's claim that 59 Kyrgyz citizens were
// killed": Bishkek's; "has rejected as groundless the statement by Tajik
// Foreign Minister X that …": X's, a person before a party), else to no
// one, hedged ("Tajik officials dismissed reports that more than 100
// Tajik soldiers had died" is no Tajik figure).
func (s *state) deniedClaim(c *doc.Claim, at doc.Attribution) {
	c.Speaker, c.SpeakerText, c.Side, c.Via = "", "", "", []string{}
	c.Hedged = true
	named := doc.Span{Start: at.Cue.Start, End: at.Cue.End}
	for k := s.wordAt(at.Cue.End); k < len(s.words) && s.words[k].start < min(at.Content.End, c.Start); k++ {
		if s.lows[k] == "that" {
			named.End = s.words[k].start // the author named before "that"
			break
		}
	}
	if e, m := s.mentionIn(doc.KindPerson, doc.Span{Start: at.Cue.End, End: named.End}); e != nil {
		c.Speaker, c.SpeakerText, c.Side = e.ID, m.Text, e.Side
		if c.Side == "" {
			c.Side = s.sentenceParty(m.Span(), doc.Span{})
		}
		c.Hedged = false
		return
	}
	for _, m := range s.marks {
		if named.Contains(m.span) && s.wordAt(at.Cue.Start) < m.word {
			c.Speaker, c.SpeakerText, c.Side = s.a.Entities[m.entity].ID, s.text[m.span.Start:m.span.End], m.party
			c.Hedged = false // the author's own claim
			return
		}
	}
}

// localSource reports whether the source at src names local officials
// ("local officials", "regional authorities", "the district
// administration").
func (s *state) localSource(src doc.Span) bool {
	for k := s.wordAt(src.Start); k < len(s.words) && s.words[k].end <= src.End; k++ {
		switch s.lows[k] {
		case "local", "regional", "district", "provincial", "village", "municipal", "city":
			return true
		}
	}
	return false
}

// sentenceParty returns the one party that the sentence of the figure at
// q names other than in the source at src or as a doer ("by Tajik
// shelling"); "" when none or more than one.
func (s *state) sentenceParty(q, src doc.Span) doc.Party {
	p, _ := s.oneParty(q, func(m partyMark) bool { return !src.Contains(m.span) && !s.doer(m) })
	return p
}

// placeParty returns the one party whose places the sentence of the
// figure at q names, else the state of the dateline; "" when none.
func (s *state) placeParty(q doc.Span) doc.Party {
	p, several := s.oneParty(q, func(m partyMark) bool { return m.place })
	if p == "" && !several {
		p = s.datelineState()
	}
	return p
}

// oneParty returns the party of the marks of the sentence of the figure
// at q that keep accepts, when they name one; "" when none, or when they
// name several (then several is set).
func (s *state) oneParty(q doc.Span, keep func(partyMark) bool) (p doc.Party, several bool) {
	si := s.words[s.wordAt(q.Start)].sent
	for _, m := range s.marks {
		if s.words[m.word].sent != si || !keep(m) {
			continue
		}
		if p != "" && p != m.party {
			return "", true
		}
		p = m.party
	}
	return p, false
}

// dataSource reports whether a source names figures rather than a speaker
// ("preliminary data", "the latest data", "official statistics").
func (s *state) dataSource(src doc.Mention) bool {
	for k := s.wordAt(src.Start); k < len(s.words) && s.words[k].end <= src.End; k++ {
		switch s.lows[k] {
		case "the", "latest", "new", "updated", "current", "последним", "последние", "новым":
			continue
		}
		return s.lx.is("data", s.lows, k) > 0
	}
	return false
}

// sourceSide returns the party whose side the source of at speaks for:
// its speaker's, else one its words name; "" when none.
func (s *state) sourceSide(at doc.Attribution) doc.Party {
	if e := s.entity(at.Speaker); e != nil {
		if e.Side != "" {
			return e.Side
		}
		if p := partyOf(*e); p != "" {
			return p
		}
	}
	var side doc.Party
	if at.Source != nil {
		for _, m := range s.marks {
			if at.Source.Span().Contains(s.wordsSpan(m.word, m.end)) {
				side = m.party
			}
		}
	}
	return side
}

// official reports whether person e holds an office of government: its
// role names one, or a source that names it does ("Mukhriddin Saidov, the
// head of the district administration, told reporters").
func (s *state) official(e *doc.Entity) bool {
	if e.Role != "" && s.government(e.Role) {
		return true
	}
	for _, at := range s.a.Attributions {
		if at.Speaker == e.ID && at.Source != nil && s.government(at.Source.Text) {
			return true
		}
	}
	return false
}

// antecedent returns the index of the attribution that a source of one
// common noun ("the source", "the ministry") of attribution i refers back
// to: the latest attribution before it in the three sentences before whose
// source holds that word; -1 when none.
func (s *state) antecedent(i int) int {
	src := s.a.Attributions[i].Source
	if src == nil {
		return -1
	}
	w := strings.TrimPrefix(src.Text, "the ")
	w = strings.TrimPrefix(w, "The ")
	if r, _ := utf8.DecodeRuneInString(w); w == "" || !unicode.IsLower(r) || strings.ContainsAny(w, " ,") {
		return -1 // not a common noun ("the ministry", "администрации"): a name or a pronoun phrase
	}
	switch w {
	case "he", "she", "they", "it", "we", "i", "you":
		return -1 // pronouns are the attribution layer's to resolve
	}
	b := s.wordAt(src.Start)
	if b >= len(s.words) {
		return -1
	}
	si := s.words[b].sent
	for j := i - 1; j >= 0; j-- {
		o := s.a.Attributions[j]
		if o.Source == nil || o.Source.Start >= src.Start {
			continue
		}
		ob := s.wordAt(o.Source.Start)
		if ob >= len(s.words) || s.words[ob].sent < si-3 {
			break
		}
		if o.Source.Text != src.Text && containsWords(" "+segment.Lower(o.Source.Text)+" ", w) {
			return j
		}
		if o.Cue != nil && s.issuedIn(o, w) {
			return j // "the statement says" after "the ministry said in a statement"
		}
		if o.Cue != nil && w == "statement" && o.Speaker != "" && s.words[ob].sent == si-1 {
			return j // "According to the statement, …" right after "The Border Troops … said …"
		}
	}
	return -1
}

// issuedIn reports whether attribution o names the document it was made
// in with noun w right after its cue ("said in a statement", "reported
// in a press release").
func (s *state) issuedIn(o doc.Attribution, w string) bool {
	switch w {
	case "statement", "report", "press release", "release", "communique", "message":
	default:
		return false
	}
	if containsWords(" "+segment.Lower(o.Cue.Text)+" ", w) {
		return true // the cue "said in a statement"
	}
	c := s.wordAt(o.Cue.End)
	for k := c; k < len(s.lows) && k < c+5; k++ {
		if s.lows[k] == "," || s.lows[k] == "." {
			return false
		}
		if containsWords(" "+strings.Join(s.lows[k:min(k+2, len(s.lows))], " ")+" ", w) {
			return true
		}
	}
	return false
}

// hedgeNear reports whether a hedge scopes over the figure: a hedge word in
// its sentence ("Reportedly, …", "… although the Post could not confirm
// this"), or a failed verification in the next ("The figures could not be
// independently verified.").
func (s *state) hedgeNear(q doc.Span) bool {
	b := s.wordAt(q.Start)
	return b < len(s.words) && s.hedged[s.words[b].sent]
}

// speaksForState reports whether an attribution source that mentions the
// country e speaks for its state: it is the country's own name ("Bishkek",
// "the Kyrgyz side") or holds an official word ("Tajik authorities"),
// unlike "users of Tajik social networks".
func (s *state) speaksForState(src doc.Span, e *doc.Entity) bool {
	b, en := s.wordAt(src.Start), s.wordAt(src.End)
	for k := b; k < en && k < len(s.words); k++ {
		if s.lx.is("official", s.lows, k) > 0 {
			return true
		}
	}
	t := strings.TrimPrefix(strings.TrimRight(segment.Lower(s.text[src.Start:src.End]), ",;:—– "), "the ")
	t = strings.TrimPrefix(t, "official ")
	switch t {
	case segment.Lower(e.Name), "which", "it", "they":
		// "Tajikistan, which puts its toll at 42", "when it said": the
		// state itself, as the attribution resolved it.
		return true
	}
	for _, m := range e.Mentions {
		if t == segment.Lower(m.Text) {
			return true
		}
	}
	return false
}

// namesBody reports whether the source at src names a body of a state
// ("Kyrgyzstan's health ministry", "the Tajik border service") rather than
// the state ("Kyrgyz authorities", "the Tajik government", "Tajik
// officials").
func (s *state) namesBody(src doc.Span) bool {
	b, en := s.wordAt(src.Start), s.wordAt(src.End-1)+1
	for k := b; k < en && k < len(s.words); k++ {
		if s.lx.is("government", s.lows, k) == 0 {
			continue
		}
		switch s.lows[k] {
		case "government", "authorities", "official", "officials", "minister", "министр", "governor", "akim", "глава": // the state's own voice or its officials
		default:
			return true
		}
	}
	return false
}

// body reports whether a name is that of a body of government ("the
// Emergencies Ministry", "Sughd regional authorities" is not): a word of
// government other than those of officials in general.
func (s *state) body(name string) bool {
	words := lowerWords(name)
	for k, w := range words {
		switch w {
		case "official", "officials", "authorities", "authority", "government", "власти":
			continue
		}
		if s.lx.is("government", words, k) > 0 {
			return true
		}
	}
	return false
}

// lowerWords returns the words of a name in lower case.
func lowerWords(name string) []string {
	toks := segment.AppendTokens(nil, name, 0, len(name))
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = segment.Lower(name[t.Start:t.End])
	}
	return words
}

// government reports whether a name is that of a government body ("the
// Ministry of Emergency Situations", "the State Committee for National
// Security").
func (s *state) government(name string) bool {
	words := lowerWords(name)
	for k := range words {
		if s.lx.is("government", words, k) > 0 {
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
		return s.datelineOutlet()
	}
	for i, e := range s.a.Entities {
		if e.Kind == doc.KindOutlet && strings.ToLower(e.Name) == name {
			return &s.a.Entities[i]
		}
	}
	return nil
}

// datelineOutlet returns the outlet a dateline names, for a document
// without an outlet of its own: a mention in parentheses or between
// slashes near the start of one of the first lines ("Bishkek, September
// 19 (Kabar).", "DUSHANBE, 17.09.2022 /Asia-Plus/.").
func (s *state) datelineOutlet() *doc.Entity {
	for i, e := range s.a.Entities {
		if e.Kind != doc.KindOutlet {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start == 0 || m.Start > 2000 || m.End >= len(s.text) {
				continue
			}
			ls := strings.LastIndexByte(s.text[:m.Start], '\n') + 1
			if m.Start-ls > 100 || strings.Count(s.text[:ls], "\n") > 4 {
				continue
			}
			if open, cl := s.text[m.Start-1], s.text[m.End]; open == '(' && cl == ')' || open == '/' && cl == '/' {
				return &s.a.Entities[i]
			}
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
		if n := s.lx.is("both", s.lows, k); n > 0 && (k >= b-8 && k <= e+8) && !s.commaBetween(min(k+n, b), max(k, e)) {
			return ""
		}
	}
	var srcSpans []doc.Span
	for _, at := range s.a.Attributions {
		if at.Source != nil && at.ID == c.Attribution {
			srcSpans = append(srcSpans, at.Source.Span())
		}
	}
	// A table's row named after a party ("| Kyrgyzstan | 59 | 144 |").
	if p := s.rowParty(b); p != "" {
		return p
	}
	// "94 killed, with 59 on the Kyrgyz side and 35 on the Tajik side":
	// a total whose parts name two parties is about both.
	if s.partsOfBoth(e, sent[1]) {
		return ""
	}
	// "We lost 41 citizens", "we have lost": the speaker's own side.
	if k := b - 1; k > sent[0] && c.Side != "" && s.lx.is("loss", s.lows, k) > 0 {
		for k--; k > sent[0] && (s.lows[k] == "have" || s.lows[k] == "had" || s.lows[k] == "'ve"); k-- {
		}
		if s.lows[k] == "we" || s.lows[k] == "мы" {
			return c.Side
		}
	}
	// "с киргизской стороны": on a party's side, in a clause of the
	// figure's (the party's own, not a doer's as "с" alone would make it).
	for _, m := range s.marks {
		if m.word > sent[0] && m.end < sent[1] && m.word >= b-12 && m.word <= e+8 && (s.lows[m.word-1] == "с" || s.lows[m.word-1] == "со") &&
			(s.lows[m.end] == "стороны" || s.lows[m.end] == "сторон") && !s.attackFrom(m) {
			return m.party
		}
	}
	// "35 civilians had been killed on their side of the border": the
	// speaker's own side.
	for k := e; k < e+8 && k < sent[1] && s.lows[k] != "," && !s.hard(k); k++ {
		if s.lx.is("own-side", s.lows, k) > 0 {
			if c.Side != "" {
				return c.Side
			}
			break
		}
	}
	// "59 of its citizens", "its own losses at 41": the subject's party,
	// the first party named in the sentence before the figure, even as
	// the speaker ("Kyrgyzstan said 59 of its citizens …") or a doer
	// ("Kyrgyzstan accuses Tajikistan of occupying 5 km² of its
	// territory"), but not as the source of "according to"; for "our",
	// the speaker's side.
	poss := s.possessiveMetric(b, sent[0])
	for k := e; k < e+3 && k < sent[1]; k++ {
		if poss == "" && s.lx.is("whose", s.lows, k) == 0 {
			continue
		}
		if poss == "our" || poss == "" && s.lows[k+1] == "our" {
			return c.Side
		}
		// The subject of the figure's clause ("Kyrgyzstan put its toll at
		// 59, while Tajikistan said 35 of its citizens died"), else of the
		// sentence.
		clause := sent[0]
		for j := sent[0]; j+1 < b; j++ {
			if s.lows[j] == ";" || s.lows[j] == "," && s.lows[j+1] != "and" && s.lx.is("clause", s.lows, j+1) > 0 {
				clause = j + 1
			}
		}
		froms := []int{clause, sent[0]}
		if len(srcSpans) > 0 && srcSpans[0].End <= s.words[b].start {
			// The source of the figure's report ("…, Tajikistan puts its
			// own losses at 41").
			froms = append([]int{s.wordAt(srcSpans[0].Start)}, froms...)
		}
		for _, from := range froms {
			for _, m := range s.marks {
				if m.word < from || m.end > b || s.inAccordingTo(m.span) {
					continue
				}
				return m.party
			}
		}
		break
	}
	// The nearest party named or place of one; places of two parties
	// about as near ("the fighting near Batken and Isfara killed 100")
	// leave the figure about both.
	best, bestPlace, otherPlace, doer := doc.Party(""), doc.Party(""), doc.Party(""), doc.Party("")
	bestScore, placeScore, otherScore := 1<<30, 1<<30, 1<<30
	for _, m := range s.marks {
		if m.word < sent[0] || m.word >= sent[1] {
			continue
		}
		sp := s.wordsSpan(m.word, m.end)
		inSource := false
		for _, ss := range srcSpans {
			inSource = inSource || ss.Contains(sp)
		}
		if inSource || m.place && s.eventBetween(e, m.word) {
			// (A place after an event word locates the event, not whose
			// dead: "55 people were killed in clashes near Kok-Tash".)
			continue
		}
		if s.doer(m) && !(c.Metric == "displaced" && (m.place && s.after(m, "from") || s.leftFrom(m))) {
			// (People evacuated from a place are its people: "Evacuated
			// from Batken region: 136,000", "evacuated from Kyrgyz
			// villages".)
			if !s.inflicter(m) {
			} else if doer == "" {
				doer = m.party
			} else if doer != m.party {
				doer = "-" // inflicters of both sides
			}
			continue
		}
		if m.end <= b && s.secondConjunct(b) {
			// "the killing of 10 civilians in Kyrgyz villages and of
			// five on the Tajik side": the first conjunct's party.
			continue
		}
		if m.word >= e && m.end < len(s.lows) && s.isQ[m.end] != 0 && m.word > 0 && (s.lows[m.word-1] == "and" || s.lows[m.word-1] == ",") {
			// "Kyrgyzstan reported 63 dead and Tajikistan 41": the
			// subject of the next figure, not whose this one is.
			continue
		}
		score := 0
		lo, hi := m.end, b
		if m.word >= e {
			lo, hi = e, m.word
		}
		for k := lo; k < hi; k++ {
			if s.lows[k] == "(" {
				if cl := s.closeParen(k, hi); cl > 0 {
					// An aside in parentheses between the party and the
					// figure ("Kyrgyzstan: 63 killed (per Kyrgyzstan), 198
					// wounded") is one step, not a clause.
					k = cl
					score++
					continue
				}
			}
			switch {
			case s.isQ[k] != 0 && (k == lo || s.isQ[k-1] != s.isQ[k]):
				score += 2
			case s.lows[k] == ":" && m.end <= k && k-sent[0] <= 6:
				score++ // the figure's label: "Killed in Kyrgyzstan: 59"
			case s.lows[k] == ";" || s.hard(k):
				score += 20
			case s.lows[k] == "," && k+1 < len(s.lows) && s.lx.is("clause", s.lows, k+1) > 0,
				s.lows[k] != "and" && s.lx.is("clause", s.lows, k) > 0:
				score += 20
			default:
				score++
			}
		}
		switch {
		case !m.place:
			if score < bestScore {
				best, bestScore = m.party, score
				if s.paired(m) {
					best = "" // "the fighting between Kyrgyzstan and Tajikistan": both
				}
			}
		case score < placeScore:
			if bestPlace != m.party {
				otherPlace, otherScore = bestPlace, placeScore
			}
			bestPlace, placeScore = m.party, score
		case m.party != bestPlace && score < otherScore:
			otherPlace, otherScore = m.party, score
		}
	}
	// The place of a battle does not say whose equipment was lost there.
	if placeScore <= 15 && placeScore < bestScore && c.Metric != "military_losses" {
		if otherPlace != "" && otherScore <= placeScore+4 {
			// Places of both parties: a party's own count of losses is
			// its own ("Tajik authorities said 41 were killed in the Isfara
			// and Batken clashes"); anyone else's is about both.
			if (c.Side == bestPlace || c.Side == otherPlace) && losses(c.Metric) {
				return c.Side
			}
			return ""
		}
		return bestPlace
	}
	if bestScore <= 15 {
		return best
	}
	if p := s.column(b); p != "" {
		return p
	}
	// Losses that one party of two inflicted ("victims of Tajik
	// aggression", "killed by Kyrgyz shelling") are the other's.
	if ps := s.conflictParties(); doer != "" && doer != "-" && losses(c.Metric) && len(ps) == 2 {
		if ps[0] == doer {
			return ps[1]
		}
		return ps[0]
	}
	// The losses a side reports are its own, if it is a party the document
	// names or whose capital it is filed from: an outlet abroad reporting
	// deaths ("Radio Azattyk reported …") does not make them its
	// country's.
	if losses(c.Metric) && c.Side != "" && (s.named(c.Side) || c.Side == s.datelineParty()) {
		return c.Side
	}
	// A document that names one party alone and places of its ("Situation
	// in Batken: key figures") counts that party's losses.
	if losses(c.Metric) && len(s.parties) == 1 && slices.ContainsFunc(s.marks, func(m partyMark) bool { return m.place && m.party == s.parties[0] }) {
		return s.parties[0]
	}
	return ""
}

// closeParen returns the word that closes the parenthesis opened at word
// k, before word hi and with no other opened inside, or 0.
func (s *state) closeParen(k, hi int) int {
	for j := k + 1; j < hi && j <= k+12; j++ {
		switch s.lows[j] {
		case ")":
			return j
		case "(":
			return 0
		}
	}
	return 0
}

// namesParty reports whether sentence si names a party or a place of one.
func (s *state) namesParty(si int) bool {
	sent := s.sents[si]
	return slices.ContainsFunc(s.marks, func(m partyMark) bool { return m.word >= sent[0] && m.word < sent[1] })
}

// carriedAbout returns the party of the casualties before it that a figure
// of casualties naming no party continues: the last claim, in the sentence
// right before, of the same paragraph ("The death toll … has reached 59
// people on the Kyrgyz side, the ministry said. 144 people were
// injured."), or "". Buildings and the displaced change the subject too
// often to be carried.
func (s *state) carriedAbout(b int, c doc.Claim, prev *doc.Claim) doc.Party {
	si := s.words[b].sent
	pb := s.wordAt(prev.Start)
	if prev.About == "" || !casualties(c.Metric) || !casualties(prev.Metric) || pb >= len(s.words) || s.words[pb].sent != si-1 {
		return ""
	}
	sent := s.sents[si]
	if strings.Contains(s.text[s.words[s.sents[si-1][1]-1].end:s.words[sent[0]].start], "\n") {
		return "" // another paragraph, or a line of its own
	}
	if s.namesParty(si) {
		return "" // the sentence names parties of its own
	}
	return prev.About
}

// earlier reports whether sentence si tells an earlier report
// ("Earlier on Friday the ministry had put the toll at 13", "Previously,
// the ministry reported 59"): its figures are not the latest total of
// their document.
func (s *state) earlier(si int) bool {
	switch s.lows[s.sents[si][0]] {
	case "earlier", "previously", "initially", "ранее", "прежде", "первоначально", "изначально":
		return true
	}
	return false
}

// gappedSubject returns the party named right before the figure at word
// b after "and", "while" or a comma, when it is a country or group: the
// subject of a clause whose verb is left out ("… and Tajikistan 41").
func (s *state) gappedSubject(b int) (partyMark, bool) {
	for _, m := range s.marks {
		if m.end != b || m.place || m.word == 0 {
			continue
		}
		if k := s.a.Entities[m.entity].Kind; k != doc.KindCountry && k != doc.KindGroup {
			continue
		}
		switch s.lows[m.word-1] {
		case "and", "while", "whereas", ",":
			return m, true
		}
	}
	return partyMark{}, false
}

// paired reports whether a party mark is one of two parties named
// together ("between X and Y", "Kyrgyz and Tajik guards", "Kyrgyz, Tajik
// guards"): a figure near it is about both.
func (s *state) paired(m partyMark) bool {
	markAt := func(k int) (partyMark, bool) {
		for _, o := range s.marks {
			if o.word == k && !o.place {
				return o, true
			}
		}
		return partyMark{}, false
	}
	if m.word > 0 && s.lows[m.word-1] == "between" && m.end < len(s.lows) && s.lows[m.end] == "and" {
		o, ok := markAt(m.end + 1)
		return ok && o.party != m.party
	}
	if m.word > 1 && s.lows[m.word-1] == "and" {
		for _, o := range s.marks {
			if o.end == m.word-1 && !o.place && o.word > 0 && s.lows[o.word-1] == "between" {
				return o.party != m.party
			}
		}
	}
	// Parties joined by "and" or a comma: "Kyrgyz and Tajik guards
	// clashed", "Kyrgyz, Tajik guards clash again".
	if m.end+1 < len(s.lows) && (s.lows[m.end] == "and" || s.lows[m.end] == "и" || s.lows[m.end] == ",") {
		if o, ok := markAt(m.end + 1); ok && o.party != m.party {
			return true
		}
	}
	if m.word > 1 && (s.lows[m.word-1] == "and" || s.lows[m.word-1] == "и" || s.lows[m.word-1] == ",") {
		for _, o := range s.marks {
			if o.end == m.word-1 && !o.place && o.party != m.party {
				return true
			}
		}
	}
	return false
}

// casualties reports whether metric counts people killed, injured or
// missing.
func casualties(metric string) bool {
	return metric == "killed" || metric == "injured" || metric == "missing"
}

// losses reports whether a metric counts a party's losses, which the
// party itself reports of its own.
func losses(metric string) bool {
	switch metric {
	case "killed", "injured", "missing", "displaced", "buildings_destroyed", "buildings_damaged", "military_losses":
		return true
	}
	return false
}

// named reports whether the document names party p (a country, a
// demonym, a place in it), not only through an outlet or speaker, nor
// only as the nationality of officials.
func (s *state) named(p doc.Party) bool { return p != "" && slices.Contains(s.parties, p) }

// borderCompound reports whether word k ends a compound that starts with
// "border" ("Tajik border villages", "border posts"): a thing of the
// party's, not a place name.
func (s *state) borderCompound(k int) bool {
	if k >= len(s.lows) {
		return false
	}
	if s.counted(k) > 0 {
		return true
	}
	switch s.lows[k] {
	case "village", "villages", "post", "posts", "outpost", "outposts", "town", "towns", "settlement", "settlements",
		"community", "communities", "district", "districts", "region", "regions", "residents":
		return true
	}
	return false
}

// secondConjunct reports whether the figure at word b opens the second
// of two phrases joined by "and" that repeat a preposition ("… of 10
// civilians in Kyrgyz villages and of five on the Tajik side").
func (s *state) secondConjunct(b int) bool {
	if b < 2 || s.lows[b-2] != "and" {
		return false
	}
	switch s.lows[b-1] {
	case "of", "to", "at", "in", "on", "for", "among":
		return true
	}
	return false
}

// attackOf reports whether the mark m names the attacker after a word of
// attack and "of": "the aggression of Tajikistan".
func (s *state) attackOf(m partyMark) bool {
	return m.word >= 2 && s.lows[m.word-1] == "of" && s.lx.is("attack", s.lows, m.word-2) > 0
}

// after reports whether the mark m follows word w, or w and "the".
func (s *state) after(m partyMark, w string) bool {
	k := m.word - 1
	if k > 0 && s.lows[k] == "the" {
		k--
	}
	return k >= 0 && s.lows[k] == w
}

// leftFrom reports whether a party mark follows a verb of leaving and
// "from" ("evacuated from Kyrgyz villages", "fled from the Tajik side"):
// where the people left, not who drove them out.
func (s *state) leftFrom(m partyMark) bool {
	k := m.word - 1
	if k > 0 && s.lows[k] == "the" {
		k--
	}
	if k < 1 || s.lows[k] != "from" && s.lows[k] != "из" {
		return false
	}
	switch s.lows[k-1] {
	case "evacuated", "fled", "relocated", "displaced", "resettled", "moved", "removed", "taken", "evacuate", "flee", "leave",
		"left", "эвакуированы", "эвакуировали", "эвакуировано", "бежали", "выехали", "вывезены":
		return true
	}
	return false
}

// eventBetween reports whether a word of a violent event (events.txt:
// clashes, shelling …) stands among words [from, to).
func (s *state) eventBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if n, typ := s.lx.events.match(s.lows[:to], k); n > 0 && violent(typ) {
			return true
		}
	}
	return false
}

// commaBetween reports whether a comma or semicolon stands among words
// [from, to): another clause.
func (s *state) commaBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if s.lows[k] == "," || s.lows[k] == ";" {
			return true
		}
	}
	return false
}

// possessiveMetric returns the possessive ("its", "their", "our") of a
// metric word just before the figure at word b ("Tajikistan puts its own
// losses at 41", "raised their death toll to 35"), or "".
func (s *state) possessiveMetric(b, first int) string {
	for k := b - 1; k >= first && k >= b-5; k-- {
		switch s.lows[k] {
		case "its", "their", "our":
			j := k + 1
			if j < b && s.lows[j] == "own" {
				j++
			}
			if n, _ := s.lx.metrics.match(s.lows[:b], j); n > 0 {
				return s.lows[k]
			}
			return ""
		}
	}
	return ""
}

// partsOfBoth reports whether the figure ending before word e is followed,
// before any party is named, by a phrase of parts (", with", ",
// including", "of whom") that names two parties before word end.
func (s *state) partsOfBoth(e, end int) bool {
	k := e
	for k < end && k < e+8 && s.lows[k] != "," && s.lows[k] != ":" && s.lx.is("part", s.lows, k) == 0 {
		k++
	}
	if k >= end || k >= e+8 {
		return false
	}
	if s.lows[k] == "," {
		if k+1 >= end || s.lows[k+1] != "with" && s.lx.is("part", s.lows, k+1) == 0 {
			return false
		}
	}
	// The parts end at the comma that closes an aside ("Nineteen people,
	// including two teenagers, were killed … on the Tajik-Kyrgyz
	// border": the border names no part), unless "and" goes on with them.
	partsEnd := end
	for j := k + 2; j < end; j++ {
		if (s.lows[j] == "," || s.lows[j] == ";") && (j+1 >= end || s.lows[j+1] != "and" && s.lows[j+1] != "и") {
			partsEnd = j
			break
		}
	}
	var parties []doc.Party
	for _, m := range s.marks {
		switch {
		case m.word >= e && m.word < k:
			return false // a party named before the parts: the figure's own
		case m.word > k && m.word < partsEnd && !slices.Contains(parties, m.party):
			parties = append(parties, m.party)
		}
	}
	return len(parties) >= 2
}

// inAccordingTo reports whether sp lies in the source of an "according
// to" attribution: a phrase aside, not the subject of its sentence.
func (s *state) inAccordingTo(sp doc.Span) bool {
	for _, at := range s.a.Attributions {
		if at.Kind == doc.AttrAccordingTo && at.Source != nil && at.Source.Span().Contains(sp) {
			return true
		}
	}
	return false
}

// doer reports whether a party mark names the doer rather than the party
// a figure is about: a possessive ("Tajikistan's aggression"), after "by"
// or "from", or part of a hyphenated pair ("Kyrgyz-Tajik border").
func (s *state) doer(m partyMark) bool {
	last := s.lows[m.end-1]
	possessive := strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "s'") || m.end < len(s.lows) && s.lows[m.end] == "'s"
	if possessive {
		// "Tajikistan's death toll", "Kyrgyzstan's losses": whose figure,
		// not whose act.
		k := m.end
		if k < len(s.lows) && s.lows[k] == "'s" {
			k++
		}
		if k < len(s.lows) && s.lows[k] == "death" {
			k++
		}
		if n, _ := s.lx.metrics.match(s.lows, k); n > 0 || s.lx.is("tally", s.lows, k) > 0 {
			return false
		}
		return true
	}
	if m.end < len(s.lows) {
		switch s.lows[m.end] {
		case "-", "–":
			return true // a compound
		case "has", "have", "had", "will", "would", "intends":
			// The subject of a verb, unless the verb is a loss
			// ("Kyrgyzstan had lost 200 servicemen"); a place, or a party
			// after "in", before one ends a longer subject ("fighting near
			// Isfara has killed 100", "the death toll in Kyrgyzstan has
			// risen to 24").
			if s.attackOf(m) {
				return true // "the aggression of Tajikistan has …"
			}
			if m.word > 0 && s.lows[m.word-1] == "in" {
				return false
			}
			return !m.place && s.lx.is("loss", s.lows, m.end+1) == 0
		}
		if n := s.lx.is("frontier", s.lows, m.end); n > 0 && s.lx.is("people", s.lows, m.end) == 0 && s.lx.is("force", s.lows, m.end) == 0 &&
			!s.borderCompound(m.end+n) {
			return true // "59 dead … on the Tajik border": where, not whose
		}
		// "Kyrgyz troops used drones", "Tajik forces shelled": the attacker.
		f := s.lx.is("force", s.lows, m.end)
		k := m.end + f
		if s.lx.is("strike", s.lows, k) > 0 {
			return true
		}
		// Forces named other than as those a figure counts ("35 Kyrgyz
		// troops") or whose losses are told ("the losses of Kyrgyz
		// forces", "Kyrgyz troops lost 20 men") are doers: "Kyrgyz forces
		// had killed 35 civilians", "accused Kyrgyz forces of shelling".
		// A side is also where losses fall ("34 dead on the Kyrgyz side").
		if f > 0 && s.lows[m.end] != "side" && (m.word == 0 || s.isQ[m.word-1] == 0 && s.lows[m.word-1] != "of") {
			for k < len(s.lows) && (s.lows[k] == "had" || s.lows[k] == "have" || s.lows[k] == "has") {
				k++
			}
			if s.lx.is("loss", s.lows, k) == 0 {
				return true
			}
		}
	}
	if m.end < len(s.lows) {
		if s.lx.is("attack", s.lows, m.end) > 0 {
			return true // the attacker: "the Tajik attack", "Kyrgyz shelling"
		}
	}
	if m.word > 0 {
		if p := s.lows[m.word-1]; p == "-" || p == "–" || s.lx.is("not-about", s.lows, m.word-1) > 0 {
			return true
		}
		if m.word > 1 && s.lows[m.word-1] == "the" && s.lx.is("not-about", s.lows, m.word-2) > 0 {
			return true // "by the Tajik side"
		}
		if s.forcesOfBy(m) {
			return true // "committed by the armed forces of Armenia"
		}
		if s.attackFrom(m) {
			return true // "в результате обстрелов с таджикской стороны"
		}
	}
	sp := m.span
	if sp.End < len(s.text) && (s.text[sp.End] == '-' || strings.HasPrefix(s.text[sp.End:], "–")) {
		return true
	}
	return sp.Start > 0 && (s.text[sp.Start-1] == '-' || strings.HasSuffix(s.text[:sp.Start], "–"))
}

// attackFrom reports whether party m is the side an attack comes from:
// "обстрелов с таджикской стороны" (shelling from the Tajik side), where
// "с … стороны" alone would be the side where losses fall.
func (s *state) attackFrom(m partyMark) bool {
	return m.word >= 2 && (s.lows[m.word-1] == "с" || s.lows[m.word-1] == "со") && s.lx.is("attack", s.lows, m.word-2) > 0
}

// forcesOfBy reports whether party m owns forces that act after "by"
// ("committed by the armed forces of Armenia"): forces, "of" and the
// party, with "by" at most three words before the forces.
func (s *state) forcesOfBy(m partyMark) bool {
	if m.word < 3 || s.lows[m.word-1] != "of" {
		return false
	}
	f := m.word - 2 // the last word of the forces' name
	if s.lx.is("force", s.lows, f) == 0 && (f == 0 || s.lx.is("force", s.lows, f-1) != 2) {
		return false
	}
	for k := f - 1; k >= 0 && k >= f-3; k-- {
		if s.lows[k] == "by" {
			return true
		}
	}
	return false
}

// inflicter reports whether party mark m names who inflicted losses: an
// attack of the party ("victims of Tajik aggression", "Tajikistan's
// shelling"), its forces striking, killing or accused of striking, or
// "by" before it ("killed by Kyrgyz troops"), not a party blamed or a
// border.
func (s *state) inflicter(m partyMark) bool {
	k := m.end
	if k < len(s.lows) && s.lows[k] == "'s" {
		k++
	}
	if n := s.lx.is("attack", s.lows, min(k, len(s.lows)-1)); k < len(s.lows) && n > 0 && !slices.Contains(s.lows[k:k+n], "blame") {
		return true
	}
	if s.attackOf(m) {
		return true // "victims of the aggression of Tajikistan"
	}
	f := s.lx.is("force", s.lows, k)
	if f > 0 && s.lx.is("strike", s.lows, k+f) > 0 {
		return true
	}
	if f > 0 {
		// Forces killing: "Kyrgyz forces allegedly killed a teenager".
		v := k + f
		for v < len(s.lows) && (s.lows[v] == "allegedly" || s.lows[v] == "reportedly" || s.lows[v] == "had" || s.lows[v] == "have" || s.lows[v] == "has") {
			v++
		}
		if n, m := s.lx.metrics.match(s.lows, v); n > 0 && (m == "killed" || m == "injured") && strings.HasSuffix(s.lows[v], "ed") {
			return true
		}
	}
	// Accused of striking: "accused Kyrgyz troops of firing at a school",
	// "accused Kyrgyzstan of shelling".
	if k+f+1 < len(s.lows) && s.lows[k+f] == "of" && strings.HasSuffix(s.lows[k+f+1], "ing") && s.lx.is("strike", s.lows, k+f+1) > 0 {
		return true
	}
	return s.after(m, "by") // "by Kyrgyz shelling", "by the Tajik side"
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
