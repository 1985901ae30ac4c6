// Package quantity finds figures stated in a text: counts, measures, money
// and percentages, with their bounds ("more than 600", "between 10 and
// 15"), their approximation ("about 200") and their unit ("people",
// "buildings", "km2"), resolved to numbers.
//
// Figures are written in digits with any grouping ("142,000", "142 000",
// "1.5", ".08"), in words ("two hundred and three", "a dozen"), or both
// ("1.5 million"). Dates, years, ordinals ("77th") and times of day are not
// quantities; in the pipeline the time layer runs first and its spans are
// skipped.
//
// Counts stated without a figure ("dozens", "hundreds of", "tens of
// thousands") are Vague, with Low set by convention to twice the named
// order (dozens 24, hundreds 200, thousands 2000, tens of thousands 20000)
// and High open.
//
// A figure written with digit groups and followed by "thousand" ("20,000
// thousand people") is read as the digits alone: in news the word repeats
// the order of a figure already written out. Ordinals are never counts, but
// a range or comparison of them ("between the tenth and the fifteenth") is
// a figure with unit "rank". "One in five" and "two out of five" are
// fractions; "5 ft 2 in" is one length.
//
// The language resources (number words, cues, units, modifiers) are plain
// text files under data/<lang>/, embedded in the binary.
package quantity

import (
	"sync"

	"github.com/parallaxnews/parallax/doc"
)

// Annotator adds the quantity layer to an analysis. It is safe for
// concurrent use.
type Annotator struct {
	langs map[string]*lexicon
	pool  sync.Pool // of *[]token
}

// Languages whose resources are embedded.
var languages = []string{"en"}

// New returns an Annotator with the embedded language resources.
func New() (*Annotator, error) {
	an := &Annotator{langs: map[string]*lexicon{}}
	for _, lang := range languages {
		l, err := loadLexicon(lang)
		if err != nil {
			return nil, err
		}
		an.langs[lang] = l
	}
	an.pool.New = func() any { s := make([]token, 0, 256); return &s }
	return an, nil
}

// Annotate fills the quantity layer of a, skipping the spans of its time
// layer.
func (an *Annotator) Annotate(a *doc.Analysis) {
	a.Quantities = an.find(a.Quantities[:0], a.Document.Text, a.Document.Lang, a.Times)
}

// Parse returns the figures of text (English), with no time layer to skip.
func (an *Annotator) Parse(text string) []doc.Quantity {
	return an.find(nil, text, "en", nil)
}

func (an *Annotator) lexicon(lang string) *lexicon {
	if l, ok := an.langs[lang]; ok {
		return l
	}
	return an.langs["en"]
}

func (an *Annotator) find(dst []doc.Quantity, text, lang string, times []doc.Time) []doc.Quantity {
	lex := an.lexicon(lang)
	buf := an.pool.Get().(*[]token)
	defer an.pool.Put(buf)
	if need := len(text)/4 + 16; cap(*buf) < need {
		*buf = make([]token, 0, need)
	}
	toks := lex.scan((*buf)[:0], text)
	*buf = toks
	markTimes(toks, times)
	p := parser{lex: lex, text: text, toks: toks}
	for i := 0; i < len(toks); {
		if t := &toks[i]; t.kind != tNum && (int(t.id) >= len(lex.starts) || !lex.starts[t.id]) {
			i++
			continue
		}
		q, next, ok := p.quantityAt(i)
		if !ok {
			i++
			continue
		}
		// "more than 10 and less than 20": one range.
		if j := next; (q.Approx == doc.ApproxMoreThan || q.Approx == doc.ApproxAtLeast || q.Approx == doc.ApproxLessThan || q.Approx == doc.ApproxUpTo) &&
			(p.tok(j).id == lex.andID || p.tok(j).id == lex.butID) {
			if q2, next2, ok := p.quantityAt(j + 1); ok && q2.Unit == "" || ok && q2.Unit == q.Unit {
				lo, hi := q, q2
				if q.Low == nil {
					lo, hi = q2, q
				}
				if lo.Low != nil && lo.High == nil && hi.Low == nil && hi.High != nil && *lo.Low < *hi.High {
					r := q2
					r.Start = q.Start
					r.Text = text[r.Start:r.End]
					r.Low, r.High = lo.Low, hi.High
					r.Approx = doc.ApproxRange
					if r.Unit == "" {
						r.Unit, r.UnitText, r.UnitStart, r.UnitEnd = q.Unit, q.UnitText, q.UnitStart, q.UnitEnd
					}
					q, next = r, next2
				}
			}
		}
		dst = append(dst, q)
		i = next
	}
	return dst
}

// markTimes marks the tokens inside time expressions.
func markTimes(toks []token, times []doc.Time) {
	if len(times) == 0 {
		return
	}
	k := 0
	for i := range toks {
		for k < len(times) && times[k].End <= toks[i].start {
			k++
		}
		if k < len(times) && times[k].Start < toks[i].end {
			toks[i].skip = true
		}
	}
}

