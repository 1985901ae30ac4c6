package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark of the text.
type Token struct {
	Start, End int
}

// AppendTokens appends the tokens of text[start:end] to dst and returns it.
// Words keep inner apostrophes and hyphens ("Kok-Tash", "Tajikistan’s"),
// numbers keep inner separators ("2,000", "1.5", "142 000" is two tokens);
// every other non-space rune is a token of its own.
func AppendTokens(dst []Token, text string, start, end int) []Token {
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case isSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if unicode.IsLetter(r2) || unicode.IsNumber(r2) || unicode.IsMark(r2) {
					j += n2
					continue
				}
				if isJoiner(r2) && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2 : end])
					prev, _ := utf8.DecodeLastRuneInString(text[i:j])
					if joins(r2, prev, r3) {
						j += n2
						continue
					}
				}
				break
			}
			dst = append(dst, Token{i, j})
			i = j
		default:
			dst = append(dst, Token{i, i + n})
			i += n
		}
	}
	return dst
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '.', ',':
		return true
	}
	return false
}

// joins reports whether joiner r between prev and next keeps one token:
// apostrophes and hyphens inside words, periods and commas inside numbers.
func joins(r, prev, next rune) bool {
	switch r {
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	default:
		return (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next))
	}
}

// Lower returns s in lower case with ’ as ', the form lexicons are looked
// up in, without allocating when s already is.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.Map(func(r rune) rune {
				if r == '’' {
					return '\''
				}
				return unicode.ToLower(r)
			}, s)
		}
	}
	return s
}
