package timex

import "math"

// Unit lengths as words.txt gives them (days).
const (
	uDay       = 1
	uWeek      = 7
	uFortnight = 14
	uMonth     = 30
	uQuarter   = 91
	uYear      = 365
	uDecade    = 3650
	uCentury   = 36500
)

// duration is a length of time in months and days.
type duration struct{ months, days, workdays int }

func unitDuration(u int, n float64) duration {
	switch u {
	case uMonth:
		return duration{months: int(math.Round(n))}
	case uQuarter:
		return duration{months: int(math.Round(3 * n))}
	case uYear:
		return duration{months: int(math.Round(12 * n))}
	case uDecade:
		return duration{months: int(math.Round(120 * n))}
	case uCentury:
		return duration{months: int(math.Round(1200 * n))}
	}
	return duration{days: int(math.Round(float64(u) * n))}
}

func (a date) add(d duration, sign int) date {
	b := a.addMonths(sign * d.months).addDays(sign * d.days)
	for n := d.workdays; n > 0; {
		b = b.addDays(sign)
		if b.weekday() <= 5 {
			n--
		}
	}
	return b
}

func unitGran(u int) string {
	switch u {
	case uDay:
		return "day"
	case uWeek, uFortnight:
		return "week"
	case uMonth:
		return "month"
	case uQuarter:
		return "quarter"
	case uYear:
		return "year"
	case uDecade:
		return "decade"
	}
	return "century"
}

// calendarUnit returns the calendar week, month, quarter, year, decade or
// century holding a, moved by shift units.
func calendarUnit(a date, u, shift int) (span, bool) {
	switch u {
	case uWeek:
		w := weekOf(a)
		return span{w.from.addDays(7 * shift), w.to.addDays(7 * shift), "week", true, date{}}, true
	case uMonth:
		b := date{a.y, a.m, 1}.addMonths(shift)
		return monthSpan(b.y, b.m), true
	case uQuarter:
		q := (a.m-1)/3 + shift
		y := a.y + floorDiv(q, 4)
		return quarterSpan(y, q-floorDiv(q, 4)*4+1), true
	case uYear:
		return yearSpan(a.y + shift), true
	case uDecade:
		y := a.y/10*10 + 10*shift
		return span{date{y, 1, 1}, date{y + 9, 12, 31}, "decade", true, date{}}, true
	case uCentury:
		y := a.y/100*100 + 100*shift
		return span{date{y, 1, 1}, date{y + 99, 12, 31}, "century", true, date{}}, true
	}
	return span{}, false
}

// count reads how many: "3", "two", "twenty-one", "a", "a few", "a couple
// of", "several". vague reports a count that is not a number.
func (p *parser) count(i int) (float64, int, bool, bool) {
	t := p.tok(i)
	if t.kind == tNum {
		if t.ndig > 4 || p.adj(i) && p.tok(i-1).kind != tPunct {
			return 0, i, false, false
		}
		return float64(t.val), i + 1, false, true
	}
	w := p.word(i)
	if w.kind != wNumber {
		return 0, i, false, false
	}
	s := p.str(i)
	switch {
	case s == "a" || s == "an" || s == "A" || s == "An":
		if n := p.word(i + 1); n.kind == wNumber && n.val == 3 {
			return 3, i + 2, true, true // a few
		}
		if p.word(i+1).kind == wNumber && p.word(i+1).val == 2 && p.kind(i+2) == wOf {
			return 2, i + 3, true, true // a couple of
		}
		return 1, i + 1, false, true
	case w.val == 3 && (len(s) > 5 || s == "few" || s == "Few"):
		return 3, i + 1, true, true // few, several
	case w.val == 2 && len(s) == 6:
		if p.kind(i+1) == wOf {
			return 2, i + 2, true, true // couple of
		}
		return 0, i, false, false
	}
	n, e := float64(w.val), i+1
	if w.val >= 20 && w.val%10 == 0 {
		k := e
		if p.mark(k, "-") && p.adj(k) {
			k++
		}
		if d := p.word(k); d.kind == wNumber && d.val >= 1 && d.val <= 9 && p.str(k) != "a" && p.str(k) != "an" {
			n, e = n+float64(d.val), k+1
		}
	}
	return n, e, false, true
}