// quantityAt reads a quantity starting at token i: a cue, a currency sign,
// one or two figures, a closing cue and a unit. It returns the index of the
// token after it.
func (p *parser) quantityAt(i int) (doc.Quantity, int, bool) {
	lex := p.lex
	var q doc.Quantity
	t := p.tok(i)
	if t.skip || t.kind == tPunct && t.id == 0 && p.text[t.start:t.end] != "−" {
		return q, i, false
	}
	cue := uint8(cNone)
	j := i
	if ph, e, ok := lex.cues.match(p.toks, i); ok && ph.cue != cTo && ph.cue < cAfterAtLeast {
		// A cue made of marks only ("<", ">=") must not be a dash or sign.
		cue, j = ph.cue, e
	}
	// Currency before the figure: "$20", "US$ 1MM", "more than $10".
	unitIdx, unitStart, unitEnd := -1, 0, 0
	if ph, e, ok := lex.before.match(p.toks, j); ok {
		if nt := p.tok(e); nt.kind == tNum || nt.kind == tWord {
			unitIdx, unitStart, unitEnd = ph.unit, p.toks[j].start, p.toks[e-1].end
			j = e
		}
	}
	f, ok := p.figureAt(j, unitIdx >= 0)
	if !ok && cue != cNone && unitIdx < 0 {
		f, ok = p.rankAt(j)
	}
	if !ok {
		return q, i, false
	}
	if p.identifier(j) || p.citation(j, f.end) || p.code(f.end) {
		return q, i, false
	}
	low, high := f.val, f.val
	approx := doc.ApproxExact
	switch cue {
	case cAbout:
		approx = doc.ApproxAbout
	case cMoreThan:
		approx = doc.ApproxMoreThan
	case cAtLeast:
		approx = doc.ApproxAtLeast
	case cLessThan:
		approx = doc.ApproxLessThan
	case cUpTo:
		approx = doc.ApproxUpTo
	}
	end := f.end
	// A second figure: "between 10 and 15", "from 20 to 30", "10-15".
	if !f.vague {
		mark := p.tok(end)
		isTo := false
		if ph, e, ok := lex.cues.match(p.toks, end); ok && ph.cue == cTo && e == end+1 {
			isTo = !(mark.id == lex.dashID && mark.space != p.tok(end+1).space)
		}
		if cue == cBetween && mark.id == lex.andID {
			isTo = true
		}
		if isTo {
			g, ok := p.figureAt(end+1, unitIdx >= 0)
			if f.rank {
				g, ok = p.rankAt(end + 1)
			}
			if ok && !g.vague && !p.identifier(end+1) {
				a := f.val
				if g.mult > 1 && f.mult == 0 && a < g.mult && a*g.mult <= g.val*10 {
					a *= g.mult // "2 to 3 thousand"
				}
				if a < g.val {
					low, high, end = a, g.val, g.end
					approx = doc.ApproxRange
				}
			}
		}
	}
	if cue == cBetween && approx != doc.ApproxRange || cue == cFrom && approx != doc.ApproxRange {
		// "between" or "from" with one figure: the cue is not ours.
		i = j
	}
	if f.one && cue == cNone && approx == doc.ApproxExact {
		// The lone word "one": a count only when a unit follows.
		if _, e, _ := p.unitAfter(end, f); e == end {
			return q, i, false
		}
	}
	// Cues after the figure: "500 or more", "less than 5000 or equal".
	if ph, e, ok := lex.cues.match(p.toks, end); ok && approx != doc.ApproxRange && !p.continues(e) {
		switch {
		case ph.cue == cAfterAtLeast:
			approx, high, end = doc.ApproxAtLeast, 0, e
		case ph.cue == cAfterUpTo:
			approx, low, end = doc.ApproxUpTo, 0, e
		case ph.cue == cAfterOrEqual && approx == doc.ApproxLessThan:
			approx, end = doc.ApproxUpTo, e
		case ph.cue == cAfterOrEqual && approx == doc.ApproxMoreThan:
			approx, end = doc.ApproxAtLeast, e
		}
	}
	if f.vague {
		approx = doc.ApproxAtLeast
	}
	if unitIdx < 0 {
		if u, e, us := p.unitAfter(end, f); e > end {
			unitIdx, unitStart, unitEnd = u, p.toks[us].start, p.toks[e-1].end
			end = e
		}
	}
	if unitIdx >= 0 {
		// "5 ft 2 in", "5 feet and 2 inches": one length.
		if v, e, ok := p.compound(end, unitIdx); ok {
			low, high, end = low+v, high+v, e
		}
	}
	factor := 1.0
	if f.rank && unitIdx < 0 {
		if approx == doc.ApproxExact {
			return q, i, false // an ordinal alone is no quantity
		}
		// The unit of a rank is the ordinal that ends it.
		last := p.toks[end-1]
		for _, id := range p.lex.ordIDs {
			if last.id == id && end-2 >= i {
				last = p.toks[end-2] // "15th": the digits and their suffix
			}
		}
		q.Unit, q.UnitStart, q.UnitEnd = "rank", last.start, p.toks[end-1].end
		q.UnitText = p.text[q.UnitStart:q.UnitEnd]
	}
	if unitIdx >= 0 {
		u := lex.units[unitIdx]
		q.Unit = u.name
		q.UnitText = p.text[unitStart:unitEnd]
		q.UnitStart, q.UnitEnd = unitStart, unitEnd
		factor = u.factor
	}
	q.Start = p.toks[i].start
	q.End = p.toks[end-1].end
	q.Text = p.text[q.Start:q.End]
	q.Approx = approx
	q.Vague = f.vague
	switch approx {
	case doc.ApproxMoreThan, doc.ApproxAtLeast:
		q.Low = doc.Float(low * factor)
	case doc.ApproxLessThan, doc.ApproxUpTo:
		q.High = doc.Float(high * factor)
	default:
		q.Low, q.High = doc.Float(low*factor), doc.Float(high*factor)
	}
	return q, end, true
}

