package timex

import "strings"

// parser reads time expressions from the tokens of one text.
type parser struct {
	lex    *lexicon
	text   string
	toks   []token
	ref    date
	hasRef bool
	// anchor is the day of the last dated expression, from which the
	// story's own time runs ("the next day", "two days later").
	anchor    date
	hasAnchor bool
	// era is the span of the last expression that stated its year (or
	// took it from era) to the month or the day: a date without a year
	// near it in time belongs to its year ("In April 2021 … On April
	// 28 …" is 2021 in a report of 2022).
	era    span
	hasEra bool
}

// eraDays is how near to the last dated month or day, in days, a date
// without a year must fall to take its year rather than the reference's.
const eraDays = 62

// eraYear returns the year that month m (and day d, when not 0) takes from
// the era: the one of the era's year, the year before or the year after
// that puts it within eraDays of the era's span.
func (p *parser) eraYear(m, d int) (int, bool) {
	if !p.hasEra {
		return 0, false
	}
	for _, y := range [...]int{p.era.from.y, p.era.from.y - 1, p.era.from.y + 1} {
		var sp span
		if d != 0 {
			if !valid(y, m, d) {
				continue
			}
			sp = daySpan(date{y, m, d})
		} else {
			sp = monthSpan(y, m)
		}
		if !sp.to.before(p.era.from.addDays(-eraDays)) && !p.era.to.addDays(eraDays).before(sp.from) {
			return y, true
		}
	}
	return 0, false
}

// story returns the day that story-relative expressions count from: the
// last day the text dated, or else the reference date.
func (p *parser) story() (date, bool) {
	if p.hasAnchor {
		return p.anchor, true
	}
	return p.ref, p.hasRef
}

// when is a time expression before resolution: a partial date (y, m, d,
// wd; 0 when not stated), or a fixed span.
type when struct {
	y, m, d int
	wd      int  // a weekday alone ("on Friday")
	dayOK   bool // a day of the month alone can stand ("the 21st.")
	sp      span
	fixed   bool
	rel     bool // relative to the publication date
	noref   bool // relative, but there is no publication date
	approx  bool
	gran    string
	nowOnly bool // "now": only one end of a range
}

func fixed(sp span, rel bool) when {
	return when{sp: sp, fixed: true, rel: rel, gran: sp.gran}
}

// full reports whether w can stand alone as a time expression (a bare day
// number cannot).
func (w when) full() bool {
	return w.fixed || w.noref || w.y != 0 || w.m != 0 || w.wd != 0 || w.dayOK
}

func (w when) granularity() string {
	switch {
	case w.gran != "":
		return w.gran
	case w.d != 0 || w.wd != 0:
		return "day"
	case w.m != 0:
		return "month"
	}
	return "year"
}

func (p *parser) tok(i int) token {
	if i < 0 || i >= len(p.toks) {
		return token{kind: tPunct, start: len(p.text), end: len(p.text)}
	}
	return p.toks[i]
}

func (p *parser) word(i int) word {
	t := p.tok(i)
	if t.kind != tWord || t.id == 0 {
		return word{}
	}
	return p.lex.words[t.id]
}

func (p *parser) kind(i int) uint8 { return p.word(i).kind }

func (p *parser) str(i int) string {
	t := p.tok(i)
	return p.text[t.start:t.end]
}

// mark reports whether token i is the mark s.
func (p *parser) mark(i int, s string) bool {
	t := p.tok(i)
	return t.kind == tPunct && t.end-t.start == len(s) && p.text[t.start:t.end] == s
}

func (p *parser) adj(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].space }

// resolve turns w into a span of days, reading year-less and relative
// expressions against the reference date in the past sense.
func (p *parser) resolve(w when) (span, bool) {
	if w.noref {
		return span{}, false
	}
	if w.fixed {
		sp := w.sp
		sp.rel = sp.rel || w.rel
		return sp, true
	}
	switch {
	case w.y != 0 && w.m != 0 && w.d != 0:
		if !valid(w.y, w.m, w.d) {
			return span{}, false
		}
		return daySpan(date{w.y, w.m, w.d}), true
	case w.y != 0 && w.m != 0:
		return monthSpan(w.y, w.m), true
	case w.y != 0:
		return yearSpan(w.y), true
	}
	if w.m != 0 {
		if y, ok := p.eraYear(w.m, w.d); ok {
			w.y = y
			return p.resolve(w)
		}
	}
	if !p.hasRef {
		return span{}, false
	}
	ref := p.ref
	var sp span
	switch {
	case w.m != 0 && w.d != 0:
		y := ref.y
		if ref.before(date{y, w.m, w.d}) {
			y--
		}
		if !valid(y, w.m, w.d) {
			// 29 February: the last leap year.
			for !valid(y, w.m, w.d) && y > ref.y-8 {
				y--
			}
			if !valid(y, w.m, w.d) {
				return span{}, false
			}
		}
		sp = daySpan(date{y, w.m, w.d})
	case w.m != 0:
		y := ref.y
		if w.m > ref.m {
			y--
		}
		sp = monthSpan(y, w.m)
	case w.d != 0:
		a := date{ref.y, ref.m, w.d}
		if w.d > ref.d {
			a = date{ref.y, ref.m, 1}.addMonths(-1)
			a.d = w.d
		}
		if !valid(a.y, a.m, a.d) {
			return span{}, false
		}
		sp = daySpan(a)
	case w.wd != 0:
		back := (ref.weekday() - w.wd + 7) % 7
		sp = daySpan(ref.addDays(-back))
	default:
		return span{}, false
	}
	sp.rel = true
	return sp, true
}

