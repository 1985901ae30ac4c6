package timex

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data
var dataFS embed.FS

// Kinds of words.
const (
	wNone = iota
	wMonth
	wWeekday
	wSeason
	wUnit
	wWeekend
	wNumber
	wOrdinal
	wSuffix
	wOffset
	wShift
	wPart
	wAgo
	wFrom
	wBetween
	wSince
	wBefore
	wAfter
	wTo
	wAnd
	wOf
	wThe
	wOn
	wIn
	wOver
	wHalf
	wNoughties
	wPlural
	wCount
	wNow     // "now": a range end only
	wRest    // "rest" of the week
	wHoliday // the first word of a holiday's name
	wStart   // "starting", "beginning", "commencing"
)

var kinds = map[string]uint8{
	"month": wMonth, "weekday": wWeekday, "season": wSeason, "unit": wUnit, "weekend": wWeekend,
	"number": wNumber, "ordinal": wOrdinal, "suffix": wSuffix, "offset": wOffset, "shift": wShift,
	"part": wPart, "ago": wAgo, "from": wFrom, "between": wBetween, "since": wSince, "before": wBefore,
	"after": wAfter, "to": wTo, "and": wAnd, "of": wOf, "the": wThe, "on": wOn, "in": wIn, "over": wOver,
	"half": wHalf, "noughties": wNoughties, "plural": wPlural, "count": wCount,
	"now": wNow, "rest": wRest, "starting": wStart,
}

// Parts of a period ("early", "the end of").
const (
	partEarly = 1 + iota
	partBeginning
	partMid
	partLate
	partEnd
	partEarlier
	partLater
)

type word struct {
	kind    uint8
	holiday bool // the first word of a holiday's name
	val     int
}

// lexicon holds the words of one language.
type lexicon struct {
	ids   map[string]int32
	words []word // by id
	// seen has the bit of every word's hash set, so that most words of a
	// text are known to be absent without a map look-up.
	seen [1 << 10]uint64
	// holidays by the id of the first word of their names.
	holidays map[int32][]holiday
}

func wordHash(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

func loadLexicon(lang string) (*lexicon, error) {
	b, err := dataFS.ReadFile("data/" + lang + "/words.txt")
	if err != nil {
		return nil, fmt.Errorf("reading %s time words: %w", lang, err)
	}
	l := &lexicon{ids: map[string]int32{}, words: []word{{}}}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("words.txt: bad line %q", line)
		}
		k, ok := kinds[f[1]]
		if !ok {
			return nil, fmt.Errorf("words.txt: unknown kind in %q", line)
		}
		v, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("words.txt: line %q: %w", line, err)
		}
		if _, dup := l.ids[f[0]]; dup {
			return nil, fmt.Errorf("words.txt: %q twice", f[0])
		}
		l.ids[f[0]] = int32(len(l.words))
		l.words = append(l.words, word{kind: k, val: v})
		h := uint32(2166136261)
		for i := 0; i < len(f[0]); i++ {
			h = wordHash(h, f[0][i])
		}
		l.seen[h>>16&(1<<10-1)] |= 1 << (h & 63)
	}
	if err := l.loadHolidays(lang); err != nil {
		return nil, err
	}
	return l, nil
}

// addWord adds w (lower case) with kind k unless it is known, and returns
// its id.
func (l *lexicon) addWord(w string, k uint8) int32 {
	if id, ok := l.ids[w]; ok {
		return id
	}
	id := int32(len(l.words))
	l.ids[w] = id
	l.words = append(l.words, word{kind: k})
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = wordHash(h, w[i])
	}
	l.seen[h>>16&(1<<10-1)] |= 1 << (h & 63)
	return id
}

func (l *lexicon) loadHolidays(lang string) error {
	b, err := dataFS.ReadFile("data/" + lang + "/holidays.txt")
	if err != nil {
		return fmt.Errorf("reading %s holidays: %w", lang, err)
	}
	l.holidays = map[int32][]holiday{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		h, err := l.parseHoliday(line)
		if err != nil {
			return err
		}
		id := l.addWord(h.words[0], wHoliday)
		l.holidays[id] = append(l.holidays[id], h)
		l.words[id].holiday = true
	}
	return nil
}

