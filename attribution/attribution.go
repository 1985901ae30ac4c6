// Package attribution finds attributions: who says what (direct and
// indirect speech, according-to, beliefs and positions), through whom, with
// hedges and evidence markers.
//
// The finder works sentence by sentence. A learned cue tagger (BIO tags
// over the words, from the embedded model.bin) marks the cues: "said",
// "according to", "told reporters", "in a statement", "thinks", "claims".
// For each cue a learned role tagger marks the source and the content
// among the words of the sentence; Source is nil when the sentence names
// none ("It is alleged that …"). Content is stretched to the end of a
// quotation that runs on over several sentences or paragraphs, to the
// quotation that follows a closing "… said:" and to the next sentence's
// quotation in "“A,” he said. “B.”". Cues of the embedded list that are
// cues in most of their uses, and the cues added to it by hand, are still
// found by rules where the tagger saw none: the noun phrase before the cue
// (or after it when the report comes first) is the source, the rest of the
// sentence the content. Pronoun sources are resolved to the nearest fitting
// entity before them. An attribution inside the content of another is
// reached through it (Via). Hedges and evidence markers come from embedded
// phrase lists.
//
// The taggers are fitted on the PolNeAR train part by
// attribution/internal/train (see README.md).
package attribution

//go:generate go run ./internal/train -polnear ${PARALLAX_SHARED}/datasets/polnear/train -cues cues.txt -out model.bin

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/attribution/internal/tagger"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

// Annotator adds the attribution layer to an analysis. It is safe for
// concurrent use.
type Annotator struct {
	lx    *lexicon
	model *tagger.Model
}

// New returns an Annotator with the embedded language resources.
func New() (*Annotator, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	m, err := loadModel()
	if err != nil {
		return nil, err
	}
	return &Annotator{lx: lx, model: m}, nil
}

// Annotate fills the attribution layer of a, reading the sentences and,
// when present, the entities.
func (an *Annotator) Annotate(a *doc.Analysis) {
	a.Attributions = an.Find(a)
}

// word is one token of the text with its lower-cased form.
type word struct {
	start, end int
	low        string
}

// state is the working memory of one Find call.
type state struct {
	lx     *lexicon
	model  *tagger.Model
	tg     tagging
	next   int // end of the sentence after the current one
	marks  []evidenceMarker
	starts uint8 // the phrase lists that may match in the sentence
	a      *doc.Analysis
	text   string
	words  []word
	lows   []string
	quotes []doc.Span // quotations, with their marks
	paras  []int      // byte offsets where paragraphs start
	ments  []mention  // entity mentions by start
}

type mention struct {
	doc.Span
	ent int
}

// Find returns the attributions of a document whose sentences (and
// entities, when present) are already in a.
func (an *Annotator) Find(a *doc.Analysis) []doc.Attribution {
	s := &state{lx: an.lx, model: an.model, a: a, text: a.Document.Text}
	s.quotes = findQuotes(s.text)
	s.paras = paragraphStarts(s.text)
	for i, e := range a.Entities {
		for _, m := range e.Mentions {
			s.ments = append(s.ments, mention{m.Span(), i})
		}
	}
	sort.Slice(s.ments, func(i, j int) bool { return s.ments[i].Start < s.ments[j].Start })

	out := []doc.Attribution{}
	var toks []segment.Token
	for si, sent := range a.Sentences {
		s.next = len(s.text)
		if si+1 < len(a.Sentences) {
			s.next = a.Sentences[si+1].End
		}
		toks = segment.AppendTokens(toks[:0], s.text, sent.Start, sent.End)
		s.words = s.words[:0]
		s.lows = s.lows[:0]
		s.starts = 0
		for _, t := range toks {
			lw := segment.Lower(s.text[t.Start:t.End])
			s.words = append(s.words, word{t.Start, t.End, lw})
			s.lows = append(s.lows, lw)
			s.starts |= s.lx.starts[lw]
		}
		tagger.Prepare(&s.tg.sent, s.text, toks, s.lows, s.quotes, s.lx.cueList)
		k := len(out)
		s.markEvidence(sent)
		out = s.learned(sent, out)
		out = s.sentence(sent, out, k)
		for i := k; i < len(out); i++ {
			s.mendContent(&out[i])
		}
		out = out[:k+len(slices.DeleteFunc(out[k:], s.runOn))]
		s.articleSources(out[k:])
		s.relativeSources(out[k:])
		s.wholeNames(out[k:])
		s.withoutBullets(out[k:])
		out = out[:k+len(slices.DeleteFunc(out[k:], s.noSpeaker))]
		s.parallelReports(out[k:])
		s.withoutConjunction(out[k:])
		s.withoutOwnAct(out[k:])
		s.accordingToComma(out[k:])
		s.wholeAccordingTo(out[k:])
		s.prepositionSources(out[k:])
		if !slices.ContainsFunc(out[k:], func(at doc.Attribution) bool { return at.Source != nil }) {
			out = s.headlineColon(sent, out)
			out = s.lineDash(sent, out)
		}
		if si > 0 {
			s.aboutThis(out[k:], a.Sentences[si-1])
		}
		s.sourcesWithoutCues(out[k:])
		s.invertedSource(out[k:])
		s.sharedSubject(out[k:])
		s.asideSubject(sent, out[k:])
		s.pronounSpeakers(out[:k], out[k:])
	}
	for i := range out {
		out[i].ID = "a" + strconv.Itoa(i+1)
	}
	s.chain(out)
	s.relay(out)
	s.evidence(out)
	return out
}

// sentence appends to out the attributions of one sentence that the rules
// find at strong cues the taggers missed, out[k:] being the ones the
// taggers found.
func (s *state) sentence(sent doc.Span, out []doc.Attribution, k int) []doc.Attribution {
	lx := s.lx
	learned := out[k:]
	if s.starts&(startsStrong|startsCount) == 0 {
		return out
	}
	for i := 0; i < len(s.words); i++ {
		if at, ok := s.byPronoun(i); ok && !overlapsCue(learned, at.Cue.Span()) {
			out = append(out, at)
			i += 2
			continue
		}
		n := lx.strong.match(s.lows, i)
		count := n == 0
		if n == 0 {
			n = lx.count.match(s.lows, i)
			if n == 0 && lx.countAt[s.lows[i]] != "" {
				n = s.atFigure(i)
			}
			if n > 0 && !s.figureAt(i+n) && i > 0 && s.lows[i-1] != "," && !determiners[s.lows[i-1]] && s.trailing(i+n) && s.commaBeforeSource(i) {
				// "Thirteen people have been killed, the Health Ministry
				// reported on April 30.": a count verb after its report,
				// with no more than a time after it.
				count = false
			} else if n == 0 || !s.figureAt(i+n) {
				continue
			}
		}
		if overlapsCue(learned, doc.Span{Start: s.words[i].start, End: s.words[i+n-1].end}) {
			i += n - 1
			continue
		}
		var at doc.Attribution
		var ok bool
		if s.lows[i] == "according" || s.lows[i] == "по" || (s.lows[i] == "in" && n >= 4) || s.lows[i] == "as" || s.lows[i] == "как" { // "по данным", "as reported by": according to
			at, ok = s.accordingTo(sent, i, i+n)
		} else {
			at, ok = s.verbCue(sent, i, i+n)
		}
		if ok {
			if count && at.Content.Start >= at.Cue.End && i+n < len(s.words) {
				// The figure right after the cue, not a "that" further on.
				at.Content.Start = s.words[i+n].start
				at.Content = s.clauseOf(at.Content)
			}
			at.Hedged = at.Hedged || s.hedged(at)
			at.Evidence = doc.EvidenceUnknown
			out = append(out, at)
		}
		i += n - 1
	}
	return out
}

// determiners make the word after them a noun ("releases the records").
var determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "my": true, "your": true, "these": true, "those": true, "this": true, "that": true}

// commaBeforeSource reports whether a comma comes before the source that
// ends at word k, within six words: "…, the Health Ministry reported".
func (s *state) commaBeforeSource(k int) bool {
	for j := k - 1; j > 0 && j >= k-6; j-- {
		switch w := s.lows[j]; {
		case w == ",":
			return j < k-1
		case isFinal(w), w == ";", w == ":", isQuoteMark(w), s.lx.stop[w]:
			return false
		}
	}
	return false
}

// clauseOf returns the first clause of a content: up to a semicolon, or a
// comma that opens another clause ("59, while Tajikistan said …"). The
// content of a counting cue ("put its death toll at 59") is its figure,
// not what the sentence says next.
func (s *state) clauseOf(c doc.Span) doc.Span {
	for k := s.wordAt(c.Start); k+1 < len(s.words) && s.words[k].start < c.End; k++ {
		switch w := s.words[k].low; {
		case w == ";", w == "," && (s.words[k+1].low == "while" || s.words[k+1].low == "whereas" || s.words[k+1].low == "but"):
			if k > 0 && s.words[k-1].end > c.Start {
				c.End = s.words[k-1].end
			}
			return c
		}
	}
	return c
}

// mendContent gives an attribution whose content after its cue is not
// what was reported the clause before its source instead: when that
// content is only whom the source told ("…, a Tajik source told
// Reuters."), only a short adverbial ("46 died, the ministry said on
// September 17."; "…, a source claimed, without providing evidence."), or
// a short adverbial and then another clause ("59 died, the ministry said
// on Monday, while 144 remain in hospital"). A content before its source
// runs up to the comma before the source ("The toll has risen to 36, the
// ministry reported", not "The toll").
func (s *state) mendContent(at *doc.Attribution) {
	if at.Source == nil || at.Cue == nil {
		return
	}
	// Whom a source told is not what it told: "told 24.kg that 19 people
	// remain in intensive care", "told reporters on Monday that …".
	if c := s.wordAt(at.Cue.Start); c < len(s.words) && s.lx.tell[s.words[c].low] && at.Content.Start >= at.Cue.End {
		first := s.wordAt(at.Content.Start)
		for k := first + 1; k < len(s.words) && k <= first+5 && s.words[k].start < at.Content.End; k++ {
			if w := s.words[k].low; w == "that" {
				at.Content.Start = s.words[k].start
				break
			} else if w == "," || w == ";" || isQuoteMark(w) || isFinal(w) && !s.inWord(k) {
				break
			}
		}
	}
	// A relative clause between the source and its cue is not what was
	// reported: what follows the cue is ("Tajikistan, which has been slow
	// to release information, said on Sunday that 35 … had died").
	if k := s.wordAt(at.Content.Start); at.Source.End <= at.Content.Start && at.Content.Start < at.Cue.Start && at.Cue.End <= at.Content.End &&
		k < len(s.words) && (s.words[k].low == "which" || s.words[k].low == "who") {
		if right, ok := s.rightContent(s.wordAt(at.Cue.End)); ok {
			at.Content = right
			at.Kind = s.kind(right, at.Kind)
		}
		return
	}
	if at.Content.End <= at.Source.Start && at.Source.End <= at.Cue.Start {
		if left, ok := s.leftContent(s.wordAt(at.Source.Start)); ok && left.Start <= at.Content.Start &&
			at.Content.Start < left.End && left.End > at.Content.End {
			at.Content.End = left.End
		}
		return
	}
	if at.Content.Start < at.Cue.End || at.Source.End > at.Cue.Start {
		return
	}
	s.participleTail(at)
	s.citedOnly(at)
	s.endAtRejoinder(at)
	if !s.addressee(at) && !s.otherClause(at) && !s.trailing(s.wordAt(at.Cue.End)) {
		return
	}
	if left, ok := s.leftContent(s.wordAt(at.Source.Start)); ok {
		at.Content = left
		at.Kind = s.kind(left, at.Kind)
	}
}