// dateOrDay reads a date, or a bare day number ("14" in "14-17 September")
// that a range completes.
func (p *parser) dateOrDay(i int) (when, int, bool) {
	if w, e, ok := p.date(i); ok {
		return w, e, true
	}
	if p.kind(i) == wNow {
		// "between now and May 21", "from August 2019 to now"
		if !p.hasRef {
			return when{noref: true, rel: true, gran: "day", nowOnly: true}, i + 1, true
		}
		w := fixed(daySpan(p.ref), true)
		w.nowOnly = true
		return w, i + 1, true
	}
	if d, e, ok := p.day(i); ok {
		if p.mark(e, ",") {
			if y, e2, ok := p.year(e + 1); ok {
				// "September 14-16, 2022", "from April 28 to 29, 2021":
				// the year of the range.
				return when{d: d, y: y}, e2, true
			}
		}
		return when{d: d}, e, true
	}
	return when{}, i, false
}

// date reads one time expression (not a range) at token i, the longest of
// the forms that match.
func (p *parser) date(i int) (when, int, bool) {
	var best when
	end := i
	try := func(w when, e int, ok bool) {
		if ok && e > end {
			best, end = w, e
		}
	}
	t := p.tok(i)
	if t.kind == tNum {
		try(p.numeric(i))
		try(p.dayFirst(i))
		try(p.yearFirst(i))
		try(p.decade(i))
		try(p.century(i))
		if n := p.tok(i + 1); n.kind == tWord {
			try(p.ago(i))
			try(p.offset(i))
			try(p.quarter(i))
			try(p.nthOf(i))
		} else if n.kind == tPunct {
			try(p.mixedDate(i))
		}
	} else {
		if t.id != 0 && p.lex.words[t.id].holiday {
			try(p.holiday(i))
		}
		switch p.kind(i) {
		case wThe:
			try(p.nthOf(i))
			try(p.weekOfDate(i))
			try(p.dayFirst(i))
			try(p.nthWeekday(i))
			try(p.decade(i))
			try(p.century(i))
			try(p.season(i))
			try(p.quarter(i))
			try(p.relative(i))
			try(p.part(i))
		case wMonth:
			try(p.monthFirst(i))
			try(p.mixedDate(i))
		case wWeekday:
			try(p.weekday(i))
		case wNumber:
			try(p.ago(i))
			try(p.dayFirst(i))
			try(p.offset(i))
		case wOrdinal:
			try(p.nthOf(i))
			try(p.dayFirst(i))
			try(p.century(i))
			try(p.quarter(i))
			try(p.nthWeekday(i))
		case wSeason:
			try(p.season(i))
		case wShift, wOffset, wWeekend, wRest:
			try(p.relative(i))
			try(p.nthOf(i))
		case wPart:
			try(p.part(i))
		case wIn:
			// "in nineteen twenty eight"
			if y, e, ok := p.yearWords(i + 1); ok && p.str(i) != "at" {
				try(when{y: y}, e, true)
			}
			if lowerIs(p.str(i), "in") {
				try(p.in(i))
			}
		case wOver:
			if lowerIs(p.str(i), "within") {
				try(p.within(i))
			}
		case wUnit:
			// "year 2008"
			if w := p.word(i); w.val == 365 && p.tok(i+1).kind == tNum && p.tok(i+1).ndig == 4 {
				return when{y: p.tok(i + 1).val}, i + 2, true
			}
			try(p.weekOfDate(i))
		case wNoughties:
			return fixed(span{date{2000, 1, 1}, date{2009, 12, 31}, "decade", false, date{}}, false), i + 1, true
		default:
			if p.quarterWord(i) {
				try(p.quarter(i))
			}
		}
	}
	return best, end, end > i
}

