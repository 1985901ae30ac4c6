package tagger

import (
	"math"
	"slices"
	"strings"

	"github.com/parallaxnews/parallax/doc"
)

// Viterbi returns in out the best label sequence for n tokens with emission
// scores em[i*Stride+c] and transition scores trans[prev*Stride+c] (prev =
// NumLabels before the first token). back is scratch space of n*Stride.
// Tag decodes with a pruned search (see viterbi), Decode alike.
func Viterbi(em []float32, n int, trans *[(NumLabels + 1) * Stride]float32, out []uint8, back []uint8) []uint8 {
	return viterbi(em, n, trans, nil, NumLabels, out, back, nil)
}

// reach returns, for each label c, how far its emission may trail that of
// "O" at a token and c still be the best label there: beyond that, putting
// "O" in its place gains more in emission than it can lose in the
// transitions from the label before and to the label after.
func reach(trans *[(NumLabels + 1) * Stride]float32) [Stride]float32 {
	var r [Stride]float32
	for c := 1; c < NumLabels; c++ {
		in := float32(math.Inf(1))
		for p := range NumLabels + 1 {
			in = min(in, trans[p*Stride]-trans[p*Stride+c])
		}
		out := float32(0) // the last token has no transition after it
		for n := range NumLabels {
			out = min(out, trans[n]-trans[c*Stride+n])
		}
		r[c] = -(in + out)
	}
	return r
}

// Beam is how many techniques besides "O" Tag weighs at a token.
const Beam = 4

// viterbi is Viterbi that considers at each token only "O" and the labels
// c whose emission trails "O" by at most limit[c], at most beam of them, the
// strongest (limit nil: every label); cand is scratch space.
func viterbi(em []float32, n int, trans *[(NumLabels + 1) * Stride]float32, limit *[Stride]float32, beam int, out, back, cand []uint8) []uint8 {
	out = out[:0]
	if n == 0 {
		return out
	}
	// cand[i*Stride] is the number of candidates at token i, the labels follow.
	if cap(cand) < n*Stride {
		cand = make([]uint8, n*Stride)
	}
	cand = cand[:n*Stride]
	for i := range n {
		row := em[i*Stride : i*Stride+Stride]
		k := 1
		weakest := 0 // of the full beam, 0: not known
		cand[i*Stride+1] = 0
		for c := 1; c < NumLabels; c++ {
			if limit != nil && row[0]-row[c] > limit[c] {
				continue
			}
			if limit == nil || k <= beam {
				k++
				cand[i*Stride+k] = uint8(c)
				continue
			}
			// Full: replace the weakest candidate if c is stronger.
			if weakest == 0 {
				weakest = 2
				for j := 3; j <= k; j++ {
					if row[cand[i*Stride+j]] < row[cand[i*Stride+weakest]] {
						weakest = j
					}
				}
			}
			if row[c] > row[cand[i*Stride+weakest]] {
				cand[i*Stride+weakest] = uint8(c)
				weakest = 0 // find it again
			}
		}
		cand[i*Stride] = uint8(k)
	}
	var cur, next [Stride]float32
	for _, c := range cand[1 : 1+int(cand[0])] {
		cur[c] = trans[start*Stride+int(c)] + em[c]
	}
	for i := 1; i < n; i++ {
		prev := cand[(i-1)*Stride+1 : (i-1)*Stride+1+int(cand[(i-1)*Stride])]
		row := em[i*Stride : i*Stride+Stride]
		for _, c := range cand[i*Stride+1 : i*Stride+1+int(cand[i*Stride])] {
			best, arg := float32(math.Inf(-1)), uint8(0)
			for _, p := range prev {
				if s := cur[p] + trans[int(p)*Stride+int(c)]; s > best {
					best, arg = s, p
				}
			}
			next[c] = best + row[c]
			back[i*Stride+int(c)] = arg
		}
		cur = next
	}
	best, arg := float32(math.Inf(-1)), uint8(0)
	for _, c := range cand[(n-1)*Stride+1 : (n-1)*Stride+1+int(cand[(n-1)*Stride])] {
		if cur[c] > best {
			best, arg = cur[c], c
		}
	}
	for range n {
		out = append(out, 0)
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*Stride+int(out[i])]
	}
	return out
}

// Confidence maps a span's margin to (0,1).
func (m *Model) Confidence(margin float32) float64 {
	return 1 / (1 + math.Exp(-float64(margin/m.Spread)))
}

// Span is a run of tokens with one technique.
type Span struct {
	Start, End int // bytes
	Label      int
	Sentence   int
	First      int // first token, index into Features.Tokens
	Last       int // last token, inclusive
	Margin     float32
}

