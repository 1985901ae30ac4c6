package tagger

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hashString is 32-bit FNV-1a.
func hashString(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// mix combines a feature template with up to two values into one hash.
func mix(t, a, b uint32) uint32 {
	h := t*0x9E3779B1 ^ a
	h = (h ^ h>>15) * 0x85EBCA77
	h ^= b
	h = (h ^ h>>13) * 0xC2B2AE3D
	return h ^ h>>16
}

// Feature templates. Their numbers are part of the model: changing one
// means retraining.
const (
	tBias = iota + 1
	tWord
	tStem
	tShape
	tSuffix
	tPrev
	tNext
	tPrev2
	tNext2
	tBigramLeft
	tBigramRight
	tCue
	tCueNear
	tQuote
	tPosition
	tRepeated
	tFrequent
	tRepeatedBigram
	tQuestionPosition
	tShapeLeft
	tShapeRight
	tCueNext
	tCuePrev

	tPrefix

	sCue = 40 + iota
	sQuestion
	sExclaim
	sLength
	sQuote
	sFirst

	tCluster = 100 + iota
	tClusterPrev
	tClusterNext
)

// Word shapes.
const (
	shLower = iota
	shCapital
	shUpper
	shDigit
	shQuote
	shPunct
	shMixed
	shBoundary // before the first or after the last token
)

func shapeName(s uint8) string {
	switch s {
	case shLower:
		return "lower-case word"
	case shCapital:
		return "capitalised word"
	case shUpper:
		return "upper-case word"
	case shDigit:
		return "number"
	case shQuote:
		return "quotation mark"
	case shPunct:
		return "punctuation"
	case shMixed:
		return "mixed-case word"
	}
	return "sentence edge"
}

// token is what the features of one token are computed from.
type token struct {
	start, end int
	lw         string // lower-case text
	hw, hs     uint32 // hashes of the lower-case word and of its stem
	shape      uint8
	quoted     bool
	cue        uint32 // lexicon groups
	prev       int32  // earlier occurrences of the word in the document
	total      int32  // occurrences in the document
	prevBigram int32  // earlier occurrences of this and the previous word
	cl         uint32 // packed word cluster, 0 when unknown
	phrase     bool   // a multi-word cue starts with the word
}

// wordInfo is what a document's tokens of one word share.
type wordInfo struct {
	seen   bool
	phrase bool   // a multi-word cue starts with the word
	n      int32  // occurrences so far
	cue    uint32 // lexicon groups
	cl     uint32 // packed word cluster
}

// Features holds the features of one document: for each sentence, for each
// token, hashed feature IDs. It is reused between documents.
type Features struct {
	// Tokens of the document, sentence by sentence.
	Tokens []segment.Token
	// SentenceTokens[k]..SentenceTokens[k+1] are the tokens of sentence k.
	SentenceTokens []int
	// TokenFeatures[TokenOffsets[i]:TokenOffsets[i+1]] are those of token i.
	TokenOffsets  []int
	TokenFeatures []uint32
	// SentenceFeatures[SentenceOffsets[k]:SentenceOffsets[k+1]] are those
	// shared by every token of sentence k.
	SentenceOffsets  []int
	SentenceFeatures []uint32

	toks      []token
	seg       []segment.Token
	counts    table[wordInfo]
	bigrams   table[int32]
	names     map[uint32]string // when explaining
	onlyNamed bool              // name only the features already in names
	want      [16]uint64        // with onlyNamed: a filter of the hashes to name (bit h&1023)
	need      []bool            // and only those of the tokens of the sentence marked here
}

// Extractor computes features. It is safe for concurrent use.
type Extractor struct {
	lex *Lexicon
	cl  *Clusters
	// known holds the lexicon groups, cluster and phrase flag of the
	// words of cl, computed once.
	known wordTable
}

// NewExtractor returns an extractor that uses the cue lexicon lx and the
// word clusters cl (nil: none).
func NewExtractor(lx *Lexicon, cl *Clusters) *Extractor {
	x := &Extractor{lex: lx, cl: cl}
	if cl != nil {
		es := make([]wordEntry, 0, len(cl.words))
		for _, w := range cl.words {
			h := hashString(w)
			if h == 0 {
				continue
			}
			_, phrase := lx.phrases[h]
			es = append(es, wordEntry{hw: h, cue: lx.wordMask(w, h), cl: cl.of(h), phrase: phrase})
		}
		x.known = newWordTable(es)
	}
	return x
}

// Extract fills f with the features of text split into sentences.
func (x *Extractor) Extract(f *Features, text string, sentences []doc.Span) {
	x.extract(f, text, sentences, nil)
}

// Explain is Extract that also returns a readable name for every feature
// hash it produced.
func (x *Extractor) Explain(f *Features, text string, sentences []doc.Span) map[uint32]string {
	names := map[uint32]string{}
	x.extract(f, text, sentences, names)
	return names
}

func (x *Extractor) extract(f *Features, text string, sentences []doc.Span, names map[uint32]string) {
	f.names = names
	x.tokens(f, text, sentences)
	f.TokenOffsets = append(f.TokenOffsets[:0], 0)
	f.TokenFeatures = f.TokenFeatures[:0]
	f.SentenceOffsets = append(f.SentenceOffsets[:0], 0)
	f.SentenceFeatures = f.SentenceFeatures[:0]
	for k := 0; k+1 < len(f.SentenceTokens); k++ {
		x.sentence(f, f.toks[f.SentenceTokens[k]:f.SentenceTokens[k+1]], k)
	}
	f.names = nil
}

// tokens fills f.Tokens, f.SentenceTokens and f.toks.
func (x *Extractor) tokens(f *Features, text string, sentences []doc.Span) {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		lower = ""
	}
	f.counts.reset()
	f.bigrams.reset()
	f.Tokens = f.Tokens[:0]
	f.toks = f.toks[:0]
	f.SentenceTokens = append(f.SentenceTokens[:0], 0)
	quoted := false
	last := 0
	for _, s := range sentences {
		f.seg = segment.AppendTokens(f.seg[:0], text, s.Start, s.End)
		var prevHash uint32
		for _, tk := range f.seg {
			if strings.IndexByte(text[last:tk.Start], '\n') >= 0 {
				quoted = false // quotations do not run across paragraphs
			}
			last = tk.End
			var lw string
			if lower != "" {
				lw = lower[tk.Start:tk.End]
			} else {
				lw = strings.ToLower(text[tk.Start:tk.End])
			}
			t := token{start: tk.Start, end: tk.End, lw: lw, hw: hashString(lw)}
			t.hs = hashString(stem(lw))
			t.shape = shapeOf(text[tk.Start:tk.End])
			if t.shape == shQuote {
				switch text[tk.Start:tk.End] {
				case "“", "«", "„":
					quoted = true
				case "”", "»":
					quoted = false
				default:
					quoted = !quoted
				}
			} else {
				t.quoted = quoted
			}
			wi := f.counts.slot(uint64(t.hw))
			if !wi.seen {
				wi.seen = true
				if e, ok := x.known.get(t.hw); ok {
					wi.cue, wi.cl, wi.phrase = e.cue, e.cl, e.phrase
				} else {
					wi.cue = x.lex.wordMask(lw, t.hw)
					wi.cl = x.cl.of(t.hw)
					_, wi.phrase = x.lex.phrases[t.hw]
				}
			}
			t.cue = wi.cue
			t.cl = wi.cl
			t.phrase = wi.phrase
			if t.shape != shPunct && t.shape != shQuote {
				t.prev = wi.n
				wi.n++
			}
			if t.shape != shPunct && t.shape != shQuote {
				if prevHash != 0 {
					b := f.bigrams.slot(uint64(prevHash)<<32 | uint64(t.hw))
					t.prevBigram = *b
					*b++
				}
				prevHash = t.hw
			}
			f.toks = append(f.toks, t)
			f.Tokens = append(f.Tokens, tk)
		}
		f.SentenceTokens = append(f.SentenceTokens, len(f.toks))
	}
	for i := range f.toks {
		wi, _ := f.counts.get(uint64(f.toks[i].hw))
		f.toks[i].total = wi.n
	}
	x.phrases(f)
}

