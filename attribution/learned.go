package attribution

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/attribution/internal/tagger"
	"github.com/parallaxnews/parallax/doc"
)

// model.bin holds the learned cue and role taggers; see
// attribution/internal/train.
//
//go:embed model.bin
var modelData []byte

func loadModel() (*tagger.Model, error) {
	m, err := tagger.Decode(modelData)
	if err != nil {
		return nil, fmt.Errorf("loading the attribution model: %w", err)
	}
	return m, nil
}

// tagging is the per-call working memory of the taggers.
type tagging struct {
	sent  tagger.Sentence
	dec   tagger.Decoder
	feats []uint32
	em    []float32
	tags  []int
	roles []int
}

// emit fills tg.em with the scores of every word of the sentence under
// table t, using feats to compute each word's features.
func (tg *tagging) emit(t *tagger.Table, feats func(i int, dst []uint32) []uint32) {
	n := tg.sent.Len()
	tg.em = tg.em[:0]
	for i := range n {
		tg.feats = feats(i, tg.feats[:0])
		for range t.Tags {
			tg.em = append(tg.em, 0)
		}
		t.Emit(tg.feats, tg.em[i*t.Tags:])
	}
}

// learned appends the attributions the taggers find in the sentence.
func (s *state) learned(sent doc.Span, out []doc.Attribution) []doc.Attribution {
	tg := &s.tg
	m := s.model
	n := tg.sent.Len()
	if n == 0 {
		return out
	}
	sentence := &tg.sent
	tg.emit(m.Cue, sentence.CueFeatures)
	tg.tags = tg.dec.Viterbi(m.Cue, tg.em, n, tagger.CueAllowed, tg.tags)
	for cb := 0; cb < n; cb++ {
		if tg.tags[cb] != tagger.CueB {
			continue
		}
		ce := cb + 1
		for ce < n && tg.tags[ce] == tagger.CueI {
			ce++
		}
		end := ce
		for ce > cb+1 && boundWord(tg.sent.Low, ce-1) && s.figureAt(ce-1) {
			ce-- // "report that over 137,000": the bound is the figure's
		}
		if at, ok := s.roles(sent, cb, ce); ok {
			out = append(out, at)
		}
		cb = end - 1
	}
	return out
}

// roles builds the attribution of the cue at words [cb, ce) from the role
// tagger.
func (s *state) roles(sent doc.Span, cb, ce int) (doc.Attribution, bool) {
	tg := &s.tg
	m := s.model
	n := tg.sent.Len()
	tg.emit(m.Role, func(i int, dst []uint32) []uint32 { return tg.sent.RoleFeatures(cb, ce, i, dst) })
	tg.roles = tg.dec.Viterbi(m.Role, tg.em, n, nil, tg.roles)
	// The source: the run of source words nearest the cue.
	sb, se, best := -1, -1, n+1
	for i := 0; i < n; i++ {
		if tg.roles[i] != tagger.RoleS || (i >= cb && i < ce) {
			continue
		}
		j := i + 1
		for j < n && tg.roles[j] == tagger.RoleS && (j < cb || j >= ce) {
			j++
		}
		d := cb - j
		if i >= ce {
			d = i - ce
		}
		if d < best {
			sb, se, best = i, j, d
		}
		i = j - 1
	}
	// The content: from the first content word to the last.
	c0, c1 := -1, -1
	for i := 0; i < n; i++ {
		if tg.roles[i] == tagger.RoleC && (i < cb || i >= ce) {
			if c0 < 0 {
				c0 = i
			}
			c1 = i + 1
		}
	}
	// A quotation before the cue and its source is the content, and what
	// follows them is said of the saying ("“A,” he said after the
	// meeting"), unless the quotation resumes ("“A,” he said. “B.”"; "“A,”
	// he said, “B”").
	if c0 >= 0 && c0 < cb && c1 > ce && sb >= 0 {
		l := cb
		for l > c0 && tg.roles[l-1] != tagger.RoleC {
			l--
		}
		if tagger.IsQuoteMark(tg.sent.Low[l-1]) && !s.resumes(ce, sb, se) || s.anotherCueAfter(ce, sb, se) {
			c1 = l
		}
	}
	// A colon that opens a content is not part of it ("According to
	// official figures: 59 people died").
	for c0 >= 0 && c0 < c1-1 && c0 >= ce && tg.sent.Low[c0] == ":" {
		c0++
	}
	// Final punctuation belongs to the sentence, not to the content.
	for c1 > c0+1 && c0 >= 0 && isFinal(tg.sent.Low[c1-1]) {
		c1--
	}
	var content doc.Span
	if c0 >= 0 {
		content = doc.Span{Start: s.words[c0].start, End: s.words[c1-1].end}
		content = s.stretchQuote(sent, content)
	}
	if (c0 < 0 || c1 >= n-1) && ce >= n-2 && tg.sent.Low[n-1] == ":" {
		// "Cruz continued:" and the words follow in the next paragraph.
		if after, ok := s.after(sent); ok {
			content = after
		}
	}
	if content.Len() == 0 {
		return doc.Attribution{}, false
	}
	// The kind of a content the cue interrupts is that of its part before
	// the cue, as it is of one that runs on over the cue below.
	kindOf := content
	if c0 >= 0 && c0 < cb && c1 > ce {
		l := cb
		for l > c0+1 && tg.roles[l-1] != tagger.RoleC {
			l--
		}
		kindOf.End = s.words[l-1].end
	}
	kind := s.kind(kindOf, doc.AttrIndirect)
	if c0 >= 0 && c1 <= cb && (tagger.IsQuoteMark(tg.sent.Low[c1-1]) || tagger.IsQuoteMark(tg.sent.Low[c1])) {
		// "“A,” he said. “B.”": the quotation runs on in the next sentence.
		if after, ok := s.after(sent); ok && after.End > content.End && s.isQuote(after) && !strings.Contains(s.text[sent.End:after.Start], "\n") && (after.End >= s.next || strings.TrimSpace(s.text[after.End:s.next]) == "") {
			content.End = after.End
		}
	}
	cue := doc.Span{Start: s.words[cb].start, End: s.words[ce-1].end}
	at := doc.Attribution{
		Cue:      ptr(doc.MentionOf(s.text, cue)),
		Content:  content,
		Kind:     kind,
		Via:      []string{},
		Hedged:   s.lx.hedges.match(s.lows, cb) > 0,
		Evidence: doc.EvidenceUnknown,
	}
	if (strings.HasPrefix(s.lows[cb], "according") || s.lows[cb] == "as" && ce > cb+1) && at.Kind == doc.AttrIndirect { // "as reported by"
		at.Kind = doc.AttrAccordingTo
	}
	// Auxiliaries and adverbs between a source and its cue ("A ceasefire
	// was agreed") belong to neither.
	for se > sb+1 && sb >= 0 && s.lx.aux[tg.sent.Low[se-1]] {
		se--
	}
	// "Earlier the ministry said": the adverb is not the source's.
	for sb >= 0 && se > sb+1 && s.lx.lead[s.lows[sb]] && (sb == 0 || !s.isNPWord(sb-1)) {
		sb++
	}
	// A source ends at a colon, and what the colon opens is no content of
	// a report before its cue: "…, according to official figures:
	// Kyrgyzstan said …".
	for k := sb; sb >= 0 && k < se; k++ {
		if tg.sent.Low[k] != ":" {
			continue
		}
		se = k
		if c0 >= 0 && c0 < cb && at.Content.End > s.words[k].start {
			l := cb
			for l > c0+1 && (tg.sent.Low[l-1] == "," || tg.sent.Low[l-1] == "—") {
				l--
			}
			at.Content.End = s.words[l-1].end
		}
		break
	}
	if sb >= 0 && se > sb {
		// No source words: the source is not named ("It is alleged that
		// …") or lies outside the sentence; Source stays nil.
		src := s.withoutAside(s.wholeSource(doc.Span{Start: s.words[sb].start, End: s.words[se-1].end}))
		at.Source = ptr(doc.MentionOf(s.text, src))
		at.Speaker = s.speaker(src)
	}
	at.Hedged = at.Hedged || s.hedged(at)
	return at, true
}