// participleTail extends a content that a comma and a participle clause
// follow to the sentence's end: the clause is part of what was reported
// ("accused Kyrgyz troops of shelling a mosque, killing eight people").
// A participle that is itself a cue ("…, citing officials", "adding") is
// a report of its own; only cues of the lists are extended.
func (s *state) participleTail(at *doc.Attribution) {
	if c := s.wordAt(at.Cue.Start); c >= len(s.words) || s.lx.cues.match(s.lows, c) == 0 && s.lx.strong.match(s.lows, c) == 0 {
		return // a cue the tagger alone found ("started the clashes, resulting in …")
	}
	k := s.wordAt(at.Content.End)
	if k+1 >= len(s.words) || s.words[k].low != "," {
		return
	}
	w := s.words[k+1].low
	if len(w) < 5 || !strings.HasSuffix(w, "ing") || s.lx.cues.match(s.lows, k+1) > 0 || s.lx.strong.match(s.lows, k+1) > 0 {
		return
	}
	end := s.lastWordEnd(k + 2)
	for j := k + 2; j < end; j++ {
		if s.lows[j] == "," && s.rejoinder(j+1) {
			end = j // "…, killing ten people, an allegation that Bishkek denied"
			break
		}
		if s.lows[j] == "," || s.lows[j] == ";" || isQuoteMark(s.lows[j]) {
			return // more than the one clause
		}
	}
	at.Content.End = s.words[end-1].end
}

// endAtRejoinder ends an indirect content where a phrase commenting on it
// begins after a comma ("accused Kyrgyz troops of firing at a school,
// wounding three children, which Bishkek rejects").
func (s *state) endAtRejoinder(at *doc.Attribution) {
	if at.Kind == doc.AttrDirect {
		return
	}
	first := s.wordAt(at.Content.Start)
	for k := first + 1; k+1 < len(s.words) && s.words[k].end <= at.Content.End; k++ {
		if s.lows[k] == "," && s.rejoinder(k+1) {
			at.Content.End = s.words[k-1].end
			return
		}
	}
}

// rejoinder reports whether word k opens a phrase that comments on the
// report before it rather than continuing it: "an allegation that Bishkek
// denied", "a claim Dushanbe rejects", "which Bishkek denies".
func (s *state) rejoinder(k int) bool {
	if k+1 >= len(s.words) {
		return false
	}
	switch s.lows[k] {
	case "which", "something":
		// Denied within a few words: "which Bishkek has denied".
		for j := k + 1; j < len(s.words) && j <= k+4; j++ {
			if s.lx.deny[s.lows[j]] {
				return true
			}
		}
	case "a", "an":
		switch s.lows[k+1] {
		case "claim", "allegation", "accusation", "charge", "assertion", "version":
			return true
		}
	}
	return false
}

// lastWordEnd returns the end, in words, of the sentence without its
// final punctuation and closing quotation marks, but not before word from.
func (s *state) lastWordEnd(from int) int {
	end := len(s.words)
	for end > from && (isFinal(s.words[end-1].low) || isQuoteMark(s.words[end-1].low)) {
		end--
	}
	return end
}

// citedOnly ends the content of a participle cue at ", and that", where
// the report it qualifies goes on ("said that …, citing intelligence
// reports, and that at least 63 citizens were killed").
func (s *state) citedOnly(at *doc.Attribution) {
	c := s.wordAt(at.Cue.Start)
	if c >= len(s.words) || !strings.HasSuffix(s.words[c].low, "ing") {
		return
	}
	for k := s.wordAt(at.Content.Start); k+2 < len(s.words) && s.words[k+2].end <= at.Content.End; k++ {
		if s.lows[k] == "," && s.lows[k+1] == "and" && s.lows[k+2] == "that" {
			at.Content.End = s.words[k-1].end
			return
		}
	}
}

// subjectBetween reports whether the sentence right before the one that
// starts at byte start opens, after the report that ends at from, with a
// name: a subject of its own that a pronoun opening the next sentence
// goes on with ("The Kyrgyz government puts the toll at 95. Tajik
// officials have been more reticent. They said …": Tajik officials).
func (s *state) subjectBetween(from, start int) bool {
	sents := s.a.Sentences
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > start }) // the pronoun's
	if i == 0 || i > len(sents) || sents[i-1].Start < from {
		return false
	}
	prev := sents[i-1]
	k := sort.Search(len(s.ments), func(k int) bool { return s.ments[k].Start >= prev.Start })
	return k < len(s.ments) && s.ments[k].Start < prev.End && s.ments[k].Start-prev.Start <= 4
}

// pronounSpeakers gives a sentence's attributions whose source is a
// pronoun opening the sentence the speaker of the attribution before
// them, when it is near and of the pronoun's kind: "The Kyrgyz Foreign
// Ministry said Tajik forces had entered the villages. It did not provide
// evidence": "it" continues the subject before, not "Tajik" in between.
// earlier are the attributions of the sentences before, ats this one's.
func (s *state) pronounSpeakers(earlier, ats []doc.Attribution) {
	var prev *doc.Attribution
	for j := len(earlier) - 1; j >= 0; j-- {
		if earlier[j].Speaker != "" && earlier[j].Cue != nil {
			prev = &earlier[j]
			break
		}
	}
	if prev == nil {
		return
	}
	for i := range ats {
		at := &ats[i]
		if at.Source == nil || at.Cue == nil || at.Source.Start-prev.Cue.End > 600 ||
			!segment.OpensSentence(s.text, at.Source.Start) && !(at.Cue.Span().Contains(at.Source.Span()) && segment.OpensSentence(s.text, at.Cue.Start)) {
			continue // (the pronoun may be inside a cue that opens the sentence: "По его словам")
		}
		class := s.lx.pronoun[segment.Lower(s.text[at.Source.Start:at.Source.End])]
		e := s.entityByID(prev.Speaker)
		if class == "" || e == nil || s.subjectBetween(prev.Cue.End, at.Source.Start) {
			continue
		}
		person := e.Kind == doc.KindPerson
		switch class {
		case "he", "she":
			if person {
				at.Speaker = prev.Speaker
			}
		case "it", "they", "we":
			if !person && e.Kind != doc.KindPlace {
				at.Speaker = prev.Speaker
			}
		}
	}
}

// entityByID returns the entity with id, or nil.
func (s *state) entityByID(id string) *doc.Entity {
	for i := range s.a.Entities {
		if s.a.Entities[i].ID == id {
			return &s.a.Entities[i]
		}
	}
	return nil
}

// runOn reports whether at reads a noun and the participle after it as a
// source and cue with what came before as content ("He called on both
// sides to respect the ceasefire agreed on 16 September" does not report
// that the ceasefire agreed anything): content that runs straight into
// a source that opens with an article, with no punctuation between them,
// and ends in a word that may take an object ("respect", not "as" or
// "what").
func (s *state) runOn(at doc.Attribution) bool {
	if at.Source == nil || at.Cue == nil || at.Content.End > at.Source.Start || at.Source.End > at.Cue.Start ||
		strings.TrimSpace(s.text[at.Content.End:at.Source.Start]) != "" {
		return false
	}
	first, last := s.wordAt(at.Source.Start), s.wordAt(at.Content.End)-1
	if first >= len(s.words) || last < 0 {
		return false
	}
	switch s.lows[first] {
	case "the", "a", "an":
	default:
		return false
	}
	w := s.lows[last]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) && !s.lx.stop[w] && !s.lx.preposition[w] && !s.lx.aux[w] && !s.lx.lead[w] &&
		w != "as" && w != "what" && w != "than" && w != "whether" && w != "the" && w != "a" && w != "an"
}

// articleSources widens a source that is an article alone to the words
// between it and its cue, when the cue is a listed verb of reporting
// ("The report that was published on Monday said …" had the source
// "The").
func (s *state) articleSources(ats []doc.Attribution) {
	for i := range ats {
		at := &ats[i]
		if at.Source == nil || at.Cue == nil || at.Cue.Start < at.Source.End {
			continue
		}
		switch s.oneWord(*at.Source) {
		case "the", "a", "an":
		default:
			continue
		}
		b, c := s.wordAt(at.Source.Start), s.wordAt(at.Cue.Start)
		if c >= len(s.words) || c-b < 2 || c-b > 12 || s.lx.strong.match(s.lows, c) == 0 && s.lx.cues.match(s.lows, c) == 0 {
			continue
		}
		if at.Content.Start < at.Cue.End && at.Content.End > at.Source.Start {
			continue // the content lies between them
		}
		sp := doc.Span{Start: at.Source.Start, End: s.words[c-1].end}
		at.Source, at.Speaker = ptr(doc.MentionOf(s.text, sp)), s.speaker(sp)
	}
}

// wholeNames widens a source that ends inside the mention of an entity to
// the mention's end: "according to the Emergencies Ministry" at the end of
// a line without a full stop had the source "the Emergencies".
func (s *state) wholeNames(ats []doc.Attribution) {
	for i := range ats {
		src := ats[i].Source
		if src == nil {
			continue
		}
		for _, m := range s.ments {
			if m.Start >= src.End {
				break
			}
			sp := doc.Span{Start: src.Start, End: m.End}
			if m.Start >= src.Start && m.End > src.End && !sp.Overlaps(ats[i].Content) && (ats[i].Cue == nil || !sp.Overlaps(ats[i].Cue.Span())) {
				ats[i].Source, ats[i].Speaker = ptr(doc.MentionOf(s.text, sp)), s.speaker(sp)
				break
			}
		}
	}
}