// length reads a length of time: "two years", "a year and a half", "1
// month 21 days", "3 months and 2 weeks". vague reports a vague count.
func (p *parser) length(i int) (duration, int, int, bool, bool) {
	var total duration
	e, unit := i, 0
	vague := false
	for parts := 0; parts < 4; parts++ {
		n, k, v, ok := p.count(e)
		if ok && (lowerIs(p.str(k), "business") || lowerIs(p.str(k), "working")) && p.kind(k+1) == wUnit && p.word(k+1).val == uDay {
			// "4 business days", "ten working days"
			total.workdays += int(n)
			if unit == 0 {
				unit = uDay
			}
			e = k + 2
			break
		}
		if !ok || p.kind(k) != wUnit {
			break
		}
		u := p.word(k).val
		k++
		// "and a half"
		if p.kind(k) == wAnd && p.kind(k+1) == wNumber && p.word(k+1).val == 1 && p.kind(k+2) == wHalf {
			n += 0.5
			k += 3
		}
		d := unitDuration(u, n)
		total.months += d.months
		total.days += d.days
		if unit == 0 {
			unit = u
		}
		vague = vague || v
		e = k
		if p.kind(e) == wAnd {
			if _, k2, _, ok := p.count(e + 1); ok && p.kind(k2) == wUnit && !(p.kind(k2+1) == wAgo && p.afterShift(i)) {
				e++
			}
		} else if p.mark(e, ",") {
			if _, k2, _, ok := p.count(e + 1); ok && p.kind(k2) == wUnit {
				e++
			}
		}
	}
	if unit == 0 {
		return duration{}, i, 0, false, false
	}
	if p.kind(e-1) == wAnd || p.mark(e-1, ",") {
		e--
	}
	return total, e, unit, vague, true
}

// afterShift reports whether the length at token i follows "the last",
// "the past", "next": "the last 3 months and 2 days ago" is two
// expressions.
func (p *parser) afterShift(i int) bool {
	return p.kind(i-1) == wShift
}

// ago reads "two years ago", "a year and a half ago", "a few days ago".
func (p *parser) ago(i int) (when, int, bool) {
	d, e, u, vague, ok := p.length(i)
	if !ok || p.kind(e) != wAgo {
		return when{}, i, false
	}
	if !p.hasRef {
		return when{noref: true, rel: true, gran: unitGran(u), approx: true}, e + 1, true
	}
	a := p.ref.add(d, -1)
	w := fixed(span{a, a, "day", true, date{}}, true)
	w.approx = vague || u > uDay
	return w, e + 1, true
}