// day reads a day of the month: "14", "14th", "the 14th", "fourteenth",
// "twenty-first", "twenty one".
func (p *parser) day(i int) (int, int, bool) {
	if p.kind(i) == wThe {
		i++
	}
	t := p.tok(i)
	if t.kind == tNum {
		if t.ndig > 2 || t.val < 1 || t.val > 31 || p.mark(i-1, "$") || p.mark(i-1, "€") || p.mark(i-1, "£") {
			return 0, i, false
		}
		e := i + 1
		if p.kind(e) == wSuffix && p.adj(e) {
			e++
		}
		if (p.mark(e, ":") || p.mark(e, ",") || p.mark(e, ".")) && p.adj(e) && p.tok(e+1).kind == tNum && p.adj(e+1) {
			return 0, i, false // a time of day, or a figure ("16,000")
		}
		return t.val, e, true
	}
	w := p.word(i)
	switch w.kind {
	case wOrdinal:
		return w.val, i + 1, true
	case wNumber:
		if w.val < 20 || w.val%10 != 0 || w.val > 30 {
			return 0, i, false
		}
		e := i + 1
		if p.mark(e, "-") && p.adj(e) {
			e++
		}
		if n := p.word(e); (n.kind == wOrdinal || n.kind == wNumber) && n.val >= 1 && n.val <= 9 && !(n.kind == wNumber && p.str(e) == "a") {
			return w.val + n.val, e + 1, true
		}
		return 0, i, false
	}
	return 0, i, false
}

// year reads a year written in four digits at token i.
func (p *parser) year(i int) (int, int, bool) {
	t := p.tok(i)
	if t.kind == tNum && t.ndig == 4 && t.val >= 1000 && t.val <= 2999 {
		if n := p.tok(i + 1); n.kind == tWord && p.adj(i+1) {
			return 0, i, false
		}
		return t.val, i + 1, true
	}
	return 0, i, false
}

// monthFirst reads "September 14", "Oct. 6, 2022", "June 2016", "Dec-2018",
// "May twenty-first", "September the 21st", or a month alone.
func (p *parser) monthFirst(i int) (when, int, bool) {
	m := p.word(i).val
	w := when{m: m}
	e := i + 1
	name := p.str(i)
	lower := !p.tok(i).upper
	if p.mark(e, ".") && p.adj(e) && len(name) <= 4 {
		e++
	}
	sep := e
	if (p.mark(e, "-") || p.mark(e, "/")) && p.adj(e) && p.tok(e+1).kind == tNum && p.adj(e+1) {
		sep = e + 1
	}
	if d, e2, ok := p.day(sep); ok && (sep > e || p.tok(sep).kind != tNum || p.tok(sep+1).kind != tNum || p.tok(sep+1).ndig == 4 && p.tok(sep+1).space) {
		w.d = d
		e = e2
		k := e
		if p.mark(k, ",") {
			k++
		}
		if p.kind(k) == wOf || p.kind(k) == wIn && p.str(k) == "in" {
			k++
		}
		if y, e3, ok := p.year(k); ok {
			w.y, e = y, e3
		} else if y, e3, ok := p.yearWords(k); ok {
			w.y, e = y, e3
		}
		return w, e, true
	}
	k := sep
	if sep == e && (p.mark(e, ",") || p.kind(e) == wOf || p.kind(e) == wIn && lowerIs(p.str(e), "in") && p.tok(e+1).ndig == 4) {
		k = e + 1
	}
	if y, e3, ok := p.year(k); ok {
		w.y = y
		return w, e3, true
	}
	if y, e3, ok := p.yearWords(k); ok {
		w.y = y
		return w, e3, true
	}
	// "June next year"
	if p.kind(e) == wShift && p.kind(e+1) == wUnit && p.word(e+1).val == uYear {
		if !p.hasRef {
			return when{noref: true, rel: true, gran: "month"}, e + 2, true
		}
		return fixed(monthSpan(p.ref.y+p.word(e).val, m), true), e + 2, true
	}
	if p.kind(k) == wOf || k > e && p.kind(e) == wOf {
		if t := p.tok(k); t.kind == tNum && t.ndig == 2 {
			w.y = p.twoDigitYear(t.val)
			return w, k + 1, true
		}
	}
	// A month alone: not "may" or "march" as ordinary words.
	if lower && len(name) <= 5 && !(len(name) >= 4 && p.monthContext(i)) || strings.EqualFold(name, "may") && !p.monthContext(i) || strings.EqualFold(name, "march") && !p.monthContext(i) {
		return when{}, i, false
	}
	if len(name) <= 3 && !p.monthContext(i) && !(p.mark(e, "-") && p.kind(e+1) == wMonth) {
		return when{}, i, false
	}
	return w, e, true
}

