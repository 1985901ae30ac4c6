package timex

import "time"

// date is a day of the proleptic Gregorian calendar.
type date struct{ y, m, d int }

func (a date) t() time.Time { return time.Date(a.y, time.Month(a.m), a.d, 12, 0, 0, 0, time.UTC) }

func fromTime(t time.Time) date { return date{t.Year(), int(t.Month()), t.Day()} }

// norm returns the date with an overflowing month or day carried over.
func (a date) norm() date { return fromTime(a.t()) }

func (a date) addDays(n int) date { return date{a.y, a.m, a.d + n}.norm() }

// addMonths adds n months, keeping the day within the month.
func (a date) addMonths(n int) date {
	m := a.m - 1 + n
	y := a.y + floorDiv(m, 12)
	m = m - floorDiv(m, 12)*12 + 1
	d := min(a.d, daysIn(y, m))
	return date{y, m, d}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func (a date) before(b date) bool {
	if a.y != b.y {
		return a.y < b.y
	}
	if a.m != b.m {
		return a.m < b.m
	}
	return a.d < b.d
}

// weekday returns 1 for Monday ... 7 for Sunday.
func (a date) weekday() int {
	w := int(a.t().Weekday())
	if w == 0 {
		return 7
	}
	return w
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

func valid(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// String formats the date as YYYY-MM-DD.
func (a date) String() string {
	var b [10]byte
	y := a.y
	if y < 0 || y > 9999 {
		return ""
	}
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[5], b[6], b[7] = '-', byte('0'+a.m/10), byte('0'+a.m%10), '-'
	b[8], b[9] = byte('0'+a.d/10), byte('0'+a.d%10)
	return string(b[:])
}

// parseDate reads YYYY-MM-DD (or a longer timestamp starting with it).
func parseDate(s string) (date, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return date{}, false
	}
	n := func(s string) (int, bool) {
		v := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			v = v*10 + int(s[i]-'0')
		}
		return v, true
	}
	y, ok1 := n(s[:4])
	m, ok2 := n(s[5:7])
	d, ok3 := n(s[8:10])
	if !ok1 || !ok2 || !ok3 || !valid(y, m, d) {
		return date{}, false
	}
	return date{y, m, d}, true
}

// span is an inclusive interval of days; a zero bound is open.
type span struct {
	from, to date
	gran     string
	rel      bool // resolved against the publication date
	// through is the last day of a range that ends on a whole unit, whose
	// to is the first day of that unit ("from May to September").
	through date
}

func monthSpan(y, m int) span {
	return span{date{y, m, 1}, date{y, m, daysIn(y, m)}, "month", false, date{}}
}

func yearSpan(y int) span { return span{date{y, 1, 1}, date{y, 12, 31}, "year", false, date{}} }

func daySpan(a date) span { return span{a, a, "day", false, date{}} }

// weekOf returns Monday to Sunday of the week holding a.
func weekOf(a date) span {
	mon := a.addDays(1 - a.weekday())
	return span{mon, mon.addDays(6), "week", false, date{}}
}

// seasonSpan returns a season of year y: spring March-May, summer
// June-August, autumn September-November, winter December of y-1 to
// February of y (the winter whose January falls in y).
func seasonSpan(y, s int) span {
	switch s {
	case 1:
		return span{date{y, 3, 1}, date{y, 5, 31}, "season", false, date{}}
	case 2:
		return span{date{y, 6, 1}, date{y, 8, 31}, "season", false, date{}}
	case 3:
		return span{date{y, 9, 1}, date{y, 11, 30}, "season", false, date{}}
	}
	return span{date{y - 1, 12, 1}, date{y, 2, daysIn(y, 2)}, "season", false, date{}}
}

func quarterSpan(y, q int) span {
	m := 3*(q-1) + 1
	return span{date{y, m, 1}, date{y, m + 2, daysIn(y, m+2)}, "quarter", false, date{}}
}
