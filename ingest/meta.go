package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Headline returns the first line of text when it reads as a headline: a
// short line followed by more text. It returns "" otherwise.
func Headline(text string) string {
	text = strings.TrimLeft(text, " \t\r\n\ufeff")
	line, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 250 || len(strings.Fields(line)) > 30 {
		return ""
	}
	if Dateline(line) != "" && len(strings.Fields(line)) <= 4 {
		return "" // a bare dateline, not a headline
	}
	return line
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRE = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	mdyRE = regexp.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	dmyRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `,?\s+((?:19|20)\d\d)\b`)
	isoRE = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	dotRE = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b`)
)

// Dateline returns, as YYYY-MM-DD, the date of a dateline at the start of
// text (its first 160 bytes after a headline, where only the place it was
// filed from goes before the date) or on its last line, or "".
func Dateline(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	// The last line, when it is a line of its own and little more than a
	// date: "Oct. 6, 2022".
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		if last := strings.TrimSpace(text[i+1:]); len(last) <= 60 && len(strings.Fields(last)) <= 6 {
			if d := findDate(last); d != "" {
				return d
			}
		}
	}
	// The start: the first line, or the first line after a headline.
	head := text
	if h := Headline(text); h != "" {
		if d := findDate(h); d != "" && len(strings.Fields(h)) <= 6 {
			return d
		}
		head = strings.TrimSpace(text[strings.Index(text, h)+len(h):])
	}
	if len(head) > 160 {
		head = head[:160]
	}
	// A dateline's date opens the text or follows the place it was filed
	// from ("BISHKEK, September 19. /TASS/."); a date further on is what
	// the report is about ("The clashes of 28-29 April 2021 left …").
	d, at := findDateAt(head)
	if d == "" || !datelinePlace(head[:at]) {
		return ""
	}
	return d
}

// datelinePlace reports whether s, the text of a first line before its
// date, is empty or a place and a comma: capitalised words, possibly
// joined by slashes ("DUSHANBE/BISHKEK, ").
func datelinePlace(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	place, ok := strings.CutSuffix(s, ",")
	if !ok || place == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(place, func(r rune) bool { return r == ' ' || r == '/' }) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// findDate returns the first full date in s as YYYY-MM-DD, or "".
func findDate(s string) string {
	d, _ := findDateAt(s)
	return d
}

// findDateAt returns the first full date in s as YYYY-MM-DD and the byte
// where it starts, or "".
func findDateAt(s string) (string, int) {
	type match struct {
		at      int
		y, m, d int
	}
	var best *match
	try := func(at, y, m, d int) {
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return
		}
		if best == nil || at < best.at {
			best = &match{at, y, m, d}
		}
	}
	if g := mdyRE.FindStringSubmatchIndex(s); g != nil {
		try(g[0], atoi(s[g[6]:g[7]]), int(months[strings.ToLower(s[g[2]:g[3]])]), atoi(s[g[4]:g[5]]))
	}
	if g := dmyRE.FindStringSubmatchIndex(s); g != nil {
		try(g[0], atoi(s[g[6]:g[7]]), int(months[strings.ToLower(s[g[4]:g[5]])]), atoi(s[g[2]:g[3]]))
	}
	if g := isoRE.FindStringSubmatchIndex(s); g != nil {
		try(g[0], atoi(s[g[2]:g[3]]), atoi(s[g[4]:g[5]]), atoi(s[g[6]:g[7]]))
	}
	if g := dotRE.FindStringSubmatchIndex(s); g != nil {
		try(g[0], atoi(s[g[6]:g[7]]), atoi(s[g[4]:g[5]]), atoi(s[g[2]:g[3]]))
	}
	if best == nil {
		return "", 0
	}
	return time.Date(best.y, time.Month(best.m), best.d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), best.at
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