// monthContext reports whether the word before token i introduces a date.
func (p *parser) monthContext(i int) bool {
	if (p.kind(i+1) == wTo || p.mark(i+1, "-")) && p.kind(i+2) == wMonth && p.tok(i).upper {
		return true // "May to March"
	}
	if p.kind(i-1) == wThe && p.kind(i-2) == wIn {
		return true // "in the April of that year"
	}
	switch p.kind(i - 1) {
	case wIn, wSince, wFrom, wTo, wOf, wBetween, wAnd, wBefore, wAfter, wPart, wShift, wOn:
		return true
	}
	return p.mark(i-1, "-") || p.mark(i-1, "–")
}

// dayFirst reads "6 October 2022", "14 September", "16. Nov. 2016",
// "the 4th of July", "tenth of September", "05-Aug-2016".
func (p *parser) dayFirst(i int) (when, int, bool) {
	d, e, ok := p.day(i)
	if !ok {
		return when{}, i, false
	}
	de := e
	if p.mark(e, ".") && p.adj(e) || (p.mark(e, "-") && p.adj(e) && p.adj(e+1)) {
		e++
	}
	if p.kind(e) == wOf {
		e++
	}
	if p.kind(e) != wMonth {
		// "the 21st", "the 4th" alone: a day of this or last month; so
		// too "on 15" and "on 29th".
		if p.kind(i) == wThe && p.kind(i+1) == wNone && p.endOfClause(e) ||
			p.kind(i-1) == wOn && lowerIs(p.str(i-1), "on") && p.tok(i).kind == tNum && (p.sentenceMark(de) || de > i+1) {
			return when{d: d, dayOK: true}, e, true
		}
		// "the 20th of next month"
		if k := e; p.kind(k) == wShift && p.kind(k+1) == wUnit && p.word(k+1).val == uMonth {
			if !p.hasRef {
				return when{noref: true, rel: true, gran: "day"}, k + 2, true
			}
			m := date{p.ref.y, p.ref.m, 1}.addMonths(p.word(k).val)
			if !valid(m.y, m.m, d) {
				return when{}, i, false
			}
			return fixed(daySpan(date{m.y, m.m, d}), true), k + 2, true
		}
		return when{}, i, false
	}
	w := when{d: d, m: p.word(e).val}
	e++
	if p.mark(e, ".") && p.adj(e) && len(p.str(e-1)) <= 4 {
		e++ // "16. Nov. 2016"; the period after "September" ends the sentence
	}
	k := e
	if p.mark(k, ",") || p.mark(k, "-") && p.adj(k) {
		k++
	}
	if p.kind(k) == wOf || p.kind(k) == wIn && p.str(k) == "in" {
		k++
	}
	if y, e2, ok := p.year(k); ok {
		w.y, e = y, e2
	} else if y, e2, ok := p.yearWords(k); ok {
		w.y, e = y, e2
	}
	return w, e, true
}

// sentenceMark reports whether token i ends the text or is a mark that
// closes a phrase (",", ".", ";", "!", "?", ")").
func (p *parser) sentenceMark(i int) bool {
	if i >= len(p.toks) {
		return true
	}
	for _, m := range []string{",", ".", ";", "!", "?", ")"} {
		if p.mark(i, m) {
			return !(p.tok(i+1).kind == tNum && p.adj(i+1))
		}
	}
	return false
}

func (p *parser) endOfClause(i int) bool {
	t := p.tok(i)
	return i >= len(p.toks) || t.kind == tPunct
}