// withoutBullets starts a content after the bullet of a list's line that
// opens it ("- Houses destroyed in Kyrgyzstan: about 500, according to
// …").
func (s *state) withoutBullets(ats []doc.Attribution) {
	for i := range ats {
		c := &ats[i].Content
		k := s.wordAt(c.Start)
		if k+1 >= len(s.words) || s.words[k].start != c.Start || s.words[k+1].start >= c.End {
			continue
		}
		if isBullet(s.words[k].low) {
			c.Start = s.words[k+1].start
		}
	}
}

// withoutConjunction ends a content before a conjunction (and the comma
// before it) that ends it where the next report begins ("…, including
// schools and hospitals, while" before "Tajikistan claimed …").
func (s *state) withoutConjunction(ats []doc.Attribution) {
	for i := range ats {
		c := &ats[i].Content
		k := s.wordAt(c.End) - 1 // the content's last word
		first := s.wordAt(c.Start)
		if k <= first || k >= len(s.words) || s.words[k].end != c.End {
			continue
		}
		switch s.lows[k] {
		case "while", "whereas", "but", "and", "although", "though":
		default:
			continue
		}
		k--
		for k > first && (s.lows[k] == "," || s.lows[k] == ";") {
			k--
		}
		c.End = s.words[k].end
	}
}

// withoutOwnAct ends a content that follows its cue before ", but" and a
// verb that the source, left unsaid, is the subject of: what the source
// did, not what it said ("claimed that 20 vehicles were destroyed, but
// provided no photographs", "said …, but did not elaborate").
func (s *state) withoutOwnAct(ats []doc.Attribution) {
	for i := range ats {
		at := &ats[i]
		if at.Cue == nil || at.Content.Start < at.Cue.End {
			continue
		}
		first, last := s.wordAt(at.Content.Start), s.wordAt(at.Content.End)
		for k := first + 2; k+1 < last && k < len(s.words); k++ {
			if s.lows[k] != "but" || s.lows[k-1] != "," {
				continue
			}
			if v := s.lows[k+1]; strings.HasSuffix(v, "ed") || ownActs[v] {
				at.Content.End = s.words[k-2].end
				break
			}
		}
	}
}

// ownActs are verbs without the "-ed" of the past that may follow ", but"
// with the source as their subject.
var ownActs = map[string]bool{"did": true, "gave": true, "would": true, "could": true, "has": true, "had": true, "was": true,
	"made": true, "offered": true, "showed": true, "shown": true, "gives": true, "does": true, "will": true}

// relativeSources cuts a source that holds a relative clause whose own
// subject speaks ("one of 342 homes that the Kyrgyz authorities say were
// burned") to that subject: what comes before the relative pronoun is
// what was said about, not who said it. A relative clause that describes
// the source ("the group that monitors the border said") begins with its
// verb and is kept.
func (s *state) relativeSources(ats []doc.Attribution) {
	for i := range ats {
		at := &ats[i]
		if at.Source == nil || at.Cue == nil || at.Cue.Start < at.Source.End {
			continue
		}
		b, e := s.wordAt(at.Source.Start), s.wordAt(at.Source.End)
		for k := e - 2; k > b; k-- {
			if w := s.lows[k]; w != "that" && w != "which" || slices.ContainsFunc(s.lows[b:k], func(w string) bool { return w == "," || w == "who" }) {
				continue // (not "Mr. Obama, who understood that a legislative push …")
			}
			if next := s.lows[k+1]; !s.capitalized(k+1) && s.lx.pronoun[next] == "" {
				switch next {
				case "the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "some", "many", "officials", "authorities":
				default:
					continue
				}
			}
			sp := doc.Span{Start: s.words[k+1].start, End: at.Source.End}
			at.Source, at.Speaker = ptr(doc.MentionOf(s.text, sp)), s.speaker(sp)
			break
		}
	}
}

// noSpeaker reports whether at's source can speak for no one: articles
// alone ("Baku did not comment on the claim" is no claim of "the"), a
// label before a colon (an interview's "Q: How many …", a fact check's
// "Claim: …", a list's "Killed in Kyrgyzstan: 59"), a question after one
// ("FACT CHECK: Did …?"), or a figure before a cue the lists do not know
// ("144 people had sought medical help"); or the attribution reports
// nothing, its content holding no word.
func (s *state) noSpeaker(at doc.Attribution) bool {
	if at.Source == nil {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(at.Source.Text); unicode.IsDigit(r) && at.Cue != nil {
		if c := s.wordAt(at.Cue.Start); c < len(s.words) && s.lx.cues.match(s.lows, c) == 0 && s.lx.strong.match(s.lows, c) == 0 {
			return true
		}
	}
	switch s.oneWord(*at.Source) {
	case "the", "a", "an", "this", "that", "these", "those":
		return true
	}
	if at.Cue != nil && at.Cue.Text == ":" {
		// A label ("Q:", "Claim:", "FACT CHECK:") or a question ("Did
		// Tajikistan lose 300 soldiers?") after the colon reports no
		// one's words.
		rest := strings.TrimLeft(s.text[at.Content.End:], " \t\"'”’»")
		first, _, _ := strings.Cut(segment.Lower(at.Source.Text), " ")
		return s.lx.label[segment.Lower(at.Source.Text)] || s.lx.labelHead[first] || strings.HasPrefix(rest, "?") ||
			s.labelList(at.Cue.Span()) // "Tajikistan: 41 killed" among like lines
	}
	if at.Cue != nil {
		if c := s.wordAt(at.Cue.End) - 1; c >= 0 && c < len(s.words) && s.claimsLives(c) {
			return true // "the clashes have claimed the lives of 10 citizens"
		}
	}
	if !strings.ContainsFunc(s.text[at.Content.Start:at.Content.End], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return true // a content of punctuation alone: "(Kyrgyz claim)"
	}
	return false
}

// oneWord returns the lower-case word that span sp of the sentence is,
// or "" when it is more or less than one word.
func (s *state) oneWord(sp doc.Mention) string {
	b := s.wordAt(sp.Start)
	if b >= len(s.words) || s.words[b].start != sp.Start || s.words[b].end != sp.End {
		return ""
	}
	return s.lows[b]
}

// quoted reports whether span sp lies within a quotation.
func (s *state) quoted(sp doc.Span) bool {
	for _, q := range s.quotes {
		if q.Contains(sp) {
			return true
		}
	}
	return false
}

// parallelReports ends a content where another report of the sentence
// begins after a comma or semicolon ("Tajikistan says 19 of its citizens
// were killed, while Kyrgyzstan raises its toll to 36"): the second is
// the writer's, side by side with the first, not one the first relays.
func (s *state) parallelReports(ats []doc.Attribution) {
	for i := range ats {
		outer := &ats[i]
		if outer.Kind == doc.AttrDirect || s.quoted(outer.Content) {
			continue
		}
		for j := range ats {
			in := ats[j].Source
			if j == i || in == nil || ats[j].Cue == nil || ats[j].Cue.Start < in.End ||
				!outer.Content.Contains(in.Span()) || !outer.Content.Contains(ats[j].Cue.Span()) {
				continue
			}
			if cut := s.clauseBreak(outer.Content.Start, in.Start); cut > outer.Content.Start {
				outer.Content.End = cut
			}
		}
	}
}

// accordingToComma ends the source of an "according to" that comes before
// its content at the comma inside it, when the content follows the source
// with no comma between: "According to the State Committee for National
// Security, Tajik troops burned …" is the committee's report about Tajik
// troops, not a source "…, Tajik". An apposition that a comma closes
// ("According to Ali Karimov, a spokesman for the army, two posts …")
// keeps its source.
func (s *state) accordingToComma(ats []doc.Attribution) {
	for i := range ats {
		at := &ats[i]
		if at.Kind != doc.AttrAccordingTo || at.Cue == nil || at.Source == nil || at.Source.Start < at.Cue.End ||
			at.Content.Start < at.Source.End || strings.Contains(s.text[at.Source.End:at.Content.Start], ",") {
			continue
		}
		b, e := s.wordAt(at.Source.Start), s.wordAt(at.Source.End)
		comma := -1
		for k := b + 1; k < e && k < len(s.words); k++ {
			if s.lows[k] == "," {
				comma = k
			}
		}
		if comma < 0 || comma+1 >= e {
			continue
		}
		src := doc.Span{Start: at.Source.Start, End: s.words[comma-1].end}
		*at.Source = doc.MentionOf(s.text, src)
		at.Content.Start = s.words[comma+1].start
		at.Speaker = s.speaker(src)
	}
}

// wholeAccordingTo extends the content of an "according to" that comes
// before it and ends at a comma to the sentence's end, when no other
// report follows: "According to the ministry, as of 10:00, 144 people had
// sought medical help" reports the figure, not only the hour.
func (s *state) wholeAccordingTo(ats []doc.Attribution) {
	for i := range ats {
		at := &ats[i]
		if at.Kind != doc.AttrAccordingTo || at.Cue == nil || at.Content.Start < at.Cue.End {
			continue
		}
		k := s.wordAt(at.Content.End)
		if k >= len(s.words) || s.lows[k] != "," {
			continue
		}
		end := s.lastWordEnd(k + 1)
		if end <= k+1 || slices.ContainsFunc(ats, func(o doc.Attribution) bool {
			return o.Cue != nil && o.Cue.Start >= s.words[k].end
		}) {
			continue
		}
		at.Content.End = s.words[end-1].end
	}
}

// headlineColon appends the attribution of a line that names its source
// before a colon, as headlines do ("Kyrgyz Health Ministry: 59 killed, 144
// injured"): a capitalised name of at most eight words that opens the
// line and that names an entity, then what it said, to the sentence's
// end; a line that ends in a full stop is running text, and one in
// capitals before the colon a dateline, not a source.
func (s *state) headlineColon(sent doc.Span, out []doc.Attribution) []doc.Attribution {
	if !segment.OpensSentence(s.text, sent.Start) || sent.Start > 0 && s.text[sent.Start-1] != '\n' {
		return out
	}
	if len(s.words) > 0 && isFinal(s.words[len(s.words)-1].low) {
		return out // a sentence of running text, not a headline
	}
	colon := -1
	for k := 0; k < len(s.words) && k <= 8; k++ {
		if s.lows[k] == ":" {
			colon = k
			break
		}
		if isFinal(s.lows[k]) || s.lows[k] == "," {
			return out
		}
	}
	if colon < 1 || len(s.words)-colon < 4 {
		return out
	}
	src := doc.Span{Start: s.words[0].start, End: s.words[colon-1].end}
	name := s.text[src.Start:src.End]
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) || strings.ToUpper(name) == name {
		return out
	}
	speaker := s.speaker(src)
	if speaker == "" || s.labelList(sent) || s.namesTwoStates(src) {
		return out // (a topic: "Kyrgyzstan and Tajikistan: Nearly 100 dead")
	}
	end := s.lastWordEnd(colon + 1)
	content := doc.Span{Start: s.words[colon+1].start, End: s.words[end-1].end}
	return append(out, doc.Attribution{
		Source:   ptr(doc.MentionOf(s.text, src)),
		Speaker:  speaker,
		Cue:      ptr(doc.MentionOf(s.text, doc.Span{Start: s.words[colon].start, End: s.words[colon].end})),
		Content:  content,
		Kind:     s.kind(content, doc.AttrIndirect),
		Via:      []string{},
		Evidence: doc.EvidenceUnknown,
	})
}

