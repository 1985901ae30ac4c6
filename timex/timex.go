// Package timex finds time expressions in a text and resolves each to an
// inclusive interval of dates: absolute dates in the forms news uses ("Oct.
// 6, 2022", "6 October 2022", "2022-10-06", "21/04/2016"), ranges ("From
// September 14 to September 17, 2022", "14-17 September"), months, years,
// seasons ("the spring of 2021"), quarters, decades ("the 1950s"; "since
// the 1950s" is open-ended) and centuries, and expressions relative to the
// publication date ("yesterday", "on Monday", "last year", "over the past
// two years", "a year and a half ago").
//
// Conventions: relative and year-less expressions are read in the past
// sense, as news is ("Friday" is the last Friday on or before the
// publication date, "September 14" the last one on or before it); without a
// publication date they keep no From and To. A month or day without a year
// within two months of the last month or day the text dated with a year
// takes that year instead: a retrospective's "April 2021 … April 28 …
// May 1" stays in 2021. Numeric dates with slashes or hyphens read month
// first when they can (02/22/2016, 3-7-2017) and day first otherwise
// (21/04/2016); with dots they read day first (13.5.2015).
// Seasons are meteorological (spring March-May, summer June-August, autumn
// September-November, winter December-February, "winter of 2021" being
// December 2020 to February 2021). "Early", "mid" and "late" split a year
// into January-June, May-August and July-December, a month into days 1-15,
// 11-20 and 16-end, a week into Monday-Wednesday, Tuesday-Friday and
// Thursday-Sunday; such parts are marked approx.
//
// A range ending on a whole month, season, quarter or year ("from May to
// September", "2014-2018") has To on the first day of that unit and
// Through on its last (see doc.Time). Weeks run Monday to Sunday; the
// first week of a month or year is the one holding its 4th day (ISO 8601).
// Holidays come from data/<lang>/holidays.txt. "The next day", "the day
// before" and "two days later" count from the story: from the last single
// day the text dated before them, or else from the publication date.
// "In two weeks" is read as a future day, except after words that make it
// a stretch of the past ("the first time in 20 years", "the worst in a
// decade"). Years in two digits are in this century unless that is more
// than twenty years after the publication date.
//
// The language resources are plain text files under data/<lang>/, embedded
// in the binary.
package timex

import (
	"sync"

	"github.com/parallaxnews/parallax/doc"
)

// Annotator adds the timex layer to an analysis. It is safe for concurrent
// use.
type Annotator struct {
	langs map[string]*lexicon
	pool  sync.Pool // of *[]token
}

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

// Annotate fills the timex layer of a, resolving relative expressions
// against a.Document.Published.
func (an *Annotator) Annotate(a *doc.Analysis) {
	a.Times = an.find(a.Times[:0], a.Document.Text, a.Document.Lang, a.Document.Published)
}

// Resolve returns the time expressions of text (English), resolved against
// the reference date published (YYYY-MM-DD, or empty for none).
func (an *Annotator) Resolve(text, published string) []doc.Time {
	return an.find(nil, text, "en", published)
}

func (an *Annotator) find(dst []doc.Time, text, lang, published string) []doc.Time {
	lex, ok := an.langs[lang]
	if !ok {
		lex = an.langs["en"]
	}
	buf := an.pool.Get().(*[]token)
	defer an.pool.Put(buf)
	if need := len(text)/4 + 16; cap(*buf) < need {
		*buf = make([]token, 0, need)
	}
	toks := lex.scan((*buf)[:0], text)
	*buf = toks
	p := parser{lex: lex, text: text, toks: toks}
	p.ref, p.hasRef = parseDate(published)
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.kind == tPunct || t.kind == tWord && !p.starter(i, 0) {
			i++
			continue
		}
		x, ok := p.expression(i)
		if !ok {
			i++
			continue
		}
		dst = append(dst, p.output(x))
		i = x.end
	}
	return dst
}

// expr is a time expression found in the tokens.
type expr struct {
	start, end int // token indexes
	w          when
	openFrom   bool // "before 2010"
	openTo     bool // "since the 1950s"
}