// phrases marks the tokens covered by multi-word cues.
func (x *Extractor) phrases(f *Features) {
	for k := 0; k+1 < len(f.SentenceTokens); k++ {
		ts := f.toks[f.SentenceTokens[k]:f.SentenceTokens[k+1]]
		for i := range ts {
			if !ts[i].phrase {
				continue
			}
			for _, p := range x.lex.phrases[ts[i].hw] {
				if i+len(p.words) > len(ts) {
					continue
				}
				ok := true
				for j, w := range p.words[1:] {
					if ts[i+1+j].lw != w {
						ok = false
						break
					}
				}
				if ok {
					for j := range p.words {
						ts[i+j].cue |= p.mask
					}
				}
			}
		}
	}
}

func (f *Features) add(h uint32, name func() string) {
	f.TokenFeatures = append(f.TokenFeatures, h)
	if f.names != nil {
		f.name(h, name)
	}
}

func (f *Features) addSentence(h uint32, name func() string) {
	f.SentenceFeatures = append(f.SentenceFeatures, h)
	if f.names != nil {
		f.name(h, name)
	}
}

// name records the name of feature h: of every feature when f.onlyNamed is
// false, else only of those already in f.names with an empty name.
func (f *Features) name(h uint32, name func() string) {
	if f.onlyNamed {
		if f.want[h>>6%uint32(len(f.want))]&(1<<(h&63)) == 0 {
			return
		}
		if v, ok := f.names[h]; !ok || v != "" {
			return
		}
	}
	f.names[h] = name()
}