// lineDash appends the attribution of a line that names its source after
// a dash at its end, as wire headlines and lists of key figures do
// ("Death toll in border conflict reaches 46 - Kyrgyz health ministry",
// "- 24 people killed, 87 injured — Ministry of Health (as of 20:00)"):
// at least three words, a dash between spaces, then at most six words
// that name an entity other than the document's outlet, with perhaps a
// remark in parentheses, to the end of a line that no full stop ends. A
// bullet that opens the line is neither source nor content.
func (s *state) lineDash(sent doc.Span, out []doc.Attribution) []doc.Attribution {
	if !segment.OpensSentence(s.text, sent.Start) || sent.Start > 0 && s.text[sent.Start-1] != '\n' {
		return out
	}
	n := len(s.words)
	if n < 5 || isFinal(s.words[n-1].low) {
		return out
	}
	if e := s.words[n-1].end; e < len(s.text) && s.text[e] != '\n' && s.text[e] != '\r' {
		return out // the sentence goes on past the line
	}
	first := 0
	if isBullet(s.words[0].low) {
		first = 1
	}
	end := n // past the source
	if s.words[end-1].low == ")" {
		for k := end - 2; k > first; k-- {
			if s.words[k].low == "(" {
				end = k // "(as of 20:00 on September 16)"
				break
			}
		}
	}
	dash := -1
	for k := end - 2; k >= first+3 && k >= end-7; k-- {
		w := s.words[k]
		if (w.low == "-" || w.low == "–" || w.low == "—") && w.start > 0 && s.text[w.start-1] == ' ' && w.end < len(s.text) && s.text[w.end] == ' ' {
			dash = k
			break
		}
	}
	if dash < 0 {
		return out
	}
	src := doc.Span{Start: s.words[dash+1].start, End: s.words[end-1].end}
	e := s.entityByID(s.speaker(src))
	if e == nil || e.Kind == doc.KindOutlet {
		return out // (an outlet: the publisher's name, as feeds append it)
	}
	// A person or organisation, a body ("Kyrgyz health ministry") or a
	// state by its name alone; not a state's word in a phrase of something
	// else ("… on the Kyrgyz - Tajik border").
	body := e.Kind == doc.KindPerson || e.Kind == doc.KindOrganization
	for k := dash + 1; k < end && !body; k++ {
		body = s.lx.org[s.words[k].low]
	}
	if !body && !(e.Kind == doc.KindCountry && end == dash+2) {
		return out
	}
	content := doc.Span{Start: s.words[first].start, End: s.words[dash-1].end}
	return append(out, doc.Attribution{
		Source:   ptr(doc.MentionOf(s.text, src)),
		Speaker:  e.ID,
		Cue:      ptr(doc.MentionOf(s.text, doc.Span{Start: s.words[dash].start, End: s.words[dash].end})),
		Content:  content,
		Kind:     doc.AttrIndirect,
		Via:      []string{},
		Evidence: doc.EvidenceUnknown,
	})
}

// isBullet reports whether w marks an item of a list.
func isBullet(w string) bool {
	switch w {
	case "-", "–", "—", "•", "*", "·":
		return true
	}
	return false
}

// namesTwoStates reports whether span sp names two states or more.
func (s *state) namesTwoStates(sp doc.Span) bool {
	first := -1
	for _, m := range s.ments {
		if !sp.Contains(m.Span) || s.a.Entities[m.ent].Kind != doc.KindCountry {
			continue
		}
		if first >= 0 && m.ent != first {
			return true
		}
		first = m.ent
	}
	return false
}

// labelList reports whether the line of sentence sent is one of a list of
// figures by label, a line before or after it also reading "Name: figure"
// ("Kyrgyzstan: 63 killed, 198 wounded" over "Tajikistan: 41 killed"):
// the labels say whose the figures are, not who reports them.
func (s *state) labelList(sent doc.Span) bool {
	figureLine := func(line string) bool {
		name, rest, ok := strings.Cut(line, ":")
		rest = strings.TrimLeft(rest, " ")
		return ok && len(name) <= 40 && !strings.Contains(name, ".") && rest != "" && rest[0] >= '0' && rest[0] <= '9'
	}
	ls := strings.LastIndexByte(s.text[:sent.Start], '\n') + 1
	le := len(s.text)
	if i := strings.IndexByte(s.text[sent.Start:], '\n'); i >= 0 {
		le = sent.Start + i
	}
	if !figureLine(s.text[ls:le]) {
		return false
	}
	if ls > 0 {
		ps := strings.LastIndexByte(s.text[:ls-1], '\n') + 1
		if figureLine(s.text[ps : ls-1]) {
			return true
		}
	}
	if le < len(s.text) {
		rest := s.text[le+1:]
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[:i]
		}
		return figureLine(rest)
	}
	return false
}

// prepositionSources drops a source that is a preposition alone ("Из
// приграничных районов … эвакуированы 136 тысяч человек, сообщило МЧС
// Киргизии" had the source "Из"), so that the source after the cue can
// be found (invertedSource).
func (s *state) prepositionSources(ats []doc.Attribution) {
	for i := range ats {
		if src := ats[i].Source; src != nil && s.lx.preposition[s.oneWord(*src)] {
			ats[i].Source, ats[i].Speaker = nil, ""
		}
	}
}

// aboutThis reads "Об этом сообщили в Министерстве здравоохранения" ("the
// ministry reported this"): the source follows the cue, and what it
// reported is the sentence before, prev, when it is in the paragraph.
func (s *state) aboutThis(ats []doc.Attribution, prev doc.Span) {
	for i := range ats {
		at := &ats[i]
		if at.Cue == nil || at.Content.Start < at.Cue.End {
			continue
		}
		// "Об этом" opens the source, or the cue ("Об этом сообщил
		// министр …" may be read as the cue "этом сообщил" without a source).
		b := s.wordAt(at.Cue.Start)
		if at.Source != nil {
			b = s.wordAt(at.Source.Start)
		} else if b > 0 && s.lows[b] != "этом" {
			b--
		}
		if b > 0 && s.lows[b] == "этом" {
			b--
		}
		if b+1 >= len(s.words) || s.lows[b] != "об" || s.lows[b+1] != "этом" || strings.Contains(s.text[prev.End:s.words[b].start], "\n\n") {
			continue
		}
		np := at.Content
		for np.End > np.Start && strings.ContainsRune(".!", rune(s.text[np.End-1])) {
			np.End--
		}
		at.Source, at.Speaker = ptr(doc.MentionOf(s.text, np)), s.speaker(np)
		if c := s.wordAt(at.Cue.Start); s.lows[c] == "этом" && c+1 < len(s.words) && s.words[c+1].end <= at.Cue.End {
			at.Cue = ptr(doc.MentionOf(s.text, doc.Span{Start: s.words[c+1].start, End: at.Cue.End}))
		}
		at.Content, at.Kind = prev, s.kind(prev, at.Kind)
		for at.Content.End > at.Content.Start && strings.ContainsRune(". \n", rune(s.text[at.Content.End-1])) {
			at.Content.End--
		}
	}
}

// clauseBreak returns the offset of a comma or semicolon that, with at
// most a conjunction after it ("while", "whereas", "but"), stands just
// before byte at and after byte from; else -1.
func (s *state) clauseBreak(from, at int) int {
	k := s.wordAt(at) - 1
	if k >= 0 {
		switch s.lows[k] {
		case "while", "whereas", "but", "and", "although", "though":
			k--
		}
	}
	if k < 0 || s.words[k].start <= from || s.lows[k] != "," && s.lows[k] != ";" {
		return -1
	}
	return s.words[k].start
}

// sourcesWithoutCues mends the source of an attribution that holds the cue
// of another one of the sentence: a relative clause set off by commas is
// cut ("Tajikistan, which puts its own toll at 42, says" is Tajikistan's
// saying), anything else is no source ("Tajikistan's Foreign Ministry
// accused Kyrgyzstan of" does not lay claim; the figure it holds is the
// ministry's accusation).
func (s *state) sourcesWithoutCues(ats []doc.Attribution) {
	for i := range ats {
		src := ats[i].Source
		if src == nil {
			continue
		}
		for j := range ats {
			if j == i || ats[j].Cue == nil || !src.Span().Contains(ats[j].Cue.Span()) {
				continue
			}
			ats[i].Source, ats[i].Speaker = nil, ""
			first, cue := s.wordAt(src.Start), s.wordAt(ats[j].Cue.Start)
			for k := first + 1; k+1 < cue; k++ {
				if s.lows[k] == "," && (s.lows[k+1] == "which" || s.lows[k+1] == "who") {
					cut := doc.Span{Start: src.Start, End: s.words[k-1].end}
					ats[i].Source = ptr(doc.MentionOf(s.text, cut))
					ats[i].Speaker = s.speaker(cut)
					break
				}
			}
			break
		}
	}
}

