package entity

import (
	"unicode"
	"unicode/utf8"
)

// Key returns the spelling-independent key of a name: lower case, Cyrillic
// transliterated, diacritics dropped, everything but letters and digits
// removed, and the usual variants of transliteration from Russian, Kyrgyz
// and Tajik folded together (zh/dzh/dj → j, kh → h, gh → g, q → k, y → i,
// doubled letters single). "Zhaparov", "Japarov" and "Dzhaparov" share a
// key, as do "Rahmon" and "Rakhmon", "Kök-Tash" and "Kok-Tash".
func Key(s string) string { return string(appendKey(nil, s)) }

// appendKey appends the key of s to dst.
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				dst = append(dst, byte(r))
			case r >= 'A' && r <= 'Z':
				dst = append(dst, byte(r)+'a'-'A')
			}
			continue
		}
		if t, ok := translit[unicode.ToLower(r)]; ok {
			dst = append(dst, t...)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return fold(dst, start)
}

// fold rewrites dst[start:] in place with the transliteration variants
// folded, and returns the shortened slice.
func fold(b []byte, start int) []byte {
	w := start
	at := func(i int) byte {
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	for i := start; i < len(b); {
		c := b[i]
		var out byte
		n := 1
		switch {
		case c == 'd' && at(i+1) == 'z' && at(i+2) == 'h':
			out, n = 'j', 3
		case c == 'd' && at(i+1) == 'j':
			out, n = 'j', 2
		case c == 'z' && at(i+1) == 'h':
			out, n = 'j', 2
		case c == 'k' && at(i+1) == 'h':
			out, n = 'h', 2
		case c == 'g' && at(i+1) == 'h':
			out, n = 'g', 2
		case c == 'c' && at(i+1) == 'k':
			out, n = 'k', 2
		case c == 'p' && at(i+1) == 'h':
			out, n = 'f', 2
		case c == 'q':
			out = 'k'
		case c == 'y':
			out = 'i'
		case c == 'w':
			out = 'v'
		default:
			out = c
		}
		i += n
		if w > start && b[w-1] == out && out >= 'a' && out <= 'z' {
			continue // doubled letter
		}
		b[w] = out
		w++
	}
	return b[:w]
}

var translit = map[rune]string{
	// Cyrillic (Russian, Kyrgyz, Tajik, Kazakh, Uzbek).
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y",
	'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'ҷ': "j", 'ғ': "gh", 'қ': "q", 'ҳ': "h", 'ӯ': "u", 'ӣ': "i",
	'ө': "o", 'ү': "u", 'ң': "ng", 'ә': "a", 'ұ': "u", 'і': "i", 'ў': "u", 'ї': "i", 'є': "e", 'ґ': "g",
	// Latin letters with diacritics.
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "ch", 'ć': "c", 'č': "ch", 'ĉ': "c", 'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ə': "a",
	'ğ': "g", 'ĝ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ķ': "k", 'ľ': "l", 'ł': "l", 'ĺ': "l", 'ñ': "n", 'ń': "n", 'ň': "n", 'ņ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'ŏ': "o",
	'ŕ': "r", 'ř': "r", 'ś': "s", 'š': "sh", 'ş': "sh", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u", 'ŭ': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "zh", 'æ': "ae", 'œ': "oe", 'þ': "th",
}

// editDistance returns the Levenshtein distance of a and b, or max+1 when it
// exceeds max.
func editDistance(a, b string, max int) int {
	if a == b {
		return 0
	}
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	var buf [2][32]int
	if len(b) >= 31 {
		if a == b {
			return 0
		}
		return max + 1
	}
	prev, cur := buf[0][:len(b)+1], buf[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// maxEdits is the number of edits two keys of this length may differ by and
// still name the same thing.
func maxEdits(n int) int {
	switch {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// deletions calls f with every key made by deleting one byte from k. The
// bytes passed to f are only valid during the call.
func deletions(k string, f func(d []byte)) {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(k); i++ {
		b = append(append(b[:0], k[:i]...), k[i+1:]...)
		f(b)
	}
}