// numeric reads dates in digits: "2022-10-06", "21/04/2016", "13.5.2015",
// "2015-3", "3/2015", "20200701", and "4/22" after "on".
func (p *parser) numeric(i int) (when, int, bool) {
	a := p.tok(i)
	if p.adj(i) && (p.tok(i-1).kind != tPunct || p.mark(i-1, ".") || p.mark(i-1, ",")) {
		return when{}, i, false
	}
	if a.ndig == 8 {
		y, m, d := a.val/10000, a.val/100%100, a.val%100
		if y >= 1900 && y <= 2100 && valid(y, m, d) {
			return when{y: y, m: m, d: d}, i + 1, true
		}
	}
	sepAt := p.sepAt
	if p.mark(i-1, "/") && p.adj(i) && p.tok(i-2).kind == tNum && p.adj(i-1) {
		return when{}, i, false // inside "10/1/2017"
	}
	s1 := sepAt(i + 1)
	if s1 == "" || p.tok(i+2).kind != tNum {
		return when{}, i, false
	}
	b := p.tok(i + 2)
	tight := p.adj(i+1) && p.adj(i+2)
	if tight && sepAt(i+3) == s1 && p.adj(i+3) && p.tok(i+4).kind == tNum && p.adj(i+4) {
		c := p.tok(i + 4)
		if n := p.tok(i + 5); n.kind == tNum && p.adj(i+5) || p.mark(i+5, s1) && p.tok(i+6).kind == tNum && p.adj(i+6) {
			return when{}, i, false
		}
		var y, m, d int
		switch {
		case a.ndig == 4:
			y, m, d = a.val, b.val, c.val
		case c.ndig == 4 || c.ndig == 2:
			y = c.val
			if c.ndig == 2 {
				y = p.twoDigitYear(c.val)
			}
			if s1 == "." {
				d, m = a.val, b.val
				if !valid(y, m, d) {
					d, m = m, d
				}
			} else {
				m, d = a.val, b.val
				if !valid(y, m, d) {
					d, m = m, d
				}
			}
		default:
			return when{}, i, false
		}
		if !valid(y, m, d) {
			return when{}, i, false
		}
		return when{y: y, m: m, d: d}, i + 5, true
	}
	if p.adj(i+2) && p.tok(i+3).kind == tNum && p.adj(i+3) {
		return when{}, i, false
	}
	if tight && s1 == "/" && p.mark(i+3, ",") && p.adj(i+3) && p.tok(i+4).ndig == 4 && p.adj(i+4) && a.ndig <= 2 && b.ndig <= 2 {
		y, m, d := p.tok(i+4).val, a.val, b.val
		if !valid(y, m, d) {
			m, d = d, m
		}
		if valid(y, m, d) {
			return when{y: y, m: m, d: d}, i + 5, true
		}
	}
	if s1 != "." || tight {
		// Year and month: "2015-3", "2016 - 11", "3/2015", "11 / 2016".
		if a.ndig == 4 && a.val >= 1000 && b.ndig <= 2 && b.val >= 1 && b.val <= 12 && !(s1 == "-" && b.ndig == 2 && b.val > a.val%100) {
			if n := p.tok(i + 3); !(n.kind == tWord && p.adj(i+3)) {
				return when{y: a.val, m: b.val}, i + 3, true
			}
		}
		if b.ndig == 4 && b.val >= 1000 && a.ndig <= 2 && a.val >= 1 && a.val <= 12 && s1 != "." {
			return when{y: b.val, m: a.val}, i + 3, true
		}
	}
	// Month and day without a year, only where a date is expected.
	if !tight || a.ndig > 2 || b.ndig > 2 {
		return when{}, i, false
	}
	ctx := false
	switch p.kind(i - 1) {
	case wOn, wFrom, wTo, wSince, wBetween, wWeekday, wIn, wShift:
		ctx = true
	}
	if p.kind(i-1) == wIn && s1 != "." || s1 == "/" && (a.ndig == 2 && a.val < 10 || b.ndig == 2 && b.val < 10) {
		ctx = ctx || s1 == "/"
	}
	if p.kind(i-1) == wTo {
		ctx = true
	}
	// One end of a range of numeric dates ("10/1-11/7"), or a month and
	// day that cannot be a fraction of small numbers ("4/22", "2/29").
	if (p.mark(i+3, "-") || p.mark(i+3, "–")) && p.tok(i+4).kind == tNum && p.sepAt(i+5) == s1 ||
		(p.mark(i-1, "-") || p.mark(i-1, "–")) && p.tok(i-2).kind == tNum && p.sepAt(i-3) == s1 ||
		s1 == "/" && a.val <= 12 && b.val > 12 {
		ctx = true
	}
	if !ctx || p.kind(i+3) == wMonth {
		return when{}, i, false
	}
	m, d := a.val, b.val
	if m > 12 {
		m, d = d, m
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return when{}, i, false
	}
	return when{m: m, d: d}, i + 3, true
}

// twoDigitYear reads a year written in two digits: in this century
// unless that is more than twenty years after the reference date (or
// 2030 without one), else in the last.
func (p *parser) twoDigitYear(v int) int {
	limit := 2030
	if p.hasRef {
		limit = p.ref.y + 20
	}
	if 2000+v <= limit {
		return 2000 + v
	}
	return 1900 + v
}

// sepAt returns the date separator at token k, or "".
func (p *parser) sepAt(k int) string {
	t := p.tok(k)
	if t.kind != tPunct {
		return ""
	}
	s := p.text[t.start:t.end]
	switch s {
	case "/", "-", ".":
		return s
	}
	return ""
}