// invertedSource mends a cue without a source that a comma follows the
// report to, and after which only a capitalised noun phrase ends the
// sentence: that phrase is its source and the clause before the comma its
// content ("Число погибших увеличилось до 46, сообщило Министерство
// здравоохранения", as "…, noted NBC's Dante Chinni"). A participle's
// object is no source.
func (s *state) invertedSource(ats []doc.Attribution) {
	for i := range ats {
		at := &ats[i]
		if at.Cue != nil && s.ruSourceAfter(at) {
			continue
		}
		if at.Source != nil || at.Cue == nil || at.Content.Start < at.Cue.End {
			continue
		}
		c, j := s.wordAt(at.Cue.Start), s.wordAt(at.Cue.End)
		if c == 0 || s.lows[c-1] != "," || j >= len(s.words) || strings.HasSuffix(s.lows[c], "ing") {
			continue // ", echoing Mr. Putin": the participle's object
		}
		if r, _ := utf8.DecodeRuneInString(s.text[s.words[j].start:]); !unicode.IsUpper(r) {
			continue // ", declared bankruptcy"
		}
		np, ok := s.rightNP(j)
		if !ok || np.Start != at.Content.Start || np.End > at.Content.End || strings.TrimRight(s.text[np.End:at.Content.End], ".") != "" {
			continue
		}
		left, ok := s.leftContent(c)
		if !ok {
			continue
		}
		at.Source, at.Speaker = ptr(doc.MentionOf(s.text, np)), s.speaker(np)
		at.Content, at.Kind = left, s.kind(left, at.Kind)
	}
}

// ruSourceAfter mends a Russian cue after a comma that "в" and the body
// that reported follow to the sentence's end: "…, еще десять получили
// ранения, сообщили в пограничных войсках ГКНБ республики" is the border
// troops' report of the clause before the comma, whatever the taggers
// took for its source.
func (s *state) ruSourceAfter(at *doc.Attribution) bool {
	c, j := s.wordAt(at.Cue.Start), s.wordAt(at.Cue.End)
	if c == 0 || s.lows[c-1] != "," || j+1 >= len(s.words) || s.lows[j] != "в" && s.lows[j] != "во" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s.lows[c]); !unicode.Is(unicode.Cyrillic, r) {
		return false
	}
	end := s.lastWordEnd(j + 1)
	for k := j + 1; k < end; k++ {
		if s.lows[k] == "," || s.lows[k] == ";" {
			return false // more than the body: a clause of its own
		}
	}
	left, ok := s.leftContent(c)
	if !ok {
		return false
	}
	src := doc.Span{Start: s.words[j].start, End: s.words[end-1].end}
	at.Source, at.Speaker = ptr(doc.MentionOf(s.text, src)), s.speaker(src)
	at.Content, at.Kind = left, s.kind(left, at.Kind)
	return true
}

// sharedSubject gives a cue without a source that a coordinating word
// joins to an earlier cue of the sentence the source of that cue
// ("Dushanbe denied attacking civilians and accused Kyrgyz troops …": the
// accusation is Dushanbe's too), and ends the earlier cue's content
// before the coordinating word. ats are the sentence's attributions.
func (s *state) sharedSubject(ats []doc.Attribution) {
	for i := range ats {
		at := &ats[i]
		if at.Source != nil || at.Cue == nil {
			continue
		}
		k := s.wordAt(at.Cue.Start) - 1
		for k >= 0 && s.lx.aux[s.lows[k]] {
			k--
		}
		participle := strings.HasSuffix(s.lows[s.wordAt(at.Cue.Start)], "ing") // ", citing unnamed sources"
		if k < 0 || s.lows[k] != "and" && s.lows[k] != "but" && !(s.lows[k] == "," && participle) {
			continue
		}
		var prev *doc.Attribution
		for j := range ats {
			if p := &ats[j]; p.Source != nil && p.Cue != nil && p.Cue.End <= s.words[k].start && p.Source.End <= p.Cue.Start &&
				(prev == nil || p.Cue.Start > prev.Cue.Start) {
				prev = p
			}
		}
		if prev != nil {
			src := *prev.Source
			at.Source, at.Speaker = &src, prev.Speaker
			if prev.Content.Start < s.words[k].start && prev.Content.End > at.Cue.Start && k > 0 {
				// "said that one civilian died and accused …": what was
				// said ends before the second verb.
				prev.Content.End = s.words[k-1].end
			}
		}
	}
}

// asideSubject gives a cue without a source that follows an aside set
// off by commas the words that open the sentence before the aside: "A
// source in the Tajik security services, speaking on condition of
// anonymity, claimed …". The aside opens with a participle, "who" or
// "which", and neither part holds a quotation.
func (s *state) asideSubject(sent doc.Span, ats []doc.Attribution) {
	first := s.wordAt(sent.Start)
	for i := range ats {
		at := &ats[i]
		if at.Source != nil || at.Cue == nil {
			continue
		}
		c := s.wordAt(at.Cue.Start)
		if c < 2 || s.lows[c-1] != "," {
			continue
		}
		open := -1
		for k := c - 2; k > first && k >= c-12; k-- {
			if s.lows[k] == "," {
				open = k
				break
			}
			if isQuoteMark(s.lows[k]) {
				break
			}
		}
		if open < 0 || open-first > 12 || open == first {
			continue
		}
		if w := s.lows[open+1]; !strings.HasSuffix(w, "ing") && w != "who" && w != "which" {
			continue
		}
		quoted := false
		for k := first; k < open; k++ {
			quoted = quoted || isQuoteMark(s.lows[k])
		}
		if quoted {
			continue
		}
		src := s.withoutAside(doc.Span{Start: s.words[first].start, End: s.words[open-1].end})
		at.Source = ptr(doc.MentionOf(s.text, src))
		at.Speaker = s.speaker(src)
	}
}

// wholeSource extends a source that begins inside a name, after an
// acronym in parentheses, at "of" or "for", or right after one ("…(GKNB)
// of Kyrgyzstan", "National Security" after "Committee for"), back to the
// start of the name: "the Border Service of the State Committee for
// National Security (GKNB) of Kyrgyzstan".
func (s *state) wholeSource(src doc.Span) doc.Span {
	k := s.wordAt(src.Start)
	if k >= len(s.words) {
		return src
	}
	if k > 0 && (s.lows[k-1] == "for" || s.lows[k-1] == "of") && s.capitalized(k) {
		k-- // "National Security" after "the State Committee for"
	}
	if s.lows[k] != ")" && s.lows[k] != "of" && s.lows[k] != "for" {
		return src
	}
	j := k - 1
	if s.lows[k] == ")" {
		k++ // the source after the parenthesis starts at "of"
		for j >= 0 && s.lows[j] != "(" {
			j--
		}
		j--
		if k >= len(s.words) || s.lows[k] != "of" {
			return src
		}
	}
	start := -1
	for ; j >= 0 && j >= k-15; j-- {
		w := s.lows[j]
		if w == "of" || w == "for" || w == "the" || s.isNPWord(j) && s.capitalized(j) {
			start = j
			continue
		}
		break
	}
	for start >= 0 && (s.lows[start] == "of" || s.lows[start] == "for") {
		start++
	}
	if start < 0 || start >= k {
		return src
	}
	return doc.Span{Start: s.words[start].start, End: src.End}
}

// withoutAside returns the source src without a parenthetical phrase that
// closes it after a comma ("The Tajik side, in turn," is "The Tajik
// side") or an adverbial that opens it before one ("At this moment,
// official statistics" are "official statistics"), which the taggers and
// rules may take in.
func (s *state) withoutAside(src doc.Span) doc.Span {
	first, end := s.wordAt(src.Start), s.wordAt(src.End)
	if first < end && s.lx.preposition[s.lows[first]] {
		for k := first + 1; k+1 < end && k <= first+5; k++ {
			if s.lows[k] == "," {
				first = k + 1
				src.Start = s.words[first].start
				break
			}
		}
	}
	for k := first + 1; k+1 < end; k++ {
		if s.lows[k] != "," {
			continue
		}
		n := s.lx.aside.match(s.lows, k+1)
		if n == 0 {
			continue
		}
		if e := k + 1 + n; e >= end || e+1 == end && s.lows[e] == "," {
			src.End = s.words[k-1].end
			return src
		}
	}
	return src
}

// inWord reports whether word k is a mark inside a word, with no space
// on either side ("24.kg").
func (s *state) inWord(k int) bool {
	w := s.words[k]
	return w.start > 0 && w.end < len(s.text) && !unicode.IsSpace(rune(s.text[w.start-1])) && !unicode.IsSpace(rune(s.text[w.end]))
}

// addressee reports whether the content after a telling cue is only its
// addressee, at the end of the sentence.
func (s *state) addressee(at *doc.Attribution) bool {
	c := s.wordAt(at.Cue.Start)
	if c >= len(s.words) || !s.lx.tell[s.words[c].low] {
		return false
	}
	first, last := s.wordAt(at.Content.Start), s.wordAt(at.Content.End)
	for last < len(s.words) && isFinal(s.words[last].low) {
		last++
	}
	return last == len(s.words) && last-first <= 4
}

// otherClause reports whether the content after the cue is a short
// adverbial and then another clause (", while", ", but", ", and").
func (s *state) otherClause(at *doc.Attribution) bool {
	first := s.wordAt(at.Content.Start)
	for k := first; k < len(s.words) && k < first+6 && s.words[k].start < at.Content.End; k++ {
		if s.words[k].low != "," {
			continue
		}
		if k+1 < len(s.words) {
			switch s.words[k+1].low {
			case "while", "whereas", "but", "and":
				return true
			}
		}
		return false
	}
	return false
}

// atFigure returns the length of the cue "put the number of evacuees at"
// or "raised the death toll to" that starts with the verb at word i: up
// to "at" or "to" within seven words, before a figure; 0 when there is
// none.
func (s *state) atFigure(i int) int {
	to := s.lx.countAt[s.words[i].low] == "to"
	tally := false // "to" needs what it raises: "the toll", "the figure"
	for k := i + 1; k < len(s.words) && (k <= i+7 || tally && k <= i+16); k++ {
		switch w := s.words[k].low; {
		case w == "at" && !to, w == "to" && to && tally:
			return k - i + 1
		case w == "to" && to && k == i+1 && s.tallyAfter(k+1):
			return 2 // "has raised to 59 the number of its citizens killed"
		case isFinal(w) || w == "that" || w == "to" || s.lx.stop[w] && !tally:
			// (Past the tally, its modifiers: "raised the death toll from
			// this week's clashes on the border with Tajikistan to 36".)
			return 0
		case tallyWord(w):
			tally = true
		}
	}
	return 0
}