func (p *parser) output(x expr) doc.Time {
	s, e := p.toks[x.start].start, p.toks[x.end-1].end
	t := doc.Time{Start: s, End: e, Text: p.text[s:e], Granularity: x.w.gran, Approx: x.w.approx}
	sp, ok := p.resolve(x.w)
	t.Relative = x.w.rel || (ok && sp.rel)
	if ok {
		if !x.openFrom {
			t.From = sp.from.String()
		}
		if !x.openTo {
			t.To = sp.to.String()
			if sp.through.y != 0 {
				t.Through = sp.through.String()
			}
		}
		if t.Granularity == "" {
			t.Granularity = sp.gran
		}
	}
	if t.Granularity == "" {
		t.Granularity = doc.GranularityDay
	}
	if ok && !x.openFrom && sp.gran == "day" && sp.from == sp.to {
		p.anchor, p.hasAnchor = sp.from, true
	}
	if ok && !sp.rel && (sp.gran == "day" || sp.gran == "month") {
		p.era, p.hasEra = sp, true
	}
	return t
}

// expression reads a time expression at token i, with its range or
// open-ended cue ("from ... to ...", "between ... and ...", "since ...").
func (p *parser) expression(i int) (expr, bool) {
	k := p.kind(i)
	switch k {
	case wFrom, wBetween:
		if a, e, ok := p.dateOrDay(i + 1); ok {
			if b, e2, ok := p.rangeEnd(e, k == wBetween); ok {
				if w, ok := p.combine(a, b); ok {
					return expr{start: i, end: e2, w: w}, true
				}
			}
			if a.full() && !a.nowOnly {
				return expr{start: i + 1, end: e, w: a}, true
			}
		}
	case wSince, wAfter, wBefore:
		j := i + 1
		if a, e, ok := p.date(j); ok {
			x := expr{start: i, end: e, w: a}
			if sp, ok := p.resolve(a); ok {
				switch k {
				case wSince:
					x.openTo = true
				case wAfter:
					x.w = fixed(span{sp.to.addDays(1), sp.to.addDays(1), sp.gran, sp.rel, date{}}, a.rel)
					x.openTo = true
				case wBefore:
					x.w = fixed(span{sp.from.addDays(-1), sp.from.addDays(-1), sp.gran, sp.rel, date{}}, a.rel)
					x.openFrom = true
				}
			} else if k != wSince {
				return expr{}, false
			} else {
				x.openTo = true
			}
			return x, true
		}
		return expr{}, false
	}
	a, e, ok := p.dateOrDay(i)
	if !ok {
		return expr{}, false
	}
	if b, e2, ok := p.rangeEnd(e, false); ok {
		if w, ok := p.combine(a, b); ok {
			return expr{start: i, end: e2, w: w}, true
		}
	}
	if a.d != 0 && a.m == 0 && a.wd == 0 && !a.fixed && p.kind(e) == wAnd {
		// "18 and 19 June": the first day takes the month of the second.
		if b, _, ok := p.date(e + 1); ok && !b.fixed && b.m != 0 && b.d != 0 {
			a.m, a.y = b.m, b.y
			return expr{start: i, end: e, w: a}, true
		}
	}
	if !a.full() || a.nowOnly {
		return expr{}, false
	}
	return expr{start: i, end: e, w: a}, true
}

// rangeEnd reads "- B", "to B", "through B" (and "and B" after between)
// at token i.
func (p *parser) rangeEnd(i int, between bool) (when, int, bool) {
	k := p.kind(i)
	ok := k == wTo || (between && k == wAnd)
	if t := p.tok(i); t.kind == tPunct {
		switch p.text[t.start:t.end] {
		case "-", "–", "—", "~":
			ok = true
		}
	}
	if !ok {
		return when{}, i, false
	}
	return p.dateOrDay(i + 1)
}