// compound reads the smaller part of a length in two units after the
// larger one ending at token i ("5 ft 2 in": the "2 in"), returning it in
// the larger unit.
func (p *parser) compound(i, unitIdx int) (float64, int, bool) {
	var small string
	var per float64
	switch p.lex.units[unitIdx].name {
	case "ft":
		small, per = "in", 12
	case "m":
		small, per = "cm", 100
	default:
		return 0, i, false
	}
	k := i
	if p.tok(k).id == p.lex.andID {
		k++
	}
	n := p.tok(k)
	if n.kind != tNum || n.skip || n.val >= per {
		return 0, i, false
	}
	if small == "in" && p.tok(k+1).id == p.lex.inID {
		return n.val / per, k + 2, true
	}
	if ph, e, ok := p.lex.after.match(p.toks, k+1); ok && p.lex.units[ph.unit].name == small {
		return n.val / per, e, true
	}
	return 0, i, false
}

// unitAfter finds the unit after the figure ending at token i: "people",
// "600 residential buildings", "10 Kyrgyz civilians", "thousands of homes",
// "3-inch", "20 (kg)". It returns the unit, the index after it and the
// index where the unit words start; the index is i when there is none.
func (p *parser) unitAfter(i int, f figure) (int, int, int) {
	lex := p.lex
	j := i
	t := p.tok(j)
	if t.skip {
		return -1, i, i
	}
	switch {
	case t.id == lex.dashID && !t.space && !p.tok(j+1).space:
		j++ // "3-inch"
	case (p.text[t.start:t.end] == "(" || p.text[t.start:t.end] == "["):
		if ph, e, ok := lex.after.match(p.toks, j+1); ok {
			if c := p.tok(e); c.kind == tPunct && (p.text[c.start:c.end] == ")" || p.text[c.start:c.end] == "]") {
				return ph.unit, e + 1, j
			}
		}
		return -1, i, i
	case t.id == lex.ofID && (f.vague || f.mult >= 1000):
		j++ // "thousands of people"
		if p.tok(j).id == lex.theID {
			return -1, i, i
		}
	}
	for skipped := 0; ; skipped++ {
		if ph, e, ok := lex.after.match(p.toks, j); ok {
			return ph.unit, e, j
		}
		if skipped == 2 {
			return -1, i, i
		}
		w := p.tok(j)
		if w.kind != tWord || w.skip || !(w.upper || lex.info(w.id).modifier) || lex.info(w.id).num != nNone {
			return -1, i, i
		}
		j++
	}
}

// identifier reports whether the figure at token i is part of a name such
// as "Su-25", "L-202" or "m212".
func (p *parser) identifier(i int) bool {
	t := p.tok(i)
	if t.kind != tNum || !p.adjacent(i) {
		return false
	}
	prev := p.tok(i - 1)
	if prev.kind == tWord {
		return true
	}
	if prev.id == p.lex.dashID && p.tok(i-2).kind == tWord && p.adjacent(i-1) {
		return true
	}
	return false
}

// citation reports whether the figure spanning tokens [i, end) is a
// reference mark such as "[1]" glued to the word before it.
func (p *parser) citation(i, end int) bool {
	open := p.tok(i - 1)
	close := p.tok(end)
	return open.kind == tPunct && p.text[open.start:open.end] == "[" && p.adjacent(i-1) &&
		close.kind == tPunct && p.text[close.start:close.end] == "]" && end-i == 1
}

// continues reports whether token i carries on a comparison ("than",
// "equal", "or"), so that the cue before it does not close a figure.
func (p *parser) continues(i int) bool {
	t := p.tok(i)
	if t.kind == tNum {
		return true
	}
	if t.kind != tWord {
		return false
	}
	if k, _ := p.num(i); k == nDigit || k == nTeen || k == nTens {
		return true
	}
	if t.id == p.lex.orID || t.id == p.lex.thanID {
		return true
	}
	_, _, ok := p.lex.cues.match(p.toks, i)
	return ok
}