// Work is the scratch space of one tagging goroutine.
type Work struct {
	F    Features
	em   []float32
	out  []uint8
	back []uint8
	cand []uint8
	hs   []uint32 // span classifier features
	// Why's scratch space.
	explain Features
	names   map[uint32]string
	best    [][]whyFeature
}

// whyFeature is a feature chosen to explain a span and a token that has it
// (-1: a sentence feature).
type whyFeature struct {
	h   uint32
	tok int32
}

// Tagger finds technique spans with a model.
type Tagger struct {
	X *Extractor
	M *Model
}

// Decode returns in out the label sequence Tag chooses for n tokens with
// emission scores em: Viterbi restricted, token by token, to the labels that
// can win there, and to the few strongest of them.
func (m *Model) Decode(em []float32, n int, out, back []uint8) []uint8 {
	return viterbi(em, n, &m.Trans, &m.reach, Beam, out, back, nil)
}

// Emit fills em with the emission scores of sentence k of f.
func (m *Model) Emit(f *Features, k int, em []float32) {
	// The weights of a row are stored biased by 128 as bytes, eight to a
	// word; the even and odd bytes of each word are added up in four 16-bit
	// lanes at once. A lane holds at most 257 weights: flush before.
	const flushEvery = 250
	mask := uint32(1)<<m.Bits - 1
	var sacc [Stride]int32
	var lanes [4]uint64
	count := 0
	flush := func(acc *[Stride]int32) {
		for j := range 4 {
			for b := range 4 {
				// Lane b of word j/2 holds byte 2*b (+1 for odd words).
				c := (j/2)*8 + 2*b + j%2
				acc[c] += int32(lanes[j] >> (16 * b) & 0xffff)
			}
			lanes[j] = 0
		}
		for c := range Stride {
			acc[c] -= int32(128 * count)
		}
		count = 0
	}
	add := func(h uint32) {
		r := m.packed[(h&mask)*2:][:2]
		lanes[0] += r[0] & 0x00ff00ff00ff00ff
		lanes[1] += r[0] >> 8 & 0x00ff00ff00ff00ff
		lanes[2] += r[1] & 0x00ff00ff00ff00ff
		lanes[3] += r[1] >> 8 & 0x00ff00ff00ff00ff
		count++
	}
	for _, h := range f.SentenceFeatures[f.SentenceOffsets[k]:f.SentenceOffsets[k+1]] {
		if count == flushEvery {
			flush(&sacc)
		}
		add(h)
	}
	flush(&sacc)
	a := f.SentenceTokens[k]
	b := f.SentenceTokens[k+1]
	for i := a; i < b; i++ {
		acc := sacc
		for _, h := range f.TokenFeatures[f.TokenOffsets[i]:f.TokenOffsets[i+1]] {
			if count == flushEvery {
				flush(&acc)
			}
			add(h)
		}
		flush(&acc)
		e := em[(i-a)*Stride:][:Stride]
		for c := range NumLabels {
			e[c] = float32(acc[c])*m.Scale[c] + m.Bias[c]
		}
	}
}

// Tag returns the technique spans of text split into sentences, in text
// order.
func (t *Tagger) Tag(w *Work, text string, sentences []doc.Span) []Span {
	t.X.Extract(&w.F, text, sentences)
	f := &w.F
	var spans []Span
	for k := 0; k+1 < len(f.SentenceTokens); k++ {
		a, b := f.SentenceTokens[k], f.SentenceTokens[k+1]
		n := b - a
		if n == 0 {
			continue
		}
		if cap(w.em) < n*Stride {
			w.em = make([]float32, n*Stride*2)
			w.back = make([]uint8, n*Stride*2)
			w.cand = make([]uint8, n*Stride*2)
		}
		em := w.em[:n*Stride]
		t.M.Emit(f, k, em)
		w.out = viterbi(em, n, &t.M.Trans, &t.M.reach, Beam, w.out, w.back, w.cand)
		first := len(spans)
		spans = AppendSpans(spans, f, k, w.out, em, &t.M.Policy)
		w.hs = t.M.relabel(f, k, spans[first:], em, w.hs)
	}
	return spans
}

// Span policies: how the tagged runs of one technique become spans.
const (
	// AsTagged keeps every run of tokens as its own span.
	AsTagged = iota
	// Joined joins the runs of one technique in a sentence into one span
	// from the first to the last.
	Joined
	// Sentence widens a run to its whole sentence.
	Sentence
	numPolicies
)