// combine joins the two ends of a range, each taking from the other the
// month and year it leaves out.
func (p *parser) combine(a, b when) (when, bool) {
	if a.fixed || b.fixed {
		if !a.full() || !b.full() {
			return when{}, false
		}
		sa, ok1 := p.resolve(a)
		sb, ok2 := p.resolve(b)
		if !ok1 || !ok2 {
			return when{rel: true, gran: a.gran, noref: true}, a.rel || b.rel
		}
		if a.fixed && !b.fixed && b.y == 0 && b.m != 0 && sb.to.before(sa.from) {
			// "between now and May 21": the end in the year of the start,
			// or the next.
			b.y = sa.from.y
			if sb2, ok := p.resolve(b); ok && sb2.to.before(sa.from) {
				b.y++
			}
			sb, _ = p.resolve(b)
		}
		if sb.to.before(sa.from) {
			return when{}, false
		}
		return fixed(rangeSpan(sa, sb, b.approx), a.rel || b.rel), true
	}
	if !a.full() && !b.full() {
		return when{}, false
	}
	inherited := false
	if a.y == 0 && b.y != 0 && (a.m != 0 || a.d != 0) {
		a.y, inherited = b.y, true
	}
	if a.m == 0 && b.m != 0 && a.d != 0 && a.wd == 0 {
		a.m = b.m
	}
	if b.m == 0 && a.m != 0 && b.d != 0 && b.wd == 0 {
		b.m = a.m
		if b.y == 0 {
			b.y = a.y
		}
	}
	if b.y == 0 && a.y != 0 && (b.m != 0) {
		b.y = a.y
	}
	if a.d != 0 && a.m == 0 && a.wd == 0 || b.d != 0 && b.m == 0 && b.wd == 0 {
		return when{}, false
	}
	if a.y == 0 && b.y == 0 && a.m != 0 && b.m != 0 && p.hasRef {
		// "from 02 to April 07", "10/1-11/7": the start read in the past
		// sense, the end on or after it.
		if sa, ok := p.resolve(a); ok {
			a.y, b.y = sa.from.y, sa.from.y
			if (date{b.y, b.m, max(b.d, 1)}).before(date{a.y, a.m, max(a.d, 1)}) {
				b.y++
			}
		}
	}
	sa, ok1 := p.resolve(a)
	sb, ok2 := p.resolve(b)
	if !ok1 || !ok2 {
		return when{rel: true, noref: true, gran: a.granularity()}, true
	}
	if sb.to.before(sa.from) {
		if inherited {
			a.y--
			sa, _ = p.resolve(a)
		} else if a.y == 0 && b.y == 0 {
			// "from 10/25 to 01/25": the start is in the year before.
			a.y = sb.to.y - 1
			sa, _ = p.resolve(a)
		}
		if sb.to.before(sa.from) {
			return when{}, false
		}
	}
	w := fixed(rangeSpan(sa, sb, b.approx), sa.rel || sb.rel)
	return w, true
}

// rangeSpan joins the two ends of a range. An end that is a whole month,
// season, quarter, year or longer ends the range on its first day, with
// through on its last ("from May to September": to September 1, through
// September 30); a part of one ("until earlier this year") does not.
func rangeSpan(sa, sb span, part bool) span {
	sp := span{from: sa.from, to: sb.to, gran: sa.gran, rel: sa.rel || sb.rel}
	switch sb.gran {
	case "day", "week", "":
	default:
		if sa.from.before(sb.from) && !part {
			// (A start inside the end's unit, "2-1/1000", keeps the
			// unit's last day as To: To never precedes From.)
			sp.to, sp.through = sb.from, sb.to
		}
	}
	return sp
}

// starter reports cheaply whether a time expression may start at word
// token i, so that common words are passed over without parsing.
func (p *parser) starter(i, depth int) bool {
	t := p.toks[i]
	if t.id == 0 {
		return p.quarterWord(i)
	}
	if p.lex.words[t.id].holiday {
		return true
	}
	switch p.lex.words[t.id].kind {
	case wMonth, wWeekday, wSeason, wOffset, wShift, wWeekend, wPart, wNoughties, wOrdinal, wRest, wNow:
		return true
	case wFrom, wBetween, wSince, wBefore, wAfter, wThe:
		if i+1 >= len(p.toks) || depth > 1 {
			return false
		}
		n := p.toks[i+1]
		return n.kind == tNum || n.kind == tWord && p.starter(i+1, depth+1)
	case wIn:
		return p.kind(i+1) == wNumber || p.tok(i+1).kind == tNum
	case wOver:
		return lowerIs(p.str(i), "within")
	case wNumber:
		for k := i + 1; k <= i+3 && k < len(p.toks); k++ {
			switch p.kind(k) {
			case wUnit, wMonth, wOrdinal, wWeekday:
				return true
			}
		}
		return false
	case wUnit:
		k := p.kind(i + 1)
		return p.tok(i+1).kind == tNum || k == wAfter || k == wBefore || p.lex.words[t.id].val == uWeek && (k == wOf || k == wStart || k == wPart)
	}
	return false
}
