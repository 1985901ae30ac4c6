package timex

// nthOf reads a part of a month or year counted in days, weeks or months:
// "the first week of October", "the third week of 2027", "the last week
// of 2015", "the first 2 weeks of 2021", "the last four months of 2021",
// "the third month of 2021", "the first ten days of last year", "the 15th
// day of next month". Weeks run Monday to Sunday; the first week of a
// month or year is the one holding its 4th day (ISO 8601), the last the
// one holding its 4th day from the end.
func (p *parser) nthOf(i int) (when, int, bool) {
	k := i
	if p.kind(k) == wThe {
		k++
	}
	last := false
	nth := 0
	switch {
	case p.kind(k) == wShift && p.word(k).val == -1 && lowerIs(p.str(k), "last"):
		last, nth = true, 1
		k++
	default:
		d, e, ok := p.day(k)
		if !ok || p.tok(k).kind == tNum && !(p.kind(k+1) == wSuffix && p.adj(k+1)) {
			return when{}, i, false
		}
		nth, k = d, e
	}
	count := 1
	if c, e, vague, ok := p.count(k); ok && !vague && p.kind(e) == wUnit {
		count, k = int(c), e
	}
	if p.kind(k) != wUnit {
		return when{}, i, false
	}
	u := p.word(k).val
	k++
	switch {
	case p.kind(k) == wOf || p.kind(k) == wIn && lowerIs(p.str(k), "in"):
	case p.kind(k) == wShift && p.kind(k+1) == wUnit:
		k-- // "the third week next year"
	default:
		return when{}, i, false
	}
	if u != uDay && u != uWeek && u != uMonth || count < 1 || count > 60 || nth > 60 || count > 1 && nth != 1 {
		return when{}, i, false
	}
	x, e, ok := p.date(k + 1)
	if !ok || !x.full() {
		return when{}, i, false
	}
	sp, ok := p.resolve(x)
	if !ok {
		return when{noref: true, rel: true, gran: unitGran(u)}, e, true
	}
	if sp.gran != "month" && sp.gran != "year" && sp.gran != "quarter" {
		return when{}, i, false
	}
	var out span
	switch u {
	case uDay:
		if last {
			out = span{sp.to.addDays(1 - count), sp.to, "day", sp.rel, date{}}
		} else {
			a := sp.from.addDays(nth - 1)
			out = span{a, a.addDays(count - 1), "day", sp.rel, date{}}
		}
	case uWeek:
		if last {
			w := weekOf(sp.to.addDays(-3))
			out = span{w.from.addDays(-7 * (count - 1)), w.to, "week", sp.rel, date{}}
		} else {
			w := weekOf(sp.from.addDays(3)).from.addDays(7 * (nth - 1))
			out = span{w, w.addDays(7*count - 1), "week", sp.rel, date{}}
		}
	case uMonth:
		if last {
			a := date{sp.to.y, sp.to.m, 1}.addMonths(1 - count)
			out = span{a, sp.to, "month", sp.rel, date{}}
		} else {
			a := date{sp.from.y, sp.from.m, 1}.addMonths(nth - 1)
			b := a.addMonths(count - 1)
			out = span{a, date{b.y, b.m, daysIn(b.y, b.m)}, "month", sp.rel, date{}}
		}
	}
	if out.from.before(sp.from) && u != uWeek || sp.to.before(out.to) && u != uWeek {
		return when{}, i, false
	}
	return fixed(out, sp.rel), e, true
}

// isoWeek returns Monday to Sunday of ISO week n of year y.
func isoWeek(y, n int) span {
	w := weekOf(date{y, 1, 4})
	mon := w.from.addDays(7 * (n - 1))
	return span{mon, mon.addDays(6), "week", false, date{}}
}

// weekOfDate reads "the week of April 10th", "the week starting on
// February 4", "the week commencing February 4": Monday to Sunday of the
// week holding that day; and "week 10", "the week 31": an ISO week of the
// reference year.
func (p *parser) weekOfDate(i int) (when, int, bool) {
	k := i
	if p.kind(k) == wThe {
		k++
	}
	if p.kind(k) != wUnit || p.word(k).val != uWeek || lowerIs(p.str(k)[len(p.str(k))-1:], "s") {
		return when{}, i, false
	}
	k++
	if t := p.tok(k); t.kind == tNum && t.ndig <= 2 && t.val >= 1 && t.val <= 53 {
		if n := p.tok(k + 1); n.kind == tWord && p.adj(k+1) || p.mark(k+1, ":") && p.adj(k+1) || p.mark(k+1, ",") && p.adj(k+1) {
			return when{}, i, false
		}
		if !p.hasRef {
			return when{noref: true, rel: true, gran: "week"}, k + 1, true
		}
		return fixed(isoWeek(p.ref.y, t.val), true), k + 1, true
	}
	switch {
	case p.kind(k) == wOf:
		k++
	case p.kind(k) == wStart || lowerIs(p.str(k), "beginning"):
		k++
		if p.kind(k) == wOn {
			k++
		}
	default:
		return when{}, i, false
	}
	x, e, ok := p.date(k)
	if !ok || !x.full() {
		return when{}, i, false
	}
	sp, ok := p.resolve(x)
	if !ok {
		return when{noref: true, rel: true, gran: "week"}, e, true
	}
	if sp.gran != "day" {
		return when{}, i, false
	}
	return fixed(weekOf(sp.from), sp.rel), e, true
}

// mixedDate reads a date of three parts joined by one mark, in any order,
// one a month name, one a year in four digits and one a day:
// "2020/Sep/23", "September-2020-23", "23-2020-September", "2020/23/Sep".
func (p *parser) mixedDate(i int) (when, int, bool) {
	sep := p.sepAt(i + 1)
	if sep == "" || sep == "." || p.sepAt(i+3) != sep {
		return when{}, i, false
	}
	var y, m, d int
	for k := i; k <= i+4; k += 2 {
		if k > i && !(p.adj(k-1) && p.adj(k)) {
			return when{}, i, false
		}
		t := p.tok(k)
		switch {
		case p.kind(k) == wMonth && m == 0:
			m = p.word(k).val
		case t.kind == tNum && t.ndig == 4 && y == 0:
			y = t.val
		case t.kind == tNum && t.ndig <= 2 && d == 0:
			d = t.val
		default:
			return when{}, i, false
		}
	}
	if n := p.tok(i + 5); n.kind != tPunct && p.adj(i+5) || !valid(y, m, d) {
		return when{}, i, false
	}
	return when{y: y, m: m, d: d}, i + 5, true
}