// relative reads expressions that move from the reference date:
// "yesterday", "last year", "this week", "next month", "last Friday",
// "the past two years", "the last year and a half", "the weekend".
func (p *parser) relative(i int) (when, int, bool) {
	k := i
	if p.kind(k) == wThe {
		k++
	}
	noref := func(gran string, e int) (when, int, bool) {
		return when{noref: true, rel: true, gran: gran}, e, true
	}
	if w, e, ok := p.around(i, k); ok {
		if !p.hasRef {
			return noref(w.gran, e)
		}
		return w, e, true
	}
	if n, j, vague, ok := p.count(k); ok && !vague && k > i && p.kind(j) == wShift && p.kind(j+1) == wUnit && p.word(j).val != 0 {
		// "the 3 next weeks"
		u := p.word(j + 1).val
		if !p.hasRef {
			return noref(unitGran(u), j+2)
		}
		return p.countedSpan(unitDuration(u, n), p.word(j).val, u), j + 2, true
	}
	switch p.kind(k) {
	case wOffset:
		if k != i {
			return when{}, i, false
		}
		if !p.hasRef {
			return noref("day", k+1)
		}
		return fixed(daySpan(p.ref.addDays(p.word(k).val)), true), k + 1, true
	case wWeekend:
		if p.kind(k+1) == wOf {
			if x, e, ok := p.holiday(k + 2); ok && x.fixed {
				x.sp = holidayWeekend(x.sp.from)
				return x, e, true
			}
		}
		if !p.hasRef {
			return noref("day", k+1)
		}
		w := weekOf(p.ref)
		return fixed(span{w.to.addDays(-1), w.to, "day", true, date{}}, true), k + 1, true
	case wShift:
	default:
		return when{}, i, false
	}
	sh := p.word(k).val
	rolling := lowerIs(p.str(k), "past")
	k++
	if lowerIs(p.str(k), "calendar") && p.kind(k+1) == wUnit {
		k++ // "this calendar year"
	}
	// "this Friday 5/12", "next Sunday 5/20", "this 5/12": the date
	// stated, in the reference year.
	if j := k; p.kind(j) == wWeekday || p.tok(j).kind == tNum {
		if p.kind(j) == wWeekday {
			j++
			if p.mark(j, "-") || p.mark(j, ",") {
				j++
			}
		}
		if x, e, ok := p.date(j); ok && !x.fixed && x.m != 0 && x.d != 0 {
			if x.y == 0 && p.hasRef {
				x.y = p.ref.y
			}
			return x, e, true
		}
	}
	past := false
	if sh == 0 && lowerIs(p.str(k), "past") {
		past, sh = true, -1
		k++
	}
	if h, e, ok := p.holidayAt(k); ok {
		// "last Easter", "the following Christmas"
		return p.shiftHoliday(h, sh), e, true
	}
	switch p.kind(k) {
	case wWeekday:
		if !p.hasRef {
			return noref("day", k+1)
		}
		return p.shiftWeekday(sh, p.word(k).val, past || rolling), k + 1, true
	case wWeekend:
		if !p.hasRef {
			return noref("day", k+1)
		}
		w := weekOf(p.ref)
		sat := w.to.addDays(-1 + 7*sh)
		return fixed(span{sat, sat.addDays(1), "day", true, date{}}, true), k + 1, true
	case wMonth:
		if !p.hasRef {
			return noref("month", k+1)
		}
		return fixed(monthSpan(p.ref.y+sh, p.word(k).val), true), k + 1, true
	case wSeason:
		s := p.word(k).val
		w := p.lastSeason(s, 0)
		if w.fixed && sh != 0 {
			sp := w.sp
			holds := !p.ref.before(sp.from) && !sp.to.before(p.ref)
			switch {
			case sh < 0 && holds:
				w = fixed(seasonSpan(sp.to.y-1, s), true)
			case sh > 0:
				w = fixed(seasonSpan(sp.to.y+1, s), true)
			}
		}
		return w, k + 1, true
	case wUnit:
		u := p.word(k).val
		e := k + 1
		if p.str(k)[len(p.str(k))-1] == 's' && u != uDay {
			return when{}, i, false
		}
		if u == uDay {
			// "the next day", "the previous day", "the same day": the
			// story's days, counted from the last day the text dated.
			s := p.str(k - 1)
			if lowerIs(s, "last") || lowerIs(s, "past") || lowerIs(s, "this") || lowerIs(s, "current") || lowerIs(s, "coming") || lowerIs(s, "upcoming") {
				return when{}, i, false
			}
			a, ok := p.story()
			if !ok {
				return noref("day", e)
			}
			return fixed(daySpan(a.addDays(sh)), true), e, true
		}
		// "the last year and a half"
		if p.kind(e) == wAnd && p.kind(e+1) == wNumber && p.word(e+1).val == 1 && p.kind(e+2) == wHalf {
			if !p.hasRef {
				return noref(unitGran(u), e+3)
			}
			return p.rollingSpan(unitDuration(u, 1.5), sh, unitGran(u)), e + 3, true
		}
		// "next week Sunday"
		if u == uWeek && p.kind(e) == wWeekday {
			if !p.hasRef {
				return noref("day", e+1)
			}
			return p.shiftWeekday(sh, p.word(e).val, false), e + 1, true
		}
		if !p.hasRef {
			return noref(unitGran(u), e)
		}
		if u == uFortnight && sh != 0 && !rolling {
			// "the next fortnight": the two calendar weeks after this one.
			mon := weekOf(p.ref).from.addDays(7)
			if sh < 0 {
				mon = mon.addDays(-21)
			}
			return fixed(span{mon, mon.addDays(13), "week", true, date{}}, true), e, true
		}
		if rolling || u == uFortnight {
			return p.rollingSpan(unitDuration(u, 1), sh, unitGran(u)), e, true
		}
		sp, ok := calendarUnit(p.ref, u, sh)
		if !ok {
			return when{}, i, false
		}
		return fixed(sp, true), e, true
	case wNumber:
		// "the past two years", "the last 3 months", "next 3 days".
		d, e, u, _, ok := p.length(k)
		if !ok {
			return when{}, i, false
		}
		if !p.hasRef {
			return noref(unitGran(u), e)
		}
		return p.countedSpan(d, sh, u), e, true
	}
	if p.tok(k).kind == tNum {
		d, e, u, _, ok := p.length(k)
		if !ok {
			return when{}, i, false
		}
		if !p.hasRef {
			return noref(unitGran(u), e)
		}
		return p.countedSpan(d, sh, u), e, true
	}
	return when{}, i, false
}