// NumPolicies is the number of span policies.
const NumPolicies = numPolicies

// AppendSpans appends to dst the spans of sentence k tagged out, with em the
// sentence's emission scores (or nil) and policy the span policy of each
// label (or nil for AsTagged). It may relabel conjunctions in out.
func AppendSpans(dst []Span, f *Features, k int, out []uint8, em []float32, policy *[Stride]uint8) []Span {
	a := f.SentenceTokens[k]
	first := len(dst)
	// Coordinated phrases of one technique ("terror and murder", "burned,
	// looted") are one span: fill a lone "and", "or", "nor" or comma between
	// two runs of the same technique.
	for i := 1; i+1 < len(out); i++ {
		if out[i] == 0 && out[i-1] != 0 && out[i-1] == out[i+1] {
			switch f.toks[a+i].lw {
			case "and", "or", "nor", ",", "&":
				out[i] = out[i-1]
			}
		}
	}
	for i := 0; i < len(out); {
		c := out[i]
		j := i + 1
		for j < len(out) && out[j] == c {
			j++
		}
		if c != 0 {
			s, e := i, j-1
			if policy != nil && policy[c] == Sentence {
				s, e = 0, len(out)-1
			}
			// Punctuation at either edge is not part of the technique.
			for s < e && f.toks[a+s].shape == shPunct {
				s++
			}
			for e > s && f.toks[a+e].shape == shPunct {
				e--
			}
			if f.toks[a+s].shape != shPunct {
				dst = addSpan(dst, first, f, k, s, e, int(c), em, policy != nil && policy[c] != AsTagged)
			}
		}
		i = j
	}
	// A stretch of technique tokens with no "O" between whose runs carry
	// different techniques is one passage: it also becomes one span, with
	// the technique that leads "O" most over the whole stretch.
	for i := 0; i < len(out); {
		if out[i] == 0 {
			i++
			continue
		}
		j, mixed := i+1, false
		for j < len(out) && out[j] != 0 {
			mixed = mixed || out[j] != out[i]
			j++
		}
		if mixed {
			best, bestScore := int(out[i]), float32(math.Inf(-1))
			for c := 1; c < NumLabels; c++ {
				var sc float32
				present := false
				for x := i; x < j; x++ {
					present = present || int(out[x]) == c
					if em != nil {
						sc += em[x*Stride+c] - em[x*Stride]
					} else if int(out[x]) == c {
						sc++
					}
				}
				if present && sc > bestScore {
					best, bestScore = c, sc
				}
			}
			s, e := i, j-1
			for s < e && f.toks[a+s].shape == shPunct {
				s++
			}
			for e > s && f.toks[a+e].shape == shPunct {
				e--
			}
			if f.toks[a+s].shape != shPunct {
				dst = addSpan(dst, first, f, k, s, e, best, em, policy != nil && policy[best] != AsTagged)
			}
		}
		i = j
	}
	slices.SortStableFunc(dst[first:], func(x, y Span) int { return x.Start - y.Start })
	return dst
}

// addSpan appends the span of tokens s..e (relative to sentence k) with
// label c to dst, or, when join is set, widens the span of the same label
// already there (at or after first).
func addSpan(dst []Span, first int, f *Features, k, s, e, c int, em []float32, join bool) []Span {
	a := f.SentenceTokens[k]
	if join {
		for i := first; i < len(dst); i++ {
			if dst[i].Label == c {
				dst[i].Last = max(dst[i].Last, a+e)
				dst[i].End = f.Tokens[dst[i].Last].End
				dst[i].Margin = margin(em, dst[i].First-a, dst[i].Last-a, c)
				return dst
			}
		}
	}
	return append(dst, Span{Start: f.Tokens[a+s].Start, End: f.Tokens[a+e].End, Label: c, Sentence: k,
		First: a + s, Last: a + e, Margin: margin(em, s, e, c)})
}

// margin is the mean lead of label c over "O" in em over tokens s..e.
func margin(em []float32, s, e, c int) float32 {
	if em == nil {
		return 0
	}
	var m float32
	for x := s; x <= e; x++ {
		m += em[x*Stride+c] - em[x*Stride]
	}
	return m / float32(e-s+1)
}

