package quantity

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  = iota // letters (and digits after a letter): "km2", "Kyrgyz"
	tNum          // digits with their separators: "142,000", "1.5", ".08"
	tPunct        // any other single mark: "-", "%", "$"
)

// token is a word, number or mark of the text.
type token struct {
	start, end int
	val        float64 // numbers: their value
	id         int32   // vocabulary id of the lower-cased word or mark; 0 when unknown
	kind       uint8
	space      bool // white space (or the start of the text) before it
	upper      bool // a word that starts with an upper-case letter
	bad        bool // a number whose separators make no figure ("1, 234" is fine, "22,24,26" is not)
	skip       bool // inside a time expression
	digits     uint8
}

// vocab maps lower-cased words and marks to ids.
type vocab struct {
	ids map[string]int32
	// seen has the bit of every word's hash set, so that most words of a
	// text are known to be absent without a map look-up.
	seen [1 << 10]uint64
}

func wordHash(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

func (v *vocab) add(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.ids) + 1)
	v.ids[w] = id
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = wordHash(h, w[i])
	}
	v.seen[h>>16&(1<<10-1)] |= 1 << (h & 63)
	return id
}

// lookup returns the id of s lower-cased, without allocating for ASCII.
func (v *vocab) lookup(s string) int32 {
	var buf [48]byte
	if len(s) > len(buf) {
		return v.ids[strings.ToLower(s)]
	}
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return v.ids[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = wordHash(h, c)
	}
	if v.seen[h>>16&(1<<10-1)]&(1<<(h&63)) == 0 {
		return 0
	}
	return v.ids[string(buf[:len(s)])]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || r == '²' || r == '³'
}

// groupSpace reports whether r may separate digit groups ("142 000").
func groupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// scan appends the tokens of text to dst.
func (v *vocab) scan(dst []token, text string) []token {
	space := true
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case isDigit(c) || (c == '.' && i+1 < len(text) && isDigit(text[i+1]) && (i == 0 || !isDigit(text[i-1]))):
				dst, i = v.scanNumber(dst, text, i, space)
				space = false
				continue
			case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
				j := v.wordEnd(text, i)
				dst = append(dst, token{start: i, end: j, kind: tWord, space: space, upper: c <= 'Z', id: v.lookup(text[i:j])})
				space = false
				i = j
				continue
			default:
				dst = append(dst, token{start: i, end: i + 1, kind: tPunct, space: space, id: v.ids[text[i:i+1]]})
				space = false
				i++
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
		case isWordRune(r):
			j := v.wordEnd(text, i)
			dst = append(dst, token{start: i, end: j, kind: tWord, space: space, upper: unicode.IsUpper(r), id: v.lookup(text[i:j])})
			space = false
			i = j
		case vulgar(r) != 0:
			// "½", "¾": a number of their own, or the fraction of the
			// digits just before ("2½").
			if k := len(dst) - 1; !space && k >= 0 && dst[k].kind == tNum && dst[k].end == i {
				dst[k].val += vulgar(r)
				dst[k].end = i + n
			} else {
				dst = append(dst, token{start: i, end: i + n, kind: tNum, space: space, val: vulgar(r), digits: 1})
			}
			space = false
			i += n
		case unicode.IsDigit(r):
			// Non-ASCII digits are rare in news; keep them as marks.
			dst = append(dst, token{start: i, end: i + n, kind: tPunct, space: space})
			space = false
			i += n
		default:
			dst = append(dst, token{start: i, end: i + n, kind: tPunct, space: space, id: v.ids[text[i:i+n]]})
			space = false
			i += n
		}
	}
	return dst
}