// after returns the text that follows the sentence sent: the quotation
// that opens right after it, else the next sentence.
func (s *state) after(sent doc.Span) (doc.Span, bool) {
	i := sent.End
	for i < len(s.text) && (s.text[i] == ' ' || s.text[i] == '\n' || s.text[i] == '\t' || s.text[i] == '\r') {
		i++
	}
	if i >= len(s.text) {
		return doc.Span{}, false
	}
	q := sort.Search(len(s.quotes), func(k int) bool { return s.quotes[k].Start >= i })
	if q < len(s.quotes) && s.quotes[q].Start == i {
		return s.quotes[q], true
	}
	if s.next <= i {
		return doc.Span{}, false
	}
	return doc.Span{Start: i, End: s.next}, true
}

// isQuote reports whether sp is one of the quotations.
func (s *state) isQuote(sp doc.Span) bool {
	q := sort.Search(len(s.quotes), func(k int) bool { return s.quotes[k].Start >= sp.Start })
	return q < len(s.quotes) && s.quotes[q] == sp
}

// anotherCueAfter reports whether a comma and another cue follow the cue
// that ends at word ce and a source after it at [sb, se): "…, the agency
// wrote, citing unnamed sources" reports what came before the source, and
// the words after the comma are the second cue's.
func (s *state) anotherCueAfter(ce, sb, se int) bool {
	k := ce
	if sb >= ce && se > k {
		k = se
	}
	return k+1 < len(s.lows) && s.lows[k] == "," && s.lx.cues.match(s.lows, k+1) > 0
}

// resumes reports whether a quoted content resumes after the cue that
// ends at word ce and a source after it at [sb, se): after a comma or the
// end of a sentence, or with another quotation further on, unless another
// cue follows the comma (", adding …").
func (s *state) resumes(ce, sb, se int) bool {
	low := s.tg.sent.Low
	k := ce
	if sb >= ce && se > k {
		k = se
	}
	if k >= len(low) {
		return false
	}
	switch w := low[k]; {
	case w == ",":
		return k+1 < len(s.lows) && s.lx.cues.match(s.lows, k+1) == 0
	case tagger.IsQuoteMark(w), isFinal(w):
		return true
	}
	for r := k; r < len(low); r++ {
		if tagger.IsQuoteMark(low[r]) && (s.tg.roles[r] == tagger.RoleC || r+1 < len(low) && s.tg.roles[r+1] == tagger.RoleC) {
			return true
		}
	}
	return false
}

// boundWord reports whether word k bounds or approximates a figure after
// it ("over 137,000", "at least 40"), which a cue does not end with.
func boundWord(low []string, k int) bool {
	switch low[k] {
	case "over", "about", "around", "nearly", "almost", "some", "approximately", "roughly", "more", "than", "least":
		return true
	case "at":
		return k+1 < len(low) && low[k+1] == "least"
	}
	return false
}