// tallyAfter reports whether a tally follows the figure that starts at
// word k: "59 the number of …", "36 the death toll".
func (s *state) tallyAfter(k int) bool {
	for m := k + 1; m < len(s.words) && m <= k+4; m++ {
		if s.words[m].low != "the" {
			continue
		}
		for j := m + 1; j < len(s.words) && j <= m+2; j++ {
			if tallyWord(s.words[j].low) {
				return true
			}
		}
		return false
	}
	return false
}

// tallyWord reports whether w names a count that a verb puts "at" or
// raises "to" a figure ("the toll", "the number", "the estimate").
func tallyWord(w string) bool {
	switch w {
	case "toll", "figure", "figures", "number", "count", "tally", "estimate":
		return true
	}
	return false
}

// figureAt reports whether a figure starts at word k, or after a few
// words that lead up to one ("a total of", "at least").
func (s *state) figureAt(k int) bool {
	for m := k; m < len(s.words) && m < k+4; m++ {
		start := s.words[m].start
		i := sort.Search(len(s.a.Quantities), func(i int) bool { return s.a.Quantities[i].Start >= start })
		if i < len(s.a.Quantities) && s.a.Quantities[i].Start == start {
			return true
		}
		switch s.words[m].low {
		case "a", "the", "total", "of", "at", "least", "more", "than", "about", "nearly", "almost", "around", "over", "some", "up", "to", "another", "further":
		default:
			return false
		}
	}
	return false
}

// verbCue builds the attribution of the cue words[i:j], a verb or verb
// phrase.
func (s *state) verbCue(sent doc.Span, i, j int) (doc.Attribution, bool) {
	lx := s.lx
	hedgeCue := lx.hedges.match(s.lows, i) > 0
	// Auxiliaries and adverbs before the cue belong to it ("has said").
	ci := i
	for ci > 0 && lx.aux[s.lows[ci-1]] && !isPronounOrStop(lx, s.lows, ci-1) {
		ci--
		if lx.hedges.match(s.lows, ci) > 0 {
			hedgeCue = true
		}
	}
	for k := ci; k < i; k++ {
		if w := s.lows[k]; w == "be" || w == "been" || w == "being" {
			return doc.Attribution{}, false // a passive: "can be called"
		}
	}
	cue := doc.Span{Start: s.words[ci].start, End: s.words[j-1].end}

	// The source: the noun phrase before the cue (and before a time
	// between them: "Kyrgyzstan's health ministry on Sunday raised the
	// toll to 36"), or after it when the report comes first.
	src, srcOK := s.leftNP(s.beforeTime(ci))
	inverted := false
	if !srcOK && ci > 0 && s.words[ci-1].low == "," {
		// "Brian Fallon, a spokesman for the campaign, said"; not a
		// clause with a figure between commas ("Погибли 31 человек,
		// ранены 154 человека, сообщила пресс-служба …").
		src, srcOK = s.appositive(ci - 1)
		srcOK = srcOK && !hasDigit(s.text[src.Start:src.End])
	}
	if !srcOK && ci > 0 && isReportEnd(s.words[ci-1].low) && !s.startsClause(j) && !strings.HasSuffix(s.lows[ci], "ing") {
		src, srcOK = s.rightNP(j)
		inverted = srcOK
	}
	if !srcOK && ci > 0 && (s.words[ci-1].low == "and" || s.words[ci-1].low == "," || s.words[ci-1].low == "but") {
		// "X called on Congress and said …", "X said …, adding that …":
		// the subject of the sentence.
		src, srcOK = s.subject(ci - 1)
	}
	if !srcOK || hasDigit(s.text[src.Start:src.End]) {
		return doc.Attribution{}, false // "12 more bodies were found" has no source
	}

	// The content: after the cue, unless the sentence ends there.
	var content doc.Span
	afterFrom := j
	if inverted {
		afterFrom = s.wordAt(src.End)
	}
	right, rightOK := s.rightContent(afterFrom)
	leftEnd := ci
	if !inverted {
		leftEnd = s.wordAt(src.Start)
	}
	left, leftOK := s.leftContent(leftEnd)
	switch {
	case inverted && leftOK:
		content = left
	case rightOK && !s.trailing(afterFrom):
		content = right
	case leftOK:
		content = left
	case rightOK:
		content = right
	default:
		return doc.Attribution{}, false
	}
	content = s.stretchQuote(sent, content)
	src = s.withoutAside(src)
	at := doc.Attribution{
		Source:  ptr(doc.MentionOf(s.text, src)),
		Cue:     ptr(doc.MentionOf(s.text, cue)),
		Content: content,
		Kind:    s.kind(content, doc.AttrIndirect),
		Via:     []string{},
		Hedged:  hedgeCue,
	}
	at.Speaker = s.speaker(src)
	return at, true
}

// beforeTime returns where a time that ends before word k begins ("on
// Sunday", "on Friday", "yesterday"), or k when none does.
func (s *state) beforeTime(k int) int {
	if k < 2 {
		return k
	}
	switch w := s.lows[k-1]; w {
	case "yesterday", "today", "earlier", "later":
		return k - 1
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		if s.lows[k-2] == "on" {
			return k - 2
		}
		return k - 1
	}
	return k
}

// byPronoun builds the attribution of "По его словам, …" ("in his words")
// at word i: the pronoun between the preposition and the noun is the
// source, which pronounSpeakers resolves.
func (s *state) byPronoun(i int) (doc.Attribution, bool) {
	if i+3 >= len(s.words) || s.lows[i] != "по" {
		return doc.Attribution{}, false
	}
	switch s.lows[i+1] {
	case "его", "её", "ее", "их":
	default:
		return doc.Attribution{}, false
	}
	switch s.lows[i+2] {
	case "словам", "данным", "информации", "мнению", "оценкам":
	default:
		return doc.Attribution{}, false
	}
	content, ok := s.rightContent(i + 3)
	if !ok {
		return doc.Attribution{}, false
	}
	src := doc.Span{Start: s.words[i+1].start, End: s.words[i+1].end}
	at := doc.Attribution{
		Source:   ptr(doc.MentionOf(s.text, src)),
		Cue:      ptr(doc.MentionOf(s.text, doc.Span{Start: s.words[i].start, End: s.words[i+2].end})),
		Content:  content,
		Kind:     doc.AttrAccordingTo,
		Via:      []string{},
		Evidence: doc.EvidenceUnknown,
	}
	at.Hedged = s.hedged(at)
	return at, true
}

// accordingTo builds the attribution of "according to SOURCE" at
// words[i:j].
func (s *state) accordingTo(sent doc.Span, i, j int) (doc.Attribution, bool) {
	src, ok := s.rightNP(j)
	if !ok {
		return doc.Attribution{}, false
	}
	cue := doc.Span{Start: s.words[i].start, End: s.words[j-1].end}
	k := s.wordAt(src.End)
	right, rightOK := s.rightContent(k)
	left, leftOK := s.leftContent(i)
	var content doc.Span
	// "…, according to official figures: Kyrgyzstan said …": what the
	// colon opens details the figures before; it is not their content.
	colonAfter := k < len(s.words) && s.words[k].low == ":"
	switch {
	case leftOK && (!rightOK || left.Len() >= right.Len() || colonAfter):
		content = left
	case rightOK:
		content = right
	default:
		return doc.Attribution{}, false
	}
	content = s.stretchQuote(sent, content)
	src = s.withoutAside(src)
	at := doc.Attribution{
		Source:  ptr(doc.MentionOf(s.text, src)),
		Cue:     ptr(doc.MentionOf(s.text, cue)),
		Content: content,
		Kind:    doc.AttrAccordingTo,
		Via:     []string{},
	}
	if k := s.kind(content, doc.AttrIndirect); k != doc.AttrIndirect {
		at.Kind = k
	}
	at.Speaker = s.speaker(src)
	return at, true
}

// overlapsCue reports whether the cue of one of ats overlaps sp.
func overlapsCue(ats []doc.Attribution, sp doc.Span) bool {
	for _, at := range ats {
		if at.Cue.Span().Overlaps(sp) {
			return true
		}
	}
	return false
}

func ptr(m doc.Mention) *doc.Mention { return &m }

// wordAt returns the index of the first word starting at or after byte off.
func (s *state) wordAt(off int) int {
	return sort.Search(len(s.words), func(k int) bool { return s.words[k].start >= off })
}

func isPronounOrStop(lx *lexicon, lows []string, k int) bool {
	return lx.stop[lows[k]] && !lx.aux[lows[k]]
}

// isReportEnd reports whether w can end a report that a cue follows:
// a comma or a closing quotation mark.
func isReportEnd(w string) bool {
	switch w {
	case ",", "”", "\"", "'", "’", "»", "—", "–":
		return true
	}
	return false
}

// timeWords are the names of days and months (not "may", a verb too),
// which end a time before a source ("On Friday the ministry said").
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

// abbreviations that keep a period inside a source ("Mr. Trump").
var titleAbbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true, "sen": true, "rep": true, "gov": true, "prof": true, "st": true, "maj": true, "capt": true, "sgt": true, "u.s": true, "jr": true}

