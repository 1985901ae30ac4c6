package main

import (
	"log"
	"slices"

	"github.com/parallaxnews/parallax/rhetoric/internal/tagger"
)

// labelScore is the technique F1 of one label over arts.
func labelScore(arts []*article, pred map[*article][]tagger.Labeled, name string) prf {
	s := tagger.Score{Labels: true}
	for _, a := range arts {
		s.Add(withLabel(a.gold, name), withLabel(pred[a], name))
	}
	var r prf
	r.p, r.r, r.f = s.PRF()
	return r
}

// withLabel returns the spans of xs labelled name.
func withLabel(xs []tagger.Labeled, name string) []tagger.Labeled {
	var out []tagger.Labeled
	for _, x := range xs {
		if x.Label == name {
			out = append(out, x)
		}
	}
	return out
}

// oracles logs upper bounds on arts: a perfect single-label IO tagger,
// whole-sentence predictions of the right technique, and the model's spans
// with the right technique.
func oracles(m *tagger.Model, arts []*article) {
	single := map[*article][]tagger.Labeled{}
	sent := map[*article][]tagger.Labeled{}
	for _, a := range arts {
		f := a.f
		for k := 0; k+1 < len(f.SentenceTokens); k++ {
			lo, hi := f.SentenceTokens[k], f.SentenceTokens[k+1]
			if lo == hi {
				continue
			}
			out := slices.Clone(a.labels[lo:hi])
			for _, s := range tagger.AppendSpans(nil, f, k, out, nil, nil) {
				single[a] = append(single[a], tagger.Labeled{Start: s.Start, End: s.End, Label: tagger.Label(s.Label)})
			}
			st, en := f.Tokens[lo].Start, f.Tokens[hi-1].End
			seen := map[string]bool{}
			for _, g := range a.gold {
				if g.Start < en && g.End > st && !seen[g.Label] {
					seen[g.Label] = true
					sent[a] = append(sent[a], tagger.Labeled{Start: st, End: en, Label: g.Label})
				}
			}
		}
	}
	model := decodeAll(m, emissions(m, arts), &m.Bias, &m.Policy)
	relabel := map[*article][]tagger.Labeled{}
	for a, ps := range model {
		for _, p := range ps {
			best, bo := p.Label, 0
			for _, g := range a.gold {
				if o := min(p.End, g.End) - max(p.Start, g.Start); o > bo {
					best, bo = g.Label, o
				}
			}
			relabel[a] = append(relabel[a], tagger.Labeled{Start: p.Start, End: p.End, Label: best})
		}
	}
	for name, pred := range map[string]map[*article][]tagger.Labeled{"single-label IO": single, "whole sentence": sent, "model spans, right label": relabel} {
		si, flc := scoreAll(arts, pred)
		log.Printf("oracle %s: SI %s, FLC %s", name, si, flc)
	}
	log.Printf("  %-28s %-8s %-8s %-8s %-8s", "technique", "model", "IO", "sentence", "relabel")
	for l := 1; l < tagger.NumLabels; l++ {
		n := tagger.Label(l)
		log.Printf("  %-28s %.3f    %.3f    %.3f    %.3f", n, labelScore(arts, model, n).f, labelScore(arts, single, n).f,
			labelScore(arts, sent, n).f, labelScore(arts, relabel, n).f)
	}
}
