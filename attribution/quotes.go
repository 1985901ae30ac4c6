package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
)

// findQuotes returns the quotations of text, each with its marks, in
// order. Curly, guillemet and low-9 quotes pair by kind; straight double
// quotes pair in turn, and a straight or curly single quote opens only
// before a word and after a space. A quotation left open at the end of a
// paragraph runs on when the next paragraph opens with a quotation mark
// (the multi-paragraph convention), and otherwise ends there.
func findQuotes(text string) []doc.Span {
	var out []doc.Span
	open := -1
	var closer rune
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case open >= 0 && (r == closer || (closer == '"' && r == '”') || (closer == '”' && r == '"')):
			if (closer == '’' || closer == '\'') && !closesSingle(text, i, n) {
				break
			}
			out = append(out, doc.Span{Start: open, End: i + n})
			open = -1
		case open >= 0 && r == '\n' && strings.HasPrefix(text[i+n:], "\n"):
			// A paragraph break inside an open quotation.
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if j < len(text) && isOpener(r2) {
				i = j + n2 // the quotation runs on
				continue
			}
			out = append(out, doc.Span{Start: open, End: i})
			open = -1
		case open < 0:
			switch r {
			case '“':
				open, closer = i, '”'
			case '«':
				open, closer = i, '»'
			case '„':
				open, closer = i, '“'
			case '"':
				open, closer = i, '"'
			case '‘', '\'':
				if opensSingle(text, i, n) {
					open, closer = i, '’'
					if r == '\'' {
						closer = '\''
					}
				}
			}
		}
		i += n
	}
	if open >= 0 {
		out = append(out, doc.Span{Start: open, End: len(text)})
	}
	// „…“ closes with “, which may also open: the pairing above handles it
	// because an open quotation is checked first.
	return out
}

func isOpener(r rune) bool {
	switch r {
	case '“', '«', '„', '"', '‘':
		return true
	}
	return false
}

// opensSingle reports whether the single quote at text[i:i+n] opens a
// quotation: after a space or line start and before a letter.
func opensSingle(text string, i, n int) bool {
	if i > 0 {
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(p) && p != '(' {
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsLetter(next) || unicode.IsDigit(next)
}

// closesSingle reports whether the single quote at text[i:i+n] closes a
// quotation rather than being an apostrophe ("Tajikistan’s").
func closesSingle(text string, i, n int) bool {
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	return !(unicode.IsLetter(next) || unicode.IsDigit(next))
}

// paragraphStarts returns the byte offsets where paragraphs start: 0 and
// after every blank line.
func paragraphStarts(text string) []int {
	out := []int{0}
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], "\n")
		if k < 0 {
			break
		}
		i += k + 1
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			for j < len(text) && unicode.IsSpace(rune(text[j])) {
				j++
			}
			out = append(out, j)
			i = j
		}
	}
	return out
}