// isNPWord reports whether word k can be part of a source noun phrase.
func (s *state) isNPWord(k int) bool {
	w := s.words[k]
	r, _ := utf8.DecodeRuneInString(s.text[w.start:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return !s.lx.stop[w.low]
	}
	switch w.low {
	case ".":
		return k > 0 && titleAbbrev[s.words[k-1].low]
	case "-", "&", "'", "’":
		return true
	}
	return false
}

// leftNP returns the noun phrase that ends just before word k.
func (s *state) leftNP(k int) (doc.Span, bool) {
	b := k
	for b > 0 && k-b < 12 && s.isNPWord(b-1) {
		b--
	}
	// A pronoun stands alone: "he", not "but he".
	if b == k {
		// "it", "who" and other stop words can still be sources when they
		// are pronouns.
		if k > 0 && s.lx.pronoun[s.words[k-1].low] != "" {
			return doc.Span{Start: s.words[k-1].start, End: s.words[k-1].end}, true
		}
		return doc.Span{}, false
	}
	for b < k && s.words[b].low == "." {
		b++
	}
	// "Earlier the ministry said": the adverb is not the source's.
	for b < k-1 && s.lx.lead[s.words[b].low] && (b == 0 || !s.isNPWord(b-1)) {
		b++
	}
	// "On Friday the ministry said": the day is not the source's.
	for b < k-1 && timeWords[s.words[b].low] {
		b++
	}
	return doc.Span{Start: s.words[b].start, End: s.words[k-1].end}, b < k
}

// appositive returns the source "NP, APPOSITION" whose second comma is
// word k.
func (s *state) appositive(k int) (doc.Span, bool) {
	b := k
	for b > 0 && k-b < 10 && s.words[b-1].low != "," && (s.isNPWord(b-1) || s.words[b-1].low == "for" || s.words[b-1].low == "at" || s.words[b-1].low == "of" || s.words[b-1].low == "in") {
		b--
	}
	if b == k || b == 0 || s.words[b-1].low != "," {
		return doc.Span{}, false
	}
	np, ok := s.leftNP(b - 1)
	if !ok {
		return doc.Span{}, false
	}
	return doc.Span{Start: np.Start, End: s.words[k-1].end}, true
}

// subject returns the noun phrase that opens the sentence, when the
// sentence opens with one followed by a word of its own (not a comma), and
// it ends before word k.
func (s *state) subject(k int) (doc.Span, bool) {
	first := 0
	for first < k && !s.isNPWord(first) && !isQuoteMark(s.words[first].low) && s.lx.pronoun[s.words[first].low] == "" && !s.lx.stop[s.words[first].low] {
		first++ // a bullet or dash opening the sentence
	}
	if first >= k || s.lx.preposition[s.words[first].low] {
		return doc.Span{}, false
	}
	if s.lx.pronoun[s.words[first].low] != "" {
		return doc.Span{Start: s.words[first].start, End: s.words[first].end}, true
	}
	e := first
	for e < k && e-first < 12 && s.isNPWord(e) && !s.lx.aux[s.words[e].low] && !s.verbLike(e, first) {
		e++
	}
	if e == first || e >= k || s.words[e].low == "," {
		return doc.Span{}, false
	}
	return doc.Span{Start: s.words[first].start, End: s.words[e-1].end}, true
}

// verbLike reports whether word k, inside a noun phrase that starts at
// first, looks like a past-tense verb ("Local media published …"): a
// lower-case word in -ed that does not follow a determiner.
func (s *state) verbLike(k, first int) bool {
	if k == first || !strings.HasSuffix(s.words[k].low, "ed") || s.capitalized(k) {
		return false
	}
	switch s.words[k-1].low {
	case "the", "a", "an", "its", "their", "his", "her":
		return false
	}
	return true
}

// capitalized reports whether word k starts with an upper-case letter.
func (s *state) capitalized(k int) bool {
	if k >= len(s.words) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.text[s.words[k].start:])
	return unicode.IsUpper(r)
}

// startsClause reports whether word k opens a reported clause rather than
// a source: "that", a quotation mark or a colon.
func (s *state) startsClause(k int) bool {
	if k >= len(s.words) {
		return false
	}
	w := s.words[k].low
	return w == "that" || w == ":" || isQuoteMark(w)
}

// rightNP returns the noun phrase that starts at word k.
func (s *state) rightNP(k int) (doc.Span, bool) {
	e := k
	for e < len(s.words) && e-k < 12 && (s.isNPWord(e) || (e > k && (s.words[e].low == "of" || s.words[e].low == "the"))) {
		e++
	}
	if e < len(s.words) && e == k && s.lx.pronoun[s.words[e].low] != "" {
		e++
	}
	for e > k && (s.words[e-1].low == "of" || s.words[e-1].low == "the" || s.words[e-1].low == ".") {
		e--
	}
	if e == k {
		return doc.Span{}, false
	}
	return doc.Span{Start: s.words[k].start, End: s.words[e-1].end}, true
}

// rightContent returns the content that starts at word k: the rest of the
// sentence, after "that" when it comes soon, without the final period.
func (s *state) rightContent(k int) (doc.Span, bool) {
	n := len(s.words)
	for m := k; m < n && m < k+10; m++ {
		w := s.words[m].low
		if w == "that" || w == ":" && m == k {
			k = m + 1 // "According to official figures: 59 people died"
			break
		}
		if w == "." || w == ";" || isQuoteMark(w) || w == ":" {
			break
		}
	}
	for k < n && s.lx.skip[s.words[k].low] {
		k++
	}
	e := n
	for e > k && isFinal(s.words[e-1].low) {
		e--
	}
	if e <= k {
		return doc.Span{}, false
	}
	return doc.Span{Start: s.words[k].start, End: s.words[e-1].end}, true
}

// leftContent returns the content that ends before word k: the sentence
// up to the comma or quotation mark before the source. A semicolon before
// the source closes a clause of its own: there is no such content ("Tajik
// officials have not published a toll; local authorities reported 10
// dead, and …").
func (s *state) leftContent(k int) (doc.Span, bool) {
	if k > 0 && s.words[k-1].low == ";" {
		return doc.Span{}, false
	}
	e := k
	for e > 0 {
		w := s.words[e-1].low
		if w == "," || w == "—" || w == "–" || w == ":" || w == "-" {
			e--
			continue
		}
		break
	}
	b := 0
	// Skip a leading conjunction ("And", "But").
	for b < e && (s.words[b].low == "and" || s.words[b].low == "but") {
		b++
	}
	if e-b < 2 {
		return doc.Span{}, false
	}
	return doc.Span{Start: s.words[b].start, End: s.words[e-1].end}, true
}

// trailing reports whether the words from k to the end of the sentence are
// only a short adverbial ("on Tuesday", "in a statement") and punctuation.
func (s *state) trailing(k int) bool {
	// Each phrase between commas must be a short adverbial: "on Friday, in
	// the first official Tajik casualty figures".
	n, phrases := 0, 0
	first := ""
	for m := k; m <= len(s.words); m++ {
		if m == len(s.words) || s.words[m].low == "," {
			if n > 0 {
				switch first {
				case "on", "in", "at", "last", "yesterday", "today", "earlier", "later", "this", "late", "during", "without", "citing":
				default:
					return false
				}
				if phrases == 0 && n > 5 || n > 7 {
					return false
				}
				phrases++
			}
			n = 0
			continue
		}
		w := s.words[m].low
		if isFinal(w) {
			continue
		}
		if n == 0 {
			first = w
		}
		n++
	}
	return true
}

func isFinal(w string) bool {
	switch w {
	case ".", "!", "?", "…", ",", ";", ":":
		return true
	}
	return false
}

func isQuoteMark(w string) bool {
	switch w {
	case "“", "”", "\"", "«", "»", "„", "‘", "’", "'":
		return true
	}
	return false
}

// kind classifies content: direct when it is a quotation, mixed when it
// holds one, def otherwise.
func (s *state) kind(content doc.Span, def string) string {
	for _, q := range s.quotes {
		if q.Start >= content.End {
			break
		}
		if !q.Overlaps(content) {
			continue
		}
		if q.Start <= content.Start+3 && q.End >= content.End-3 {
			return doc.AttrDirect
		}
		if q.Len() > 12 {
			return doc.AttrMixed
		}
	}
	return def
}

// stretchQuote extends content to the whole of a quotation that starts in
// it and runs on past the sentence, or that ends in it and began before.
func (s *state) stretchQuote(sent doc.Span, c doc.Span) doc.Span {
	i := sort.Search(len(s.quotes), func(k int) bool { return s.quotes[k].End > c.Start })
	for ; i < len(s.quotes) && s.quotes[i].Start < c.End; i++ {
		q := s.quotes[i]
		if q.Start >= c.Start && q.End > sent.End {
			c.End = q.End
		}
		if q.End <= c.End && q.Start < sent.Start {
			c.Start = q.Start
		}
	}
	return c
}

// hedged reports whether the content of at carries a hedge.
func (s *state) hedged(at doc.Attribution) bool {
	b, e := s.wordAt(at.Content.Start), s.wordAt(at.Content.End)
	if e > len(s.lows) {
		e = len(s.lows)
	}
	if b >= e {
		return false
	}
	for k, _ := s.lx.hedges.find(s.lows, b, e); k >= 0; k, _ = s.lx.hedges.find(s.lows, k+1, e) {
		if !s.claimsLives(k) {
			return true
		}
	}
	return false
}

// claimsLives reports whether word k is "claim" in "claimed the lives of
// 10 citizens" or "has claimed 57 lives", "claimed more than 2,000
// lives": a verb of killing, neither a cue nor a hedge.
func (s *state) claimsLives(k int) bool {
	switch s.lows[k] {
	case "claim", "claims", "claimed", "claiming":
	default:
		return false
	}
	for n := k + 1; n < len(s.lows) && n <= k+7; n++ {
		switch w := s.lows[n]; {
		case w == "lives" || w == "life":
			return true
		case w != "" && w[0] >= '0' && w[0] <= '9', livesCount[w]:
		default:
			return false
		}
	}
	return false
}

// livesCount are the words of a number of lives besides digits ("the",
// "more than", "at least", "dozens of", "two hundred").
var livesCount = map[string]bool{"the": true, "a": true, "total": true, "of": true, "at": true, "least": true, "more": true, "than": true,
	"about": true, "nearly": true, "almost": true, "around": true, "over": true, "some": true, "up": true, "to": true, "another": true,
	"further": true, "dozens": true, "hundreds": true, "thousands": true, "scores": true, "one": true, "two": true, "three": true,
	"four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "twelve": true, "twenty": true,
	"thirty": true, "forty": true, "fifty": true, "hundred": true, "thousand": true, "-": true, ",": true}

// speaker resolves the source span to an entity ID: the entity mentioned
// in it (the last person, else the last mention), or for a pronoun the
// nearest fitting entity before it.
func (s *state) speaker(src doc.Span) string {
	ents := s.a.Entities
	if len(ents) == 0 {
		return ""
	}
	i := sort.Search(len(s.ments), func(k int) bool { return s.ments[k].Start >= src.Start })
	best, bestLen := -1, 0
	for k := i; k < len(s.ments) && s.ments[k].Start < src.End; k++ {
		if s.ments[k].End > src.End {
			continue
		}
		// A person named in the source speaks; else the widest name ("the
		// Ministry of Health of Kyrgyzstan", not "Kyrgyzstan" in it).
		e, n := s.ments[k].ent, s.ments[k].Len()
		person, bestPerson := ents[e].Kind == doc.KindPerson, best >= 0 && ents[best].Kind == doc.KindPerson
		if best < 0 || person || !bestPerson && n >= bestLen {
			best, bestLen = e, n
		}
	}
	if best >= 0 {
		return ents[best].ID
	}
	low := segment.Lower(s.text[src.Start:src.End])
	if low == "which" || low == "who" {
		// "Tajikistan, which puts its toll at 41": the name before it.
		for k := i - 1; k >= 0; k-- {
			if gap := strings.TrimSpace(s.text[min(s.ments[k].End, src.Start):src.Start]); s.ments[k].End <= src.Start && gap == "," {
				return ents[s.ments[k].ent].ID
			}
			if src.Start-s.ments[k].Start > 200 {
				break
			}
		}
		return ""
	}
	class := s.lx.pronoun[low]
	if class == "" {
		return s.definite(low, src.Start, i)
	}
	for k := i - 1; k >= 0 && src.Start-s.ments[k].End < 3000; k-- {
		kind := ents[s.ments[k].ent].Kind
		person := kind == doc.KindPerson
		switch class {
		case "he", "she", "i":
			if person {
				return ents[s.ments[k].ent].ID
			}
		case "they", "it", "we":
			if !person && kind != doc.KindPlace {
				return ents[s.ments[k].ent].ID
			}
		}
	}
	return ""
}

