package tagger

// The span classifier names the technique of a span the tagger found, from
// the span as a whole: its words and word pairs, its first and last word,
// the words around it, its length and share of the sentence, its cue
// groups and its sentence. Long clause-level techniques (doubt, appeal to
// fear, black-and-white) and short word-level ones (loaded language, name
// calling) differ more in these than token by token. Its score is added to
// the tagger's mean lead of each technique over "O" in the span, weighted
// by Model.SpanAlpha.

// Span feature templates (a table of their own).
const (
	pBias = 80 + iota
	pWord
	pStem
	pBigram
	pFirst
	pLast
	pPrev
	pNext
	pLength
	pShare
	pCue
	pSentence
	pQuoted
	pShape
)

// SpanFeatures appends to dst the hashed features of the span of tokens
// first..last (inclusive, indices into f.Tokens) in sentence k of f.
func SpanFeatures(dst []uint32, f *Features, k, first, last int) []uint32 {
	a, b := f.SentenceTokens[k], f.SentenceTokens[k+1]
	first, last = max(first, a), min(last, b-1)
	if first > last {
		return append(dst, mix(pBias, 0, 0))
	}
	n := last - first + 1
	dst = append(dst, mix(pBias, 0, 0))
	var cues uint32
	var shapes uint32
	for i := first; i <= last; i++ {
		t := &f.toks[i]
		dst = append(dst, mix(pWord, t.hw, 0), mix(pStem, t.hs, 0))
		if i < last {
			dst = append(dst, mix(pBigram, t.hw, f.toks[i+1].hw))
		}
		cues |= t.cue
		shapes |= 1 << t.shape
	}
	dst = append(dst, mix(pFirst, f.toks[first].hw, 0), mix(pLast, f.toks[last].hw, 0))
	prev, next := uint32(edgeHash), uint32(edgeHash)
	if first > a {
		prev = f.toks[first-1].hw
	}
	if last < b-1 {
		next = f.toks[last+1].hw
	}
	dst = append(dst, mix(pPrev, prev, 0), mix(pNext, next, 0))
	dst = append(dst, mix(pLength, lengthBucket(n), 0))
	dst = append(dst, mix(pShare, uint32(4*n/(b-a)), lengthBucket(b-a)))
	for g := range 32 {
		if cues&(1<<g) != 0 {
			dst = append(dst, mix(pCue, uint32(g), 0))
		}
	}
	for s := range 8 {
		if shapes&(1<<s) != 0 {
			dst = append(dst, mix(pShape, uint32(s), 0))
		}
	}
	if f.toks[first].quoted {
		dst = append(dst, mix(pQuoted, 1, 0))
	}
	for _, h := range f.SentenceFeatures[f.SentenceOffsets[k]:f.SentenceOffsets[k+1]] {
		dst = append(dst, mix(pSentence, h, 0))
	}
	return dst
}

// lengthBucket groups span lengths in tokens.
func lengthBucket(n int) uint32 {
	switch {
	case n <= 3:
		return uint32(n)
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 35:
		return 8
	}
	return 9
}

// SpanScores adds to out the span classifier's score of each technique
// for the features hs. It does nothing for a model without one.
func (m *Model) SpanScores(hs []uint32, out *[Stride]float32) {
	if m.SpanBits == 0 {
		return
	}
	mask := uint32(1)<<m.SpanBits - 1
	var acc [Stride]int32
	for _, h := range hs {
		row := m.SpanW[(h&mask)*Stride:][:Stride]
		for c := range Stride {
			acc[c] += int32(row[c])
		}
	}
	for c := range NumLabels {
		out[c] += float32(acc[c]) * m.SpanScale[c]
	}
}

// relabel gives each span of spans (all of sentence k, whose emission
// scores are em) the technique with the best sum of the span classifier's
// score and SpanAlpha times the tagger's mean lead over "O". buf is scratch
// space, returned for reuse.
func (m *Model) relabel(f *Features, k int, spans []Span, em []float32, buf []uint32) []uint32 {
	if m.SpanBits == 0 || em == nil {
		return buf
	}
	a := f.SentenceTokens[k]
	for i := range spans {
		s := &spans[i]
		buf = SpanFeatures(buf[:0], f, k, s.First, s.Last)
		var sc [Stride]float32
		m.SpanScores(buf, &sc)
		best, bestScore := s.Label, float32(0)
		for c := 1; c < NumLabels; c++ {
			v := sc[c] + m.SpanAlpha*margin(em, s.First-a, s.Last-a, c)
			if c == 1 || v > bestScore {
				best, bestScore = c, v
			}
		}
		s.Label = best
		s.Margin = margin(em, s.First-a, s.Last-a, best)
	}
	return buf
}

// Relabel is relabel for the training command: spans are the spans of
// sentence k of f, em its emission scores.
func (m *Model) Relabel(f *Features, k int, spans []Span, em []float32) {
	m.relabel(f, k, spans, em, nil)
}

// TokenRange returns the first and last token (indices into f.Tokens) that
// the byte span [start,end) covers, and the sentence of the first; ok is
// false when it covers none.
func (f *Features) TokenRange(start, end int) (k, first, last int, ok bool) {
	lo, hi := 0, len(f.Tokens)
	for lo < hi {
		mid := (lo + hi) / 2
		if f.Tokens[mid].End <= start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	first = lo
	last = first - 1
	for i := first; i < len(f.Tokens) && f.Tokens[i].Start < end; i++ {
		last = i
	}
	if last < first {
		return 0, 0, 0, false
	}
	lo, hi = 0, len(f.SentenceTokens)-1
	for lo < hi { // the last k with SentenceTokens[k] <= first
		mid := (lo + hi + 1) / 2
		if f.SentenceTokens[mid] <= first {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	k = lo
	if k+1 < len(f.SentenceTokens) {
		last = min(last, f.SentenceTokens[k+1]-1)
	}
	return k, first, last, true
}