const (
	edgeHash = 0x5bd1e995 // the word before the first and after the last token
)

// sentence appends the features of the tokens ts of sentence k.
func (x *Extractor) sentence(f *Features, ts []token, k int) {
	n := len(ts)
	question, exclaim, quote := false, false, false
	var cues uint32
	for i := range ts {
		cues |= ts[i].cue
		switch ts[i].lw {
		case "!":
			exclaim = true
		case "?":
			question = true
		}
		if ts[i].shape == shQuote || ts[i].quoted {
			quote = true
		}
	}
	for g := range x.lex.groups {
		if cues&(1<<g) != 0 && cues&(1<<g) != x.lex.stop {
			name := x.lex.groups[g]
			f.addSentence(mix(sCue, uint32(g), 0), func() string { return "sentence has a " + name + " cue" })
		}
	}
	if question {
		f.addSentence(mix(sQuestion, 1, 0), func() string { return "question" })
	}
	if exclaim {
		f.addSentence(mix(sExclaim, 1, 0), func() string { return "exclamation" })
	}
	if quote {
		f.addSentence(mix(sQuote, 1, 0), func() string { return "sentence quotes someone" })
	}
	lb := uint32(min(n/8, 6))
	f.addSentence(mix(sLength, lb, 0), func() string { return "~sentence of about " + strconv.Itoa(int(lb)*8) + " words" })
	if k == 0 {
		f.addSentence(mix(sFirst, 1, 0), func() string { return "headline" })
	}
	f.SentenceOffsets = append(f.SentenceOffsets, len(f.SentenceFeatures))

	var q uint32
	if question {
		q = 1
	}
	for i := range ts {
		if f.onlyNamed && !f.need[i] {
			continue
		}
		t := &ts[i]
		word := func(j int) (uint32, string, uint8) {
			if j < 0 {
				return edgeHash, "(sentence start)", shBoundary
			}
			if j >= n {
				return edgeHash, "(sentence end)", shBoundary
			}
			return ts[j].hw, ts[j].lw, ts[j].shape
		}
		hp, lp, sp := word(i - 1)
		hn, ln, sn := word(i + 1)
		hp2, lp2, _ := word(i - 2)
		hn2, ln2, _ := word(i + 2)
		lw := t.lw
		f.add(mix(tBias, 0, 0), func() string { return "~prior" })
		f.add(mix(tWord, t.hw, 0), func() string { return "word \"" + lw + "\"" })
		f.add(mix(tStem, t.hs, 0), func() string { return "word like \"" + stem(lw) + "\"" })
		f.add(mix(tShape, uint32(t.shape), 0), func() string { return "~" + shapeName(t.shape) })
		suf := lw
		if len(suf) > 3 {
			cut := len(suf) - 3
			for cut > 0 && !utf8.RuneStart(suf[cut]) {
				cut--
			}
			suf = suf[cut:]
		}
		f.add(mix(tSuffix, hashString(suf), 0), func() string { return "word ending \"" + suf + "\"" })
		if len(lw) > 5 && utf8.RuneStart(lw[4]) {
			pre := lw[:4]
			f.add(mix(tPrefix, hashString(pre), 0), func() string { return "word beginning \"" + pre + "\"" })
		}
		f.add(mix(tPrev, hp, 0), func() string { return "after \"" + lp + "\"" })
		f.add(mix(tNext, hn, 0), func() string { return "before \"" + ln + "\"" })
		f.add(mix(tPrev2, hp2, 0), func() string { return "two words after \"" + lp2 + "\"" })
		f.add(mix(tNext2, hn2, 0), func() string { return "two words before \"" + ln2 + "\"" })
		f.add(mix(tBigramLeft, hp, t.hw), func() string { return "\"" + lp + " " + lw + "\"" })
		f.add(mix(tBigramRight, t.hw, hn), func() string { return "\"" + lw + " " + ln + "\"" })
		var near uint32
		for j := max(0, i-2); j <= min(n-1, i+2); j++ {
			if j != i {
				near |= ts[j].cue
			}
		}
		// The groups of the word and of its neighbours, set bit by set bit.
		for m := t.cue | near; m != 0; m &= m - 1 {
			g := bits.TrailingZeros32(m)
			bit := uint32(1) << g
			name := x.lex.groups[g]
			if t.cue&bit != 0 {
				f.add(mix(tCue, uint32(g), 0), func() string { return name + " cue" })
				f.add(mix(tCueNext, uint32(g), hn), func() string { return name + " cue before \"" + ln + "\"" })
				f.add(mix(tCuePrev, uint32(g), hp), func() string { return name + " cue after \"" + lp + "\"" })
			}
			if near&bit != 0 && bit != x.lex.stop {
				f.add(mix(tCueNear, uint32(g), 0), func() string { return "near a " + name + " cue" })
			}
		}
		if t.quoted {
			f.add(mix(tQuote, 1, uint32(t.shape)), func() string { return "inside quotation marks" })
		}
		var pos uint32
		switch {
		case i == 0:
			pos = 0
		case i == 1:
			pos = 1
		case i == n-1:
			pos = 2
		case i == n-2:
			pos = 3
		default:
			pos = 4 + uint32(5*i/n)
		}
		f.add(mix(tPosition, pos, 0), func() string { return "~position in sentence " + strconv.Itoa(int(pos)) })
		f.add(mix(tQuestionPosition, q, pos), func() string {
			if q == 1 {
				return "in a question"
			}
			return "~not in a question"
		})
		if x.content(t) {
			rep := uint32(min(t.prev, 3))
			f.add(mix(tRepeated, rep, 0), func() string {
				if rep == 0 {
					return "~first time said"
				}
				return "said " + strconv.Itoa(int(rep)) + " times before"
			})
			tot := uint32(min(t.total, 5))
			f.add(mix(tFrequent, tot, 0), func() string { return "~said " + strconv.Itoa(int(tot)) + " times in all" })
			if t.prevBigram > 0 {
				f.add(mix(tRepeatedBigram, 1, 0), func() string { return "phrase said before" })
			}
		}
		f.add(mix(tShapeLeft, uint32(sp), uint32(t.shape)), func() string { return "~" + shapeName(sp) + " then " + shapeName(t.shape) })
		f.add(mix(tShapeRight, uint32(t.shape), uint32(sn)), func() string { return "~" + shapeName(t.shape) + " then " + shapeName(sn) })
		if x.cl != nil {
			for _, p := range [...]int{4, 6, 10, 0} {
				c := clusterPrefix(t.cl, p)
				f.add(mix(tCluster, uint32(p), c), func() string { return "~word cluster " + clusterName(c) })
			}
			cp, cn := uint32(clusterEdge), uint32(clusterEdge)
			if i > 0 {
				cp = ts[i-1].cl
			}
			if i+1 < n {
				cn = ts[i+1].cl
			}
			for _, p := range [...]int{4, 0} {
				c := clusterPrefix(cp, p)
				f.add(mix(tClusterPrev, uint32(p), c), func() string { return "~after a word of cluster " + clusterName(c) })
				c = clusterPrefix(cn, p)
				f.add(mix(tClusterNext, uint32(p), c), func() string { return "~before a word of cluster " + clusterName(c) })
			}
		}
		f.TokenOffsets = append(f.TokenOffsets, len(f.TokenFeatures))
	}
}

// content reports whether t is a word that carries meaning: not
// punctuation and not a stop word.
func (x *Extractor) content(t *token) bool {
	return t.shape != shPunct && t.shape != shQuote && t.cue&x.lex.stop == 0 && len(t.lw) > 2
}

// stem strips common English inflections from the lower-case word w.
func stem(w string) string {
	for _, suf := range [...]string{"’s", "'s", "ing", "ed", "ly", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			if suf == "s" && strings.HasSuffix(w, "ss") {
				return w
			}
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func shapeOf(s string) uint8 {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case strings.ContainsRune("\"“”«»„'‘’", r) && utf8.RuneCountInString(s) == 1:
		return shQuote
	case unicode.IsDigit(r):
		return shDigit
	case !unicode.IsLetter(r):
		return shPunct
	}
	upper, lower := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	switch {
	case upper == 0:
		return shLower
	case lower == 0 && upper > 1:
		return shUpper
	case unicode.IsUpper(r) && upper == 1:
		return shCapital
	default:
		return shMixed
	}
}