// yearFirst reads a year standing alone where a year is expected ("in
// 2021", "of 2007 and 2009"), and years with quarters ("2016 Q3").
func (p *parser) yearFirst(i int) (when, int, bool) {
	y, e, ok := p.year(i)
	if !ok {
		// "2016H2"
		t := p.tok(i)
		if t.kind == tNum && t.ndig == 4 && p.quarterWord(i+1) && p.adj(i+1) {
			if q, e2, ok := p.quarter(i + 1); ok && q.fixed {
				return p.withYear(q, t.val), e2, true
			}
		}
		return when{}, i, false
	}
	k := e
	if p.mark(k, "-") && p.adj(k) {
		k++
	}
	if q, e2, ok := p.quarter(k); ok && q.fixed {
		return p.withYear(q, y), e2, true
	}
	// "2019-aug-01", "2020/Sep/23", "2018 June"
	if sep := p.sepAt(e); sep != "" && sep != "." && p.adj(e) && p.kind(e+1) == wMonth && p.adj(e+1) {
		m := p.word(e + 1).val
		if p.sepAt(e+2) == sep && p.adj(e+2) && p.tok(e+3).kind == tNum && p.adj(e+3) && valid(y, m, p.tok(e+3).val) && p.tok(e+3).ndig <= 2 {
			return when{y: y, m: m, d: p.tok(e + 3).val}, e + 4, true
		}
		return when{y: y, m: m}, e + 2, true
	}
	if p.kind(e) == wMonth && p.yearContext(i) && p.tok(e).upper && p.tok(e).end-p.tok(e).start > 3 {
		return when{y: y, m: p.word(e).val}, e + 1, true
	}
	if !p.yearContext(i) {
		return when{}, i, false
	}
	return when{y: y}, e, true
}

// withYear moves a quarter resolved in the reference year to year y.
func (p *parser) withYear(q when, y int) when {
	d := y - q.sp.from.y
	q.sp.from.y += d
	q.sp.to.y += d
	q.rel = false
	q.noref = false
	return q
}

// yearContext reports whether the four digits at token i read as a year:
// after a word that introduces a date, before a closing mark, or in a
// range of years.
func (p *parser) yearContext(i int) bool {
	if p.kind(i+1) == wCount || p.mark(i-1, "$") || p.mark(i-1, "€") || p.mark(i-1, "£") {
		return false // "the 2000 people", "$2000"
	}
	switch p.kind(i - 1) {
	case wIn, wSince, wFrom, wTo, wOf, wBetween, wAnd, wBefore, wAfter, wPart, wSeason, wMonth, wThe, wOn:
		return true
	}
	if w := p.word(i - 1); w.kind == wUnit && w.val == 365 {
		return true
	}
	if (p.mark(i-1, "-") || p.mark(i-1, "–") || p.mark(i-1, "~")) && (p.tok(i-2).kind == tNum && p.tok(i-2).ndig == 4 || p.kind(i-2) == wPart) {
		return true
	}
	if p.mark(i+1, "-") || p.mark(i+1, "–") || p.mark(i+1, "~") {
		if y, _, ok := p.year(i + 2); ok && y > p.tok(i).val {
			return true
		}
	}
	return false
}

// decade reads "the 1950s", "the 70s", "the 70's".
func (p *parser) decade(i int) (when, int, bool) {
	if p.kind(i) == wThe {
		i++
	}
	t := p.tok(i)
	if t.kind != tNum || t.val%10 != 0 || (t.ndig != 4 && t.ndig != 2) {
		return when{}, i, false
	}
	e := i + 1
	if (p.mark(e, "'") || p.mark(e, "’")) && p.adj(e) {
		e++
	}
	if p.kind(e) != wPlural || !p.adj(e) {
		return when{}, i, false
	}
	y := t.val
	if t.ndig == 2 {
		y += 1900
	}
	return fixed(span{date{y, 1, 1}, date{y + 9, 12, 31}, "decade", false, date{}}, false), e + 1, true
}

// century reads "the 15th century", "21st century".
func (p *parser) century(i int) (when, int, bool) {
	if p.kind(i) == wThe {
		i++
	}
	n, e := 0, i
	if t := p.tok(i); t.kind == tNum && t.ndig <= 2 && p.kind(i+1) == wSuffix && p.adj(i+1) {
		n, e = t.val, i+2
	} else if w := p.word(i); w.kind == wOrdinal {
		n, e = w.val, i+1
	} else if d, e2, ok := p.day(i); ok && p.tok(i).kind == tWord {
		n, e = d, e2
	}
	if n == 0 || p.kind(e) != wUnit || p.word(e).val != 36500 {
		return when{}, i, false
	}
	y := (n - 1) * 100
	return fixed(span{date{y, 1, 1}, date{y + 99, 12, 31}, "century", false, date{}}, false), e + 1, true
}

// season reads "the spring of 2021", "summer 2022", "spring" (the last one).
func (p *parser) season(i int) (when, int, bool) {
	if p.kind(i) == wThe {
		i++
	}
	if p.kind(i) != wSeason {
		return when{}, i, false
	}
	s := p.word(i).val
	e := i + 1
	k := e
	if p.kind(k) == wOf {
		k++
	}
	if y, e2, ok := p.year(k); ok {
		return fixed(seasonSpan(y, s), false), e2, true
	}
	if !p.tok(i).upper && p.kind(i-1) != wThe && p.kind(i-1) != wIn {
		return when{}, i, false
	}
	return p.lastSeason(s, 0), e, true
}

