package timex

// offset reads a day a length of time away from another: "two weeks from
// now", "3 days after January 12th", "2 weeks before May 13 1999", "three
// weeks from tomorrow", "two Sundays from now", and the periods "4 weeks
// in the future" and "2 weeks starting May 20th". "Two days later" and "a
// week earlier" count from the story: from the last day the text dated,
// or else from the publication date.
func (p *parser) offset(i int) (when, int, bool) {
	d, e, u, vague, ok := p.length(i)
	wd, n := 0, 0
	if !ok {
		c, k, v, ok := p.count(i)
		if !ok || v || p.kind(k) != wWeekday || c < 1 || c > 9 {
			return when{}, i, false
		}
		wd, n, e, u = p.word(k).val, int(c), k+1, uDay
	}
	gran := unitGran(u)
	if s := p.str(e); lowerIs(s, "later") || lowerIs(s, "earlier") || lowerIs(s, "afterwards") {
		// "two days later", "a fortnight later": the story's days.
		a, ok := p.story()
		if !ok {
			return when{noref: true, rel: true, gran: "day"}, e + 1, true
		}
		sign := 1
		if lowerIs(s, "earlier") {
			sign = -1
		}
		return p.moved(a, d, sign, wd, n, vague), e + 1, true
	}
	switch k := p.kind(e); {
	case k == wFrom && p.kind(e+1) == wNow:
		// "two weeks from now"
		if !p.hasRef {
			return when{noref: true, rel: true, gran: "day"}, e + 2, true
		}
		return p.moved(p.ref, d, 1, wd, n, vague), e + 2, true
	case k == wFrom || k == wAfter || k == wBefore:
		x, e2, ok := p.date(e + 1)
		if !ok || !x.full() {
			return when{}, i, false
		}
		sp, ok := p.resolve(x)
		if !ok {
			return when{noref: true, rel: true, gran: "day"}, e2, true
		}
		sign := 1
		if k == wBefore {
			sign = -1
		}
		w := p.moved(sp.from, d, sign, wd, n, vague)
		w.rel = w.rel || sp.rel
		return w, e2, true
	case k == wIn && wd == 0 && lowerIs(p.str(e), "in") && p.kind(e+1) == wThe && lowerIs(p.str(e+2), "future"):
		// "4 weeks in the future": the period from tomorrow.
		if !p.hasRef {
			return when{noref: true, rel: true, gran: gran}, e + 3, true
		}
		return p.rollingSpan(d, 1, gran), e + 3, true
	case k == wStart && wd == 0:
		// "2 weeks starting May 20th"
		j := e + 1
		if p.kind(j) == wOn {
			j++
		}
		x, e2, ok := p.date(j)
		if !ok || !x.full() {
			return when{}, i, false
		}
		sp, ok := p.resolve(x)
		if !ok {
			return when{noref: true, rel: true, gran: gran}, e2, true
		}
		return fixed(span{sp.from, sp.from.add(d, 1).addDays(-1), gran, sp.rel, date{}}, sp.rel), e2, true
	}
	return when{}, i, false
}

// moved returns the day a length d after (sign 1) or before (sign -1) a,
// or, for a count of weekdays, the nth weekday wd after or before a.
func (p *parser) moved(a date, d duration, sign, wd, n int, vague bool) when {
	var b date
	if wd != 0 {
		step := (wd - a.weekday() + 7) % 7
		if sign < 0 {
			step = -((a.weekday() - wd + 7) % 7)
		}
		if step == 0 {
			step = 7 * sign
		}
		b = a.addDays(step + 7*sign*(n-1))
	} else {
		b = a.add(d, sign)
	}
	w := fixed(daySpan(b), true)
	w.approx = vague
	return w
}

// in reads "in two weeks", "in 3 years", "in a fortnight's time": the day
// that far after the reference date. It does not read a length that
// measures a stretch of the past ("the first time in 20 years", "the
// worst fighting in a decade", "in two days of fighting").
func (p *parser) in(i int) (when, int, bool) {
	d, e, u, vague, ok := p.length(i + 1)
	if !ok || p.kind(e) == wOf || p.kind(e) == wAgo || p.kind(e) == wFrom || p.kind(e) == wAfter || p.kind(e) == wBefore || p.sinceCue(i) {
		return when{}, i, false
	}
	// "in a fortnight's time", "in two weeks' time"
	if k := e; p.mark(k, "'") || p.mark(k, "’") {
		k++
		if lowerIs(p.str(k), "s") {
			k++
		}
		if lowerIs(p.str(k), "time") {
			e = k + 1
		}
	} else if lowerIs(p.str(k), "time") {
		e = k + 1
	}
	if !p.hasRef {
		return when{noref: true, rel: true, gran: "day"}, e, true
	}
	w := fixed(daySpan(p.ref.add(d, 1)), true)
	w.approx = vague || u > uWeek
	return w, e, true
}

// sinceCue reports whether a word before token i, in its clause, makes a
// following length a stretch of the past: "first", "time", "ever",
// "never", "not", a superlative ("worst", "highest", "biggest").
func (p *parser) sinceCue(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		t := p.tok(k)
		if t.kind != tWord {
			return false
		}
		s := p.str(k)
		if lowerIs(s, "first") || lowerIs(s, "time") || lowerIs(s, "ever") || lowerIs(s, "times") || lowerIs(s, "once") ||
			lowerIs(s, "never") || lowerIs(s, "not") || lowerIs(s, "no") ||
			len(s) > 4 && lowerIs(s[len(s)-3:], "est") {
			return true
		}
	}
	return false
}

// within reads "within 3 years", "within the next 10 months": the period
// from the reference date to that far after it.
func (p *parser) within(i int) (when, int, bool) {
	k := i + 1
	if p.kind(k) == wThe {
		k++
	}
	if p.kind(k) == wShift && p.word(k).val == 1 {
		k++
	}
	d, e, u, _, ok := p.length(k)
	if !ok {
		return when{}, i, false
	}
	if !p.hasRef {
		return when{noref: true, rel: true, gran: unitGran(u)}, e, true
	}
	return fixed(span{p.ref, p.ref.add(d, 1), unitGran(u), true, date{}}, true), e, true
}
