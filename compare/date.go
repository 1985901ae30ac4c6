package compare

import "math"

// day is a date as the number of days since 1970-01-01.
type day int32

// noDay is an unknown date.
const noDay day = math.MinInt32

// daysFromCivil returns the day of a proleptic Gregorian date (Howard
// Hinnant's algorithm).
func daysFromCivil(y, m, d int) day {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// civil returns the year, month and day of d.
func (d day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// String formats d as YYYY-MM-DD ("" for noDay).
func (d day) String() string {
	if d == noDay {
		return ""
	}
	y, m, dd := d.civil()
	b := []byte("0000-00-00")
	if y < 0 || y > 9999 {
		return ""
	}
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[8], b[9] = byte('0'+dd/10), byte('0'+dd%10)
	return string(b)
}

// digits parses s as a decimal number of only digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func lastOfMonth(y, m int) int {
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return 29
	}
	return monthDays[m]
}

// parseSpan returns the first and last day that a date YYYY-MM-DD, a month
// YYYY-MM or a year YYYY covers.
func parseSpan(s string) (first, last day, ok bool) {
	switch len(s) {
	case 4:
		y, ok := digits(s)
		if !ok {
			return noDay, noDay, false
		}
		return daysFromCivil(y, 1, 1), daysFromCivil(y, 12, 31), true
	case 7, 10:
		if s[4] != '-' {
			return noDay, noDay, false
		}
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		if !ok1 || !ok2 || m < 1 || m > 12 {
			return noDay, noDay, false
		}
		if len(s) == 7 {
			return daysFromCivil(y, m, 1), daysFromCivil(y, m, lastOfMonth(y, m)), true
		}
		d, ok3 := digits(s[8:])
		if s[7] != '-' || !ok3 || d < 1 || d > lastOfMonth(y, m) {
			return noDay, noDay, false
		}
		t := daysFromCivil(y, m, d)
		return t, t, true
	}
	return noDay, noDay, false
}

// parseDay returns the first day a date covers, or noDay.
func parseDay(s string) day {
	d, _, _ := parseSpan(s)
	return d
}

// AddDays returns the date (YYYY-MM-DD) n days after date, or date itself
// when it does not parse.
func AddDays(date string, n int) string {
	d := parseDay(date)
	if d == noDay {
		return date
	}
	return (d + day(n)).String()
}