// lastSeason returns the season s that holds, or last ended before, the
// reference date, moved by shift years.
func (p *parser) lastSeason(s, shift int) when {
	if !p.hasRef {
		return when{noref: true, rel: true, gran: "season"}
	}
	y := p.ref.y
	if s == 4 && p.ref.m == 12 {
		y++
	}
	sp := seasonSpan(y, s)
	if p.ref.before(sp.from) {
		sp = seasonSpan(y-1, s)
	}
	if shift != 0 {
		sp = seasonSpan(sp.to.y+shift, s)
	}
	return fixed(sp, true)
}

// quarterWord reports whether token i is "Q1"-"Q4" or "H1"/"H2".
func (p *parser) quarterWord(i int) bool {
	t := p.tok(i)
	if t.kind != tWord || t.end-t.start != 2 {
		return false
	}
	c, d := p.text[t.start]|0x20, p.text[t.start+1]
	return c == 'q' && d >= '1' && d <= '4' || c == 'h' && (d == '1' || d == '2')
}

// quarter reads "Q3", "Q3 2019", "H1 2016", "the third quarter of 2016",
// "the first quarter of the year".
func (p *parser) quarter(i int) (when, int, bool) {
	var q, e int
	half := false
	if p.quarterWord(i) {
		t := p.tok(i)
		q, e = int(p.text[t.start+1]-'0'), i+1
		half = p.text[t.start]|0x20 == 'h'
	} else {
		k := i
		if p.kind(k) == wThe {
			k++
		}
		n := 0
		if t := p.tok(k); t.kind == tNum && t.ndig == 1 && p.kind(k+1) == wSuffix {
			n, k = t.val, k+2
		} else if w := p.word(k); w.kind == wOrdinal {
			n, k = w.val, k+1
		}
		if n < 1 || n > 4 || p.kind(k) != wUnit || p.word(k).val != 91 {
			return when{}, i, false
		}
		q, e = n, k+1
	}
	k := e
	if p.kind(k) == wOf {
		k++
	}
	y := 0
	if yy, e2, ok := p.year(k); ok {
		y, e = yy, e2
	} else if p.kind(k) == wThe && p.word(k+1).val == 365 && p.kind(k+1) == wUnit {
		e = k + 2
	} else if p.kind(k) == wShift && p.word(k+1).val == 365 && p.kind(k+1) == wUnit {
		if !p.hasRef {
			return when{noref: true, rel: true, gran: "quarter"}, k + 2, true
		}
		y, e = p.ref.y+p.word(k).val, k+2
	}
	mk := func(y int) span {
		if half {
			if q == 1 {
				return span{date{y, 1, 1}, date{y, 6, 30}, "quarter", false, date{}}
			}
			return span{date{y, 7, 1}, date{y, 12, 31}, "quarter", false, date{}}
		}
		return quarterSpan(y, q)
	}
	if y != 0 {
		return fixed(mk(y), false), e, true
	}
	if !p.hasRef {
		return when{noref: true, rel: true, gran: "quarter"}, e, true
	}
	sp := mk(p.ref.y)
	if p.ref.before(sp.from) {
		sp = mk(p.ref.y - 1)
	}
	return fixed(sp, true), e, true
}

// weekday reads "Friday", "Friday the 22nd", "Tuesday March 7", "Friday
// next week", "Sunday of next week".
func (p *parser) weekday(i int) (when, int, bool) {
	wd := p.word(i).val
	e := i + 1
	comma := p.mark(e, ",")
	if comma {
		e++
	}
	if w, e2, ok := p.date(e); ok && !w.fixed && w.m != 0 {
		return w, e2, true
	}
	if p.mark(e, "(") {
		if w, e2, ok := p.date(e + 1); ok && p.mark(e2, ")") {
			return w, e2 + 1, true
		}
	}
	// "Monday 21": the 21st of a month whose day falls on a Monday; but a
	// bare number after a comma or before a word is a figure ("On
	// Wednesday, 24 people …", "On Monday 21 people …").
	if d, e2, ok := p.day(e); ok && (p.tok(e).kind == tNum || p.kind(e) == wThe) && !p.mark(e2, "-") {
		if bare := p.tok(e).kind == tNum && e2 == e+1 && (comma || p.tok(e2).kind == tWord); !bare {
			return p.weekdayOfDay(wd, d), e2, true
		}
	}
	k := e
	if p.kind(k) == wOf {
		k++
	}
	if p.kind(k) == wShift && p.kind(k+1) == wUnit && p.word(k+1).val == 7 {
		return p.shiftWeekday(p.word(k).val, wd, false), k + 2, true
	}
	name := p.str(i)
	if !p.tok(i).upper && len(name) <= 3 {
		return when{}, i, false
	}
	if !p.hasRef {
		return when{noref: true, rel: true, gran: "day"}, i + 1, true
	}
	return when{wd: wd, rel: true}, i + 1, true
}