// Why returns, for each span of the last Tag call with w, up to top
// readable names of the features that pushed its tokens most towards its
// technique rather than none.
func (t *Tagger) Why(w *Work, spans []Span, top int) [][]string {
	f := &w.F
	m := t.M
	mask := uint32(1)<<m.Bits - 1
	weight := func(h uint32, c int) float32 {
		// The packed rows, which Emit has just read, rather than W.
		r := m.packed[(h&mask)*2:][:2]
		wc := int32(r[c/8]>>(8*(c%8))&0xff) - 128
		w0 := int32(r[0]&0xff) - 128
		return float32(wc)*m.Scale[c] - float32(w0)*m.Scale[0]
	}
	biasHash := mix(tBias, 0, 0) // the feature every token has
	if w.names == nil {
		w.names = map[uint32]string{}
	}
	names := w.names
	clear(names)
	for len(w.best) < len(spans) {
		w.best = append(w.best, nil)
	}
	best := w.best[:len(spans)]
	for i := range best {
		best[i] = best[i][:0]
	}
	// Each (token, feature) weighs on its own, each sentence feature once
	// for every token of the span; the strongest are kept, with a few extra
	// since some names are dropped (technical ones) or shared.
	type feature struct {
		h   uint32
		v   float32
		tok int32
	}
	limit := min(top+4, 8)
	for n, s := range spans {
		var tops [8]feature
		ntop := 0
		consider := func(h uint32, v float32, tok int32) {
			if v <= 0 || ntop == limit && tops[ntop-1].v >= v {
				return
			}
			for i := range ntop {
				if tops[i].h == h {
					if v > tops[i].v {
						tops[i].v = v
						for j := i; j > 0 && tops[j-1].v < tops[j].v; j-- {
							tops[j-1], tops[j] = tops[j], tops[j-1]
						}
					}
					return
				}
			}
			j := min(ntop, limit-1) // the last one drops out when full
			for j > 0 && tops[j-1].v < v {
				tops[j] = tops[j-1]
				j--
			}
			tops[j] = feature{h, v, tok}
			ntop = min(ntop+1, limit)
		}
		for i := s.First; i <= s.Last; i++ {
			for _, h := range f.TokenFeatures[f.TokenOffsets[i]:f.TokenOffsets[i+1]] {
				if h != biasHash {
					consider(h, weight(h, s.Label), int32(i))
				}
			}
		}
		k := s.Sentence
		ntok := float32(s.Last - s.First + 1)
		for _, h := range f.SentenceFeatures[f.SentenceOffsets[k]:f.SentenceOffsets[k+1]] {
			consider(h, ntok*weight(h, s.Label), -1)
		}
		for _, x := range tops[:ntop] {
			best[n] = append(best[n], whyFeature{x.h, x.tok})
			names[x.h] = ""
		}
	}
	// Name the chosen features by extracting the spans' tokens again.
	g := &w.explain
	g.toks, g.names, g.onlyNamed = f.toks, names, true
	defer func() { g.toks, g.names = nil, nil }()
	for i := 0; i < len(spans); {
		k := spans[i].Sentence
		a := f.SentenceTokens[k]
		// Only the features chosen for this sentence's spans and not yet
		// named need a name, and only the tokens they were chosen at need
		// extracting: a filter on their hashes skips the other features
		// before any map lookup.
		g.want = [len(g.want)]uint64{}
		g.need = slices.Grow(g.need[:0], f.SentenceTokens[k+1]-a)[:f.SentenceTokens[k+1]-a]
		clear(g.need)
		for ; i < len(spans) && spans[i].Sentence == k; i++ {
			for _, x := range best[i] {
				if names[x.h] == "" {
					g.want[x.h>>6%uint32(len(g.want))] |= 1 << (x.h & 63)
					if x.tok >= 0 {
						g.need[int(x.tok)-a] = true
					}
				}
			}
		}
		g.TokenOffsets = append(g.TokenOffsets[:0], 0)
		g.TokenFeatures, g.SentenceFeatures = g.TokenFeatures[:0], g.SentenceFeatures[:0]
		g.SentenceOffsets = append(g.SentenceOffsets[:0], 0)
		t.X.sentence(g, f.toks[a:f.SentenceTokens[k+1]], k)
	}
	out := make([][]string, len(spans))
	for n, hs := range best {
		for _, x := range hs {
			if name := names[x.h]; name != "" && name[0] != '~' && !slices.Contains(out[n], name) && len(out[n]) < top {
				out[n] = append(out[n], name)
			}
		}
		if len(out[n]) > 0 {
			continue
		}
		// No telling feature: fall back on the technical ones, then on the
		// labels around the span.
		for _, x := range hs {
			if name := strings.TrimPrefix(names[x.h], "~"); name != "" && !slices.Contains(out[n], name) && len(out[n]) < top {
				out[n] = append(out[n], name)
			}
		}
		if len(out[n]) == 0 {
			out[n] = []string{"the techniques of the words around it"}
		}
	}
	return out
}