// countedSpan is "the past two quarters", "the next 3 decades": whole
// calendar quarters (and decades to come) before or after the one holding
// the reference date; other units, and past decades ("the past three
// decades": thirty years to the reference date), roll from it.
func (p *parser) countedSpan(d duration, shift, u int) when {
	n := 0
	switch u {
	case uQuarter:
		n = d.months / 3
	case uDecade:
		if shift > 0 {
			n = d.months / 120
		}
	}
	if n < 1 || d.days != 0 {
		return p.rollingSpan(d, shift, unitGran(u))
	}
	a, _ := calendarUnit(p.ref, u, -n)
	b, _ := calendarUnit(p.ref, u, -1)
	if shift > 0 {
		a, _ = calendarUnit(p.ref, u, 1)
		b, _ = calendarUnit(p.ref, u, n)
	}
	return fixed(span{a.from, b.to, unitGran(u), true, date{}}, true)
}

// around reads, at token k (after "the" at i when there is one), "the day
// after tomorrow", "the day before yesterday", "the week after next",
// "the weekend after the next", "the rest of the month", "rest of week".
// It returns a noref when without a reference date.
func (p *parser) around(i, k int) (when, int, bool) {
	kind := p.kind(k)
	switch {
	case kind == wRest:
		j := k + 1
		if p.kind(j) == wOf {
			j++
		}
		if p.kind(j) == wThe || p.kind(j) == wShift && p.word(j).val == 0 {
			j++
		}
		if p.kind(j) != wUnit || p.word(j).val < uWeek || p.word(j).val > uYear {
			return when{}, i, false
		}
		u := p.word(j).val
		if !p.hasRef {
			return when{gran: "day"}, j + 1, true
		}
		sp, ok := calendarUnit(p.ref, u, 0)
		if !ok {
			return when{}, i, false
		}
		return fixed(span{p.ref, sp.to, "day", true, date{}}, true), j + 1, true
	case kind == wUnit && p.word(k).val == uDay && lowerIs(p.str(k), "day") && (p.kind(k+1) == wAfter || p.kind(k+1) == wBefore) &&
		p.kind(k+2) == wOffset && p.word(k+2).val != 0:
		off := p.word(k + 2).val
		if p.kind(k+1) == wAfter {
			off++
		} else {
			off--
		}
		if !p.hasRef {
			return when{gran: "day"}, k + 3, true
		}
		return fixed(daySpan(p.ref.addDays(off)), true), k + 3, true
	case kind == wUnit && k > i && lowerIs(p.str(k), "day") && (p.kind(k+1) == wAfter || p.kind(k+1) == wBefore) && p.sentenceMark(k+2):
		// "the day before", "the day after": the story's days.
		a, ok := p.story()
		if !ok {
			return when{gran: "day"}, k + 2, true
		}
		off := 1
		if p.kind(k+1) == wBefore {
			off = -1
		}
		return fixed(daySpan(a.addDays(off)), true), k + 2, true
	case (kind == wUnit || kind == wWeekend) && p.kind(k+1) == wAfter:
		j := k + 2
		if p.kind(j) == wThe {
			j++
		}
		if p.kind(j) != wShift || p.word(j).val != 1 {
			return when{}, i, false
		}
		if !p.hasRef {
			return when{gran: "day"}, j + 1, true
		}
		if kind == wWeekend {
			sat := weekOf(p.ref).to.addDays(-1 + 14)
			return fixed(span{sat, sat.addDays(1), "day", true, date{}}, true), j + 1, true
		}
		sp, ok := calendarUnit(p.ref, p.word(k).val, 2)
		if !ok || p.word(k).val == uDay {
			return when{}, i, false
		}
		return fixed(sp, true), j + 1, true
	}
	return when{}, i, false
}