// wordEnd returns the end of the word starting at i: letters, marks, digits
// after the first letter, and apostrophes between letters.
func (v *vocab) wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || isDigit(c) {
				j++
				continue
			}
			if c == '\'' && j+1 < len(text) && isASCIILetter(text[j+1]) && j > i {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) || unicode.IsDigit(r) {
			j += n
			continue
		}
		if r == '’' && j+n < len(text) && isASCIILetter(text[j+n]) {
			j += n
			continue
		}
		break
	}
	return j
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// scanNumber appends the number starting at i (digits with inner "." and
// ","; an exponent; digit groups after a space) and returns the index after.
func (v *vocab) scanNumber(dst []token, text string, i int, space bool) ([]token, int) {
	j := i
	for j < len(text) {
		c := text[j]
		if isDigit(c) {
			j++
			continue
		}
		if (c == '.' || c == ',') && j+1 < len(text) && isDigit(text[j+1]) {
			j++
			continue
		}
		break
	}
	s := text[i:j]
	val, ok := numberValue(s)
	if !ok {
		// Separators that make no figure ("192.168.1.2", "22,24,26"):
		// each digit run is a number of its own.
		k := i
		for k < j {
			e := k
			for e < j && isDigit(text[e]) {
				e++
			}
			if e > k {
				x, _ := numberValue(text[k:e])
				dst = append(dst, token{start: k, end: e, kind: tNum, val: x, space: space && k == i, digits: uint8(min(e-k, 255)), bad: true})
			}
			if e < j {
				dst = append(dst, token{start: e, end: e + 1, kind: tPunct, id: v.ids[text[e:e+1]]})
			}
			k = e + 1
		}
		return dst, j
	}
	// Exponent: "1e10", "-12e-1".
	if j+1 < len(text) && (text[j] == 'e' || text[j] == 'E') {
		k := j + 1
		if k < len(text) && (text[k] == '-' || text[k] == '+') {
			k++
		}
		e := k
		for e < len(text) && isDigit(text[e]) {
			e++
		}
		if e > k && (e == len(text) || !isASCIILetter(text[e])) {
			exp, _ := numberValue(text[k:e])
			if text[j+1] == '-' {
				exp = -exp
			}
			val *= math.Pow(10, exp)
			j = e
		}
	}
	// Digit groups after a space: "142 000", "1 234 567.89".
	intDigits := 0
	for _, c := range []byte(s) {
		if !isDigit(c) {
			break
		}
		intDigits++
	}
	if intDigits == len(s) && intDigits <= 3 {
		for {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !groupSpace(r) {
				break
			}
			k := j + n
			e := k
			for e < len(text) && isDigit(text[e]) {
				e++
			}
			if e-k != 3 || (e < len(text) && (isASCIILetter(text[e]) || text[e] == ',')) {
				break
			}
			frac := e
			if e+1 < len(text) && text[e] == '.' && isDigit(text[e+1]) {
				frac = e + 1
				for frac < len(text) && isDigit(text[frac]) {
					frac++
				}
			}
			g, _ := numberValue(text[k:frac])
			val = val*1000 + g
			j = frac
			if frac != e {
				break
			}
		}
	}
	dst = append(dst, token{start: i, end: j, kind: tNum, val: val, space: space, digits: uint8(min(intDigits, 255))})
	return dst, j
}

// numberValue reads digits with thousands separators or a decimal mark:
// "142,000", "1,674,200.5", "12,34,567.89", "1.111,11", "1,3", "4.800".
// It reports false when the separators make no figure.
func numberValue(s string) (float64, bool) {
	var dots, commas, lastSep int
	lastSep = -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			dots++
			lastSep = i
		case ',':
			commas++
			lastSep = i
		}
	}
	if dots == 0 && commas == 0 {
		return digitsValue(s), true
	}
	var intPart, fracPart string
	var group byte
	switch {
	case dots > 0 && commas > 0:
		if s[lastSep] == '.' && dots == 1 {
			intPart, fracPart, group = s[:lastSep], s[lastSep+1:], ','
		} else if s[lastSep] == ',' && commas == 1 {
			intPart, fracPart, group = s[:lastSep], s[lastSep+1:], '.'
		} else {
			return 0, false
		}
	case commas == 1 && len(s)-lastSep-1 != 3:
		intPart, fracPart = s[:lastSep], s[lastSep+1:]
	case commas > 0:
		intPart, group = s, ','
	case dots == 1:
		intPart, fracPart = s[:lastSep], s[lastSep+1:]
	default:
		intPart, group = s, '.'
	}
	if group != 0 && !validGroups(intPart, group) {
		return 0, false
	}
	var v float64
	for i := 0; i < len(intPart); i++ {
		if isDigit(intPart[i]) {
			v = v*10 + float64(intPart[i]-'0')
		}
	}
	scale := 0.1
	for i := 0; i < len(fracPart); i++ {
		v += float64(fracPart[i]-'0') * scale
		scale /= 10
	}
	return v, true
}

// validGroups reports whether s groups its digits by thousands (or the
// Indian lakh grouping: "12,34,567").
func validGroups(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	last := len(parts) - 1
	three := true
	for _, p := range parts[1:] {
		if len(p) != 3 {
			three = false
		}
	}
	if three {
		return true
	}
	if len(parts[last]) != 3 || sep != ',' {
		return false
	}
	for _, p := range parts[1:last] {
		if len(p) != 2 {
			return false
		}
	}
	return len(parts[0]) <= 2
}

func digitsValue(s string) float64 {
	var v float64
	for i := 0; i < len(s); i++ {
		v = v*10 + float64(s[i]-'0')
	}
	return v
}

// vulgar returns the value of a vulgar fraction character, 0 for others.
func vulgar(r rune) float64 {
	switch r {
	case '½':
		return 1.0 / 2
	case '⅓':
		return 1.0 / 3
	case '⅔':
		return 2.0 / 3
	case '¼':
		return 1.0 / 4
	case '¾':
		return 3.0 / 4
	case '⅕':
		return 1.0 / 5
	case '⅖':
		return 2.0 / 5
	case '⅗':
		return 3.0 / 5
	case '⅘':
		return 4.0 / 5
	case '⅙':
		return 1.0 / 6
	case '⅚':
		return 5.0 / 6
	case '⅛':
		return 1.0 / 8
	case '⅜':
		return 3.0 / 8
	case '⅝':
		return 5.0 / 8
	case '⅞':
		return 7.0 / 8
	}
	return 0
}
