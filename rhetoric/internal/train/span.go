package main

import (
	"math"
	"math/rand/v2"

	"github.com/parallaxnews/parallax/rhetoric/internal/tagger"
)

// spanBits is log2 of the number of hashed feature rows of the span
// classifier.
const spanBits = 17

type spanExample struct {
	hs    []uint32
	label int
}

// spanExamples returns the gold spans of arts with their features.
func spanExamples(arts []*article) []spanExample {
	var out []spanExample
	for _, a := range arts {
		for _, g := range a.gold {
			k, first, last, ok := a.f.TokenRange(g.Start, g.End)
			if !ok {
				continue
			}
			l := tagger.LabelOf(g.Label)
			out = append(out, spanExample{tagger.SpanFeatures(nil, a.f, k, first, last), l})
			// Spans are often widened to their sentence: learn those too.
			if s, e := a.f.SentenceTokens[k], a.f.SentenceTokens[k+1]-1; s != first || e != last {
				out = append(out, spanExample{tagger.SpanFeatures(nil, a.f, k, s, e), l})
			}
		}
	}
	return out
}

// fitSpan trains the span classifier, an averaged multi-class perceptron
// over the techniques, on the gold spans of arts, and stores it in m.
func fitSpan(m *tagger.Model, arts []*article, epochs int) {
	ex := spanExamples(arts)
	rows := 1 << spanBits
	mask := uint32(rows - 1)
	w := make([]float32, rows*tagger.Stride)
	u := make([]float32, rows*tagger.Stride)
	rng := rand.New(rand.NewPCG(3, 4))
	step := float32(1)
	for range epochs {
		rng.Shuffle(len(ex), func(i, j int) { ex[i], ex[j] = ex[j], ex[i] })
		for _, e := range ex {
			var sc [tagger.Stride]float32
			for _, h := range e.hs {
				row := w[int(h&mask)*tagger.Stride:][:tagger.Stride]
				for c := range tagger.Stride {
					sc[c] += row[c]
				}
			}
			p := 1
			for c := 2; c < tagger.NumLabels; c++ {
				if sc[c] > sc[p] {
					p = c
				}
			}
			if p != e.label {
				for _, h := range e.hs {
					r := int(h&mask) * tagger.Stride
					w[r+e.label]++
					w[r+p]--
					u[r+e.label] += step
					u[r+p] -= step
				}
			}
			step++
		}
	}
	for i := range w {
		w[i] -= u[i] / step
	}
	q := tagger.Quantise(spanBits, w, [(tagger.NumLabels + 1) * tagger.Stride]float32{})
	m.SpanBits, m.SpanW, m.SpanScale = spanBits, q.W, q.Scale
}

// spanSpread returns the standard deviation of the span classifier's
// scores on the gold spans of arts.
func spanSpread(m *tagger.Model, arts []*article) float32 {
	var sum, sq float64
	n := 0
	for _, e := range spanExamples(arts) {
		var sc [tagger.Stride]float32
		m.SpanScores(e.hs, &sc)
		for c := 1; c < tagger.NumLabels; c++ {
			sum += float64(sc[c])
			sq += float64(sc[c]) * float64(sc[c])
			n++
		}
	}
	if n == 0 {
		return 1
	}
	return float32(math.Sqrt(max(1e-12, sq/float64(n)-(sum/float64(n))*(sum/float64(n)))))
}

// tuneAlpha chooses the weight of the tagger's lead beside the span
// classifier's score that maximises technique F1 on arts; a negative
// result means the span classifier does not help.
func tuneAlpha(m *tagger.Model, arts []*article, tagSpread float32) float32 {
	cs := emissions(m, arts)
	ratio := spanSpread(m, arts) / tagSpread
	bits := m.SpanBits
	m.SpanBits = 0
	_, flc := scoreAll(arts, decodeAll(m, cs, &m.Bias, &m.Policy))
	m.SpanBits = bits
	best, bestAlpha := flc.f, float32(-1)
	logf("span classifier: without it FLC %s", flc)
	for _, g := range []float32{0, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10} {
		m.SpanAlpha = g * ratio
		_, flc := scoreAll(arts, decodeAll(m, cs, &m.Bias, &m.Policy))
		logf("  alpha %.2f: FLC %s", g, flc)
		if flc.f > best+1e-6 {
			best, bestAlpha = flc.f, m.SpanAlpha
		}
	}
	return bestAlpha
}