// definite resolves a source at byte start that names an organisation by
// its kind alone ("the ministry", "the Committee") to the nearest
// organisation mentioned before it (the mentions before i) whose name
// holds that word: "the ministry" after "the Ministry of Health of
// Kyrgyzstan".
func (s *state) definite(low string, start, i int) string {
	head, ok := strings.CutPrefix(low, "the ")
	if !ok || !s.lx.org[head] {
		return ""
	}
	ents := s.a.Entities
	for k := i - 1; k >= 0 && start-s.ments[k].End < 3000; k-- {
		e := &ents[s.ments[k].ent]
		if e.Kind != doc.KindOrganization {
			continue
		}
		for _, w := range strings.Fields(segment.Lower(e.Name)) {
			if w == head {
				return e.ID
			}
		}
	}
	return ""
}

// chain sets Via: an attribution whose cue lies in the content of another
// reaches the article through it.
func (s *state) chain(ats []doc.Attribution) {
	order := make([]int, len(ats))
	for i := range order {
		order[i] = i
	}
	// Outer attributions (longer content) first, so that their Via is set
	// before their inner ones read it.
	sort.SliceStable(order, func(x, y int) bool { return ats[order[x]].Content.Len() > ats[order[y]].Content.Len() })
	for _, i := range order {
		in := ats[i].Cue.Span()
		parent := -1
		for j := range ats {
			if j == i || !ats[j].Content.Contains(in) || ats[j].Content.Len() <= ats[i].Content.Len() {
				continue
			}
			if parent < 0 || ats[j].Content.Len() < ats[parent].Content.Len() {
				parent = j
			}
		}
		if parent >= 0 {
			ats[i].Via = append([]string{}, ats[parent].Via...)
			if ats[i].Speaker == "" || ats[parent].Speaker != ats[i].Speaker {
				// A speaker's own second report ("said …, citing
				// intelligence reports") reaches the article as the first.
				ats[i].Via = append(ats[i].Via, ats[parent].ID)
			}
			ats[i].Hedged = ats[i].Hedged || ats[parent].Hedged
		}
	}
}

// relay routes through an outlet that frames the article: when an outlet
// (other than the document's own) is the source of two or more
// attributions ("…, Asianews wrote." … "Asianews concluded."), the
// attributions between its first and last one that reach the article
// directly are taken to come through its first one.
func (s *state) relay(ats []doc.Attribution) {
	kind := map[string]string{}
	for _, e := range s.a.Entities {
		if e.Kind == doc.KindOutlet && !strings.EqualFold(e.Name, s.a.Document.Outlet) {
			kind[e.ID] = e.Kind
		}
	}
	first, last := map[string]int{}, map[string]int{}
	for i, at := range ats {
		if kind[at.Speaker] == "" {
			continue
		}
		if _, ok := first[at.Speaker]; !ok {
			first[at.Speaker] = i
		}
		last[at.Speaker] = i
	}
	for sp, f := range first {
		l := last[sp]
		if l == f {
			continue
		}
		for i := f + 1; i < l; i++ {
			if len(ats[i].Via) == 0 && ats[i].Speaker != sp && !ats[f].Content.Contains(ats[i].Cue.Span()) {
				ats[i].Via = []string{ats[f].ID}
			}
		}
	}
}

// evidence sets the Evidence of attributions from evidence markers: in the
// attribution's own sentence, or in a later sentence of the same paragraph
// whose subject is the attribution's speaker ("He did not provide any
// evidence").
func (s *state) evidence(ats []doc.Attribution) {
	if len(ats) == 0 {
		return
	}
	for _, m := range s.marks {
		sent, kind, marker := m.sent, m.kind, m.marker
		own := false
		for i := range ats {
			if sent.Contains(ats[i].Cue.Span()) {
				ats[i].Evidence = kind
				// "He did not provide any evidence" is itself an
				// attribution, but about an earlier one.
				own = own || !ats[i].Cue.Span().Overlaps(marker)
			}
		}
		if own {
			continue
		}
		// The subject of the marker sentence, its first pronoun, is the
		// speaker of the latest report before it in the paragraph that the
		// pronoun fits ("They did not provide any evidence" after "Kyrgyz
		// media outlets reported that 300 Tajik servicemen …": the media,
		// not the servicemen); without one, the latest report is meant.
		class := ""
		if m.pronoun.Len() > 0 {
			class = s.lx.pronoun[segment.Lower(s.text[m.pronoun.Start:m.pronoun.End])]
		}
		para := s.paragraphOf(sent.Start)
		nearest, fit := -1, -1
		for i := range ats {
			if ats[i].Cue.Start >= sent.Start || ats[i].Cue.Start < para {
				continue
			}
			nearest = i
			if s.pronounFits(class, ats[i].Speaker) {
				fit = i
			}
		}
		switch {
		case class == "" && nearest >= 0:
			ats[nearest].Evidence = kind
		case fit >= 0:
			// And the same speaker's reports before it in the paragraph
			// ("… stated that … According to him, … However, he did not
			// provide any evidence").
			for i := range ats[:fit+1] {
				if i == fit || ats[fit].Speaker != "" && ats[i].Speaker == ats[fit].Speaker && ats[i].Cue.Start >= para {
					ats[i].Evidence = kind
				}
			}
		}
	}
}

// pronounFits reports whether a pronoun of class ("he", "they", …) may
// stand for the speaker with ID id: "he" and "she" for people, "it" and
// "they" for anyone else, and any for a speaker no entity names ("the
// minister").
func (s *state) pronounFits(class, id string) bool {
	e := s.entityByID(id)
	switch class {
	case "he", "she":
		return e == nil || e.Kind == doc.KindPerson
	case "it", "they":
		return e == nil || e.Kind != doc.KindPerson
	}
	return false
}

// evidenceMarker is a sentence with an evidence marker.
type evidenceMarker struct {
	sent, marker doc.Span
	kind         string
	pronoun      doc.Span // the first pronoun of the sentence, if near its start
}

// markEvidence records the evidence marker of the current sentence, if it
// has one.
func (s *state) markEvidence(sent doc.Span) {
	k0, n0 := s.deniedEvidence()
	if s.starts&(startsNone|startsCited) == 0 && k0 < 0 {
		return
	}
	m := evidenceMarker{sent: sent}
	if k, n := s.lx.none.find(s.lows, 0, len(s.lows)); k >= 0 {
		m.kind = doc.EvidenceNoneGiven
		m.marker = doc.Span{Start: s.words[k].start, End: s.words[k+n-1].end}
	} else if k0 >= 0 {
		m.kind = doc.EvidenceNoneGiven
		m.marker = doc.Span{Start: s.words[k0].start, End: s.words[k0+n0-1].end}
	} else if k, n := s.lx.cited.find(s.lows, 0, len(s.lows)); k >= 0 {
		m.kind = doc.EvidenceCited
		m.marker = doc.Span{Start: s.words[k].start, End: s.words[k+n-1].end}
	} else {
		return
	}
	for k := 0; k < len(s.words) && k < 6; k++ {
		if s.lx.pronoun[s.words[k].low] != "" {
			m.pronoun = doc.Span{Start: s.words[k].start, End: s.words[k].end}
			break
		}
	}
	s.marks = append(s.marks, m)
}

// deniedEvidence finds in the sentence a denial of evidence the lists of
// evidence.txt do not hold word for word: a negation, a verb of giving
// and "evidence" or "proof" within a few words ("provided no photographs
// or other evidence", "has not shown any proof"). It returns the first
// word and the length of the phrase, or -1.
func (s *state) deniedEvidence() (int, int) {
	for k, w := range s.lows {
		if w == "не" {
			if b, n := s.deniedEvidenceRu(k); n > 0 {
				return b, n
			}
			continue
		}
		if w != "no" && w != "not" && w != "without" && w != "never" {
			continue
		}
		give := false
	window:
		for j := max(k-2, 0); j < len(s.lows) && j <= k+7; j++ {
			switch lw := s.lows[j]; {
			case j > k && (lw == "evidence" || lw == "proof"):
				if give {
					return k, j - k + 1
				}
			case j > k && (isFinal(lw) || lw == ";"):
				break window
			default:
				for _, stem := range [...]string{"provid", "present", "offer", "giv", "gave", "show", "produc", "publish", "releas"} {
					if strings.HasPrefix(lw, stem) {
						give = true
					}
				}
			}
		}
	}
	return -1, 0
}

// deniedEvidenceRu finds a Russian denial of evidence around the "не" at
// word k, in either order: "Доказательств он не привел", "не представив
// никаких доказательств". It returns the first word and the length of
// the phrase, or -1.
func (s *state) deniedEvidenceRu(k int) (int, int) {
	if k+1 >= len(s.lows) {
		return -1, 0
	}
	give := false
	for _, stem := range [...]string{"привел", "привёл", "предостав", "представ", "показал", "предъяв"} {
		give = give || strings.HasPrefix(s.lows[k+1], stem)
	}
	if !give {
		return -1, 0
	}
	for j := max(k-4, 0); j < len(s.lows) && j <= k+5; j++ {
		if strings.HasPrefix(s.lows[j], "доказательств") {
			b, e := min(j, k), max(j, k+1)
			return b, e - b + 1
		}
	}
	return -1, 0
}

// paragraphOf returns the start of the paragraph that holds byte off.
func (s *state) paragraphOf(off int) int {
	i := sort.SearchInts(s.paras, off+1)
	if i == 0 {
		return 0
	}
	return s.paras[i-1]
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