// lookup returns the id of s lower-cased, without allocating for ASCII.
func (l *lexicon) lookup(s string) int32 {
	var buf [32]byte
	if len(s) > len(buf) {
		return 0
	}
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return l.ids[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = wordHash(h, c)
	}
	if l.seen[h>>16&(1<<10-1)]&(1<<(h&63)) == 0 {
		return 0
	}
	return l.ids[string(buf[:len(s)])]
}

// Token kinds.
const (
	tWord = iota
	tNum
	tPunct
)

type token struct {
	start, end int
	val        int // numbers: value (digit runs only)
	id         int32
	kind       uint8
	ndig       uint8 // numbers: count of digits
	space      bool  // white space before
	upper      bool  // a word with an upper-case first letter
}

// scan appends the tokens of text to dst: words (letters, then letters or
// digits), digit runs, and single marks.
func (l *lexicon) scan(dst []token, text string) []token {
	space := true
	newlines := 0 // in the white space before the next token
	for i := 0; i < len(text); {
		c := text[i]
		if newlines >= 2 && c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			// A blank line ends every expression: an empty mark between
			// paragraphs ("… rose to 31.\n\nSeptember 16: …").
			dst = append(dst, token{start: i, end: i, kind: tPunct, space: true})
		}
		if c == '\n' {
			newlines++
		} else if c != ' ' && c != '\t' && c != '\r' {
			newlines = 0
		}
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
			i++
			continue
		case '0' <= c && c <= '9':
			j, v := i, 0
			for j < len(text) && '0' <= text[j] && text[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			dst = append(dst, token{start: i, end: j, kind: tNum, val: v, ndig: uint8(min(j-i, 255)), space: space})
			i = j
		case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
			j := i + 1
			for j < len(text) && (('a' <= text[j] && text[j] <= 'z') || ('A' <= text[j] && text[j] <= 'Z') || ('0' <= text[j] && text[j] <= '9')) {
				j++
			}
			if j < len(text) && text[j] >= utf8.RuneSelf {
				j = wordEnd(text, j)
			}
			// "Oct2", "October2": a month glued to its day.
			if d := digitsFrom(text, i, j); d > i {
				if id := l.lookup(text[i:d]); id != 0 && l.words[id].kind == wMonth && j-d <= 2 {
					dst = append(dst, token{start: i, end: d, kind: tWord, id: id, space: space, upper: c <= 'Z'})
					i, space = d, false
					continue
				}
			}
			dst = append(dst, token{start: i, end: j, kind: tWord, id: l.lookup(text[i:j]), space: space, upper: c <= 'Z'})
			i = j
		case c < utf8.RuneSelf:
			dst = append(dst, token{start: i, end: i + 1, kind: tPunct, space: space})
			i++
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += n
				continue
			}
			if unicode.IsLetter(r) {
				j := wordEnd(text, i)
				dst = append(dst, token{start: i, end: j, kind: tWord, id: l.lookup(text[i:j]), space: space, upper: unicode.IsUpper(r)})
				i = j
			} else {
				dst = append(dst, token{start: i, end: i + n, kind: tPunct, space: space})
				i += n
			}
		}
		space = false
	}
	return dst
}

// digitsFrom returns where the trailing digits of the word text[i:j]
// start when they are all its tail after letters, or i.
func digitsFrom(text string, i, j int) int {
	d := j
	for d > i && '0' <= text[d-1] && text[d-1] <= '9' {
		d--
	}
	if d == j || d == i {
		return i
	}
	for k := i; k < d; k++ {
		if c := text[k] | 0x20; c < 'a' || c > 'z' {
			return i
		}
	}
	return d
}

func wordEnd(text string, j int) int {
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			break
		}
		j += n
	}
	return j
}
