package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// holiday is a named day of the year, read from holidays.txt.
type holiday struct {
	words []string // lower-cased tokens of the name
	month int      // a fixed day: month and day
	day   int
	// A day from Easter Sunday (easter set), or the nth weekday of month
	// (nth -1 for the last) moved by shift days.
	easter bool
	nth    int
	wd     int
	shift  int
}

// on returns the holiday's day in year y.
func (h holiday) on(y int) date {
	switch {
	case h.easter:
		return easterSunday(y).addDays(h.shift)
	case h.nth != 0:
		first := date{y, h.month, 1}
		if h.nth < 0 {
			last := date{y, h.month, daysIn(y, h.month)}
			return last.addDays(-((last.weekday() - h.wd + 7) % 7)).addDays(h.shift)
		}
		d := first.addDays((h.wd-first.weekday()+7)%7 + 7*(h.nth-1))
		return d.addDays(h.shift)
	}
	return date{y, h.month, h.day}
}

// easterSunday returns Western Easter Sunday of year y (the anonymous
// Gregorian computus).
func easterSunday(y int) date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date{y, month, day}
}

var weekdayNames = map[string]int{"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}

// parseHoliday reads one "name | rule" line of holidays.txt.
func (l *lexicon) parseHoliday(line string) (holiday, error) {
	name, rule, ok := strings.Cut(line, "|")
	if !ok {
		return holiday{}, fmt.Errorf("holidays.txt: no rule in %q", line)
	}
	name = strings.ToLower(strings.TrimSpace(name))
	var h holiday
	for _, t := range l.scan(nil, name) {
		h.words = append(h.words, name[t.start:t.end])
	}
	f := strings.Fields(rule)
	bad := fmt.Errorf("holidays.txt: bad rule in %q", line)
	switch {
	case len(f) == 1:
		m, d, ok := strings.Cut(f[0], "-")
		mv, err1 := strconv.Atoi(m)
		dv, err2 := strconv.Atoi(d)
		if !ok || err1 != nil || err2 != nil || !valid(2000, mv, dv) {
			return h, bad
		}
		h.month, h.day = mv, dv
	case len(f) == 2 && f[0] == "easter":
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return h, bad
		}
		h.easter, h.shift = true, n
	case len(f) == 3 || len(f) == 4:
		if f[0] == "last" {
			h.nth = -1
		} else if n, err := strconv.Atoi(f[0]); err == nil && n >= 1 && n <= 5 {
			h.nth = n
		} else {
			return h, bad
		}
		h.wd = weekdayNames[f[1]]
		m, err := strconv.Atoi(f[2])
		if h.wd == 0 || err != nil || m < 1 || m > 12 {
			return h, bad
		}
		h.month = m
		if len(f) == 4 {
			if h.shift, err = strconv.Atoi(f[3]); err != nil {
				return h, bad
			}
		}
	default:
		return h, bad
	}
	if len(h.words) == 0 {
		return h, bad
	}
	return h, nil
}

// holidayAt matches the longest holiday name at token i.
func (p *parser) holidayAt(i int) (holiday, int, bool) {
	t := p.tok(i)
	if t.kind != tWord {
		return holiday{}, i, false
	}
	var best holiday
	end := i
	for _, h := range p.lex.holidays[t.id] {
		k := i
		for _, w := range h.words {
			if k >= len(p.toks) || !strings.EqualFold(p.str(k), w) && !(w == "'" && p.str(k) == "’") {
				k = -1
				break
			}
			k++
		}
		if k > end {
			best, end = h, k
		}
	}
	return best, end, end > i
}

// holiday reads "Easter", "Easter 2018", "Christmas Day of 2020", "black
// friday 2010": the holiday of the year stated, or else the last one on
// or before the reference date.
func (p *parser) holiday(i int) (when, int, bool) {
	h, e, ok := p.holidayAt(i)
	if !ok {
		return when{}, i, false
	}
	k := e
	if p.mark(k, ",") || p.kind(k) == wOf || p.kind(k) == wIn && p.str(k) == "in" {
		k++
	}
	w := p.shiftHoliday(h, 0)
	if y, e2, ok := p.year(k); ok {
		w, e = fixed(daySpan(h.on(y)), false), e2
	}
	// "Labor Day weekend": the holiday with the weekend next to it.
	if p.kind(e) == wWeekend && w.fixed {
		w.sp = holidayWeekend(w.sp.from)
		e++
	}
	return w, e, true
}

// holidayWeekend returns the holiday d with the weekend next to it: the
// one before a Monday to Wednesday, the one after a Thursday or Friday.
func holidayWeekend(d date) span {
	wd := d.weekday()
	switch {
	case wd >= 6:
		w := weekOf(d)
		return span{w.to.addDays(-1), w.to, "day", false, date{}}
	case wd <= 3:
		return span{d.addDays(-wd - 1), d, "day", false, date{}}
	}
	return span{d, d.addDays(7 - wd), "day", false, date{}}
}

// shiftHoliday resolves a holiday without a year: shift 0 is the last one
// on or before the reference date, -1 the last one before it, 1 the first
// one after it.
func (p *parser) shiftHoliday(h holiday, shift int) when {
	if !p.hasRef {
		return when{noref: true, rel: true, gran: "day"}
	}
	d := h.on(p.ref.y)
	switch {
	case shift > 0:
		if !p.ref.before(d) {
			d = h.on(p.ref.y + 1)
		}
	case shift < 0:
		if !d.before(p.ref) {
			d = h.on(p.ref.y - 1)
		}
	default:
		if p.ref.before(d) {
			d = h.on(p.ref.y - 1)
		}
	}
	return fixed(daySpan(d), true)
}