// weekdayOfDay resolves "Monday 21": the nearest month (back, then forward)
// where day d is weekday wd.
func (p *parser) weekdayOfDay(wd, d int) when {
	if !p.hasRef {
		return when{noref: true, rel: true, gran: "day"}
	}
	for k := 0; k < 24; k++ {
		for _, sign := range []int{-1, 1} {
			a := date{p.ref.y, p.ref.m, 1}.addMonths(sign * k)
			if valid(a.y, a.m, d) && (date{a.y, a.m, d}).weekday() == wd {
				return fixed(daySpan(date{a.y, a.m, d}), true)
			}
		}
	}
	return when{d: d}
}

// shiftWeekday resolves "last Friday" (the Friday of last week), "this
// Friday", "next Friday", and with past "this past Friday" (the last
// Friday before the reference date).
func (p *parser) shiftWeekday(shift, wd int, past bool) when {
	if !p.hasRef {
		return when{noref: true, rel: true, gran: "day"}
	}
	if past {
		back := (p.ref.weekday() - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return fixed(daySpan(p.ref.addDays(-back)), true)
	}
	mon := weekOf(p.ref).from.addDays(7 * shift)
	return fixed(daySpan(mon.addDays(wd-1)), true)
}

// nthWeekday reads "the first Friday of next month", "the third Wednesday
// of previous month", "the second Monday in May 2022".
func (p *parser) nthWeekday(i int) (when, int, bool) {
	k := i
	if p.kind(k) == wThe {
		k++
	}
	w := p.word(k)
	if w.kind != wOrdinal || w.val > 5 || p.kind(k+1) != wWeekday {
		return when{}, i, false
	}
	n, wd := w.val, p.word(k+1).val
	k += 2
	if p.kind(k) != wOf && p.kind(k) != wIn {
		return when{}, i, false
	}
	x, e, ok := p.date(k + 1)
	if !ok || !x.full() {
		return when{}, i, false
	}
	sp, ok := p.resolve(x)
	if !ok {
		return when{noref: true, rel: true, gran: "day"}, e, true
	}
	if sp.gran != "month" {
		return when{}, i, false
	}
	first := sp.from
	d := first.addDays((wd-first.weekday()+7)%7 + 7*(n-1))
	if d.m != first.m {
		return when{}, i, false
	}
	return fixed(daySpan(d), sp.rel), e, true
}

// yearWords reads a year in words: "nineteen seventy eight", "nineteen
// zero one", "two thousand and eighteen", "one thousand seven hundred and
// eighty nine".
func (p *parser) yearWords(i int) (int, int, bool) {
	small := func(k int) (int, int) { // 1-99
		w := p.word(k)
		if w.kind != wNumber || p.str(k) == "a" || p.str(k) == "an" || w.val == 0 || lowerIs(p.str(k), "few") || lowerIs(p.str(k), "couple") || lowerIs(p.str(k), "several") {
			return 0, k
		}
		v, e := w.val, k+1
		if v >= 20 && v%10 == 0 {
			j := e
			if p.mark(j, "-") && p.adj(j) {
				j++
			}
			if d := p.word(j); d.kind == wNumber && d.val >= 1 && d.val <= 9 && p.str(j) != "a" {
				v, e = v+d.val, j+1
			}
		}
		return v, e
	}
	hi, e := small(i)
	if hi == 0 {
		return 0, i, false
	}
	s := p.str(e)
	switch {
	case hi >= 10 && hi <= 20:
		// "nineteen seventy eight", "nineteen zero one"
		if lowerIs(s, "hundred") {
			return 0, i, false
		}
		if p.word(e).kind == wNumber && p.word(e).val == 0 {
			if d := p.word(e + 1); d.kind == wNumber && d.val >= 1 && d.val <= 9 {
				return hi*100 + d.val, e + 2, true
			}
			return 0, i, false
		}
		lo, e2 := small(e)
		if lo < 10 {
			return 0, i, false
		}
		return hi*100 + lo, e2, true
	case hi <= 2 && lowerIs(s, "thousand"):
		y, k := hi*1000, e+1
		if h, e2 := small(k); h > 0 && h < 10 && lowerIs(p.str(e2), "hundred") {
			y += h * 100
			k = e2 + 1
		}
		if p.kind(k) == wAnd {
			if lo, e2 := small(k + 1); lo > 0 {
				return y + lo, e2, true
			}
		}
		if lo, e2 := small(k); lo > 0 {
			return y + lo, e2, true
		}
		return y, k, true
	}
	return 0, i, false
}