// rollingSpan is the length d back from the reference date (shift < 0) or
// forward from the day after it.
func (p *parser) rollingSpan(d duration, shift int, gran string) when {
	if shift < 0 {
		return fixed(span{p.ref.add(d, -1), p.ref, gran, true, date{}}, true)
	}
	from := p.ref.addDays(1)
	return fixed(span{from, p.ref.add(d, 1), gran, true, date{}}, true)
}

func lowerIs(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// part reads "early 2021", "mid-2021", "late July", "the end of March",
// "end September", "beginning of next week", "earlier this year".
func (p *parser) part(i int) (when, int, bool) {
	k := i
	if p.kind(k) == wThe {
		k++
	}
	if p.kind(k) != wPart {
		return when{}, i, false
	}
	part := p.word(k).val
	k++
	switch part {
	case partBeginning, partEnd, partMid:
		// "of" may go before a month ("end September"; Russian puts the
		// month in the genitive instead: "в конце сентября").
		if p.kind(k) == wOf {
			k++
		} else if part != partMid && p.kind(k) != wMonth {
			return when{}, i, false
		}
		if p.kind(k) == wThe && p.kind(k+1) != wUnit {
			k++
		}
	}
	if p.mark(k, "-") && p.adj(k) {
		k++
	}
	x, e, ok := p.date(k)
	if !ok || !x.full() {
		return when{}, i, false
	}
	sp, ok := p.resolve(x)
	if !ok {
		return when{noref: true, rel: true, gran: x.granularity(), approx: true}, e, true
	}
	out, ok := p.applyPart(sp, part)
	if !ok {
		return when{}, i, false
	}
	w := fixed(out, sp.rel)
	w.approx = true
	return w, e, true
}

// applyPart returns the part of sp that part names.
func (p *parser) applyPart(sp span, part int) (span, bool) {
	out := sp
	switch sp.gran {
	case "year":
		y := sp.from.y
		switch part {
		case partEarly:
			out.to = date{y, 6, 30}
		case partBeginning:
			out.to = date{y, 4, 30}
		case partMid:
			out.from, out.to = date{y, 5, 1}, date{y, 8, 31}
		case partLate, partEnd:
			out.from = date{y, 7, 1}
		}
	case "month":
		y, m := sp.from.y, sp.from.m
		switch part {
		case partEarly:
			out.to = date{y, m, 15}
		case partBeginning:
			out.to = date{y, m, 10}
		case partMid:
			out.from, out.to = date{y, m, 11}, date{y, m, 20}
		case partLate:
			out.from = date{y, m, 16}
		case partEnd:
			out.from = date{y, m, 21}
		}
	case "week":
		switch part {
		case partEarly, partBeginning:
			out.to = sp.from.addDays(2)
		case partMid:
			out.from, out.to = sp.from.addDays(1), sp.from.addDays(4)
		case partLate, partEnd:
			out.from = sp.from.addDays(3)
		}
	default:
		n := int(sp.to.t().Sub(sp.from.t()).Hours()/24) + 1
		switch part {
		case partEarly, partBeginning:
			out.to = sp.from.addDays(n/3 - 1)
		case partMid:
			out.from, out.to = sp.from.addDays(n/3), sp.from.addDays(2*n/3-1)
		case partLate, partEnd:
			out.from = sp.from.addDays(2 * n / 3)
		}
	}
	switch part {
	case partEarlier, partLater:
		// The early or late part, cut at the reference date when it falls
		// inside ("earlier this month" on the 10th is the 1st to the 10th).
		if sp.gran == "day" {
			return sp, true // "earlier Friday": that day
		}
		early := part == partEarlier
		whole := partLate
		if early {
			whole = partEarly
		}
		q, _ := p.applyPart(sp, whole)
		out.from, out.to = q.from, q.to
		if p.hasRef && !p.ref.before(sp.from) && !sp.to.before(p.ref) {
			if early && p.ref.before(out.to) {
				out.to = p.ref
			}
			if !early && out.from.before(p.ref) {
				out.from = p.ref
			}
		}
	}
	out.gran = sp.gran
	return out, true
}
