package tagger

import "sort"

// Labeled is a span with a technique, for scoring.
type Labeled struct {
	Start, End int
	Label      string
}

// Score accumulates the SemEval-2020 Task 11 span F1 with partial-overlap
// credit over documents, as ../shared/tools/ptc.py computes it: overlapping
// spans of one label are merged; a predicted span earns the share of its
// length that gold spans of its label cover, a gold span the share of its
// length that predicted spans cover. With Labels false the technique is
// ignored (span identification); with Labels true it must match.
type Score struct {
	Labels         bool
	ps, pn, rs, rn float64
}

// Add scores one document.
func (s *Score) Add(gold, pred []Labeled) {
	g, p := merge(gold, s.Labels), merge(pred, s.Labels)
	for _, x := range p {
		s.pn++
		s.ps += overlap(x, g) / float64(max(1, x.End-x.Start))
	}
	for _, x := range g {
		s.rn++
		s.rs += overlap(x, p) / float64(max(1, x.End-x.Start))
	}
}

// PRF returns precision, recall and F1.
func (s *Score) PRF() (p, r, f float64) {
	if s.pn > 0 {
		p = min(1, s.ps/s.pn)
	}
	if s.rn > 0 {
		r = min(1, s.rs/s.rn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func overlap(x Labeled, ys []Labeled) float64 {
	n := 0
	for _, y := range ys {
		if y.Label == x.Label {
			n += max(0, min(x.End, y.End)-max(x.Start, y.Start))
		}
	}
	return float64(n)
}

func merge(spans []Labeled, labels bool) []Labeled {
	xs := make([]Labeled, len(spans))
	copy(xs, spans)
	if !labels {
		for i := range xs {
			xs[i].Label = ""
		}
	}
	sort.Slice(xs, func(i, j int) bool {
		if xs[i].Label != xs[j].Label {
			return xs[i].Label < xs[j].Label
		}
		if xs[i].Start != xs[j].Start {
			return xs[i].Start < xs[j].Start
		}
		return xs[i].End < xs[j].End
	})
	var out []Labeled
	for _, x := range xs {
		if n := len(out); n > 0 && out[n-1].Label == x.Label && x.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, x.End)
			continue
		}
		out = append(out, x)
	}
	return out
}
