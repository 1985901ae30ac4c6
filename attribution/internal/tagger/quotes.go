package tagger

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

// Quotes returns the quotations of text, each with its marks, in
// order. Curly, guillemet and low-9 quotes pair by kind; straight double
// quotes pair in turn, and a straight or curly single quote opens only
// before a word and after a space. A quotation left open at the end of a
// paragraph runs on when the next paragraph opens with a quotation mark
// (the multi-paragraph convention), and otherwise ends there.
func Quotes(text string) []doc.Span {
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

// Prepare fills s with the words toks of text, marking those inside the
// quotations quotes (sorted, as Quotes returns them) and the cues of lx.
// lows holds the words in lower case (as Lower gives them), or is nil.
func Prepare(s *Sentence, text string, toks []segment.Token, lows []string, quotes []doc.Span, lx *Lexicon) {
	s.Reset()
	if len(toks) == 0 {
		return
	}
	q := sort.Search(len(quotes), func(k int) bool { return quotes[k].End > toks[0].Start })
	for i, t := range toks {
		for q < len(quotes) && quotes[q].End <= t.Start {
			q++
		}
		in := q < len(quotes) && quotes[q].Start <= t.Start
		w := text[t.Start:t.End]
		low := ""
		if lows != nil {
			low = lows[i]
		} else {
			low = segment.Lower(w)
		}
		s.Add(w, low, in)
	}
	s.index()
	lx.Mark(s)
}

// Lexicon marks the words of a sentence that a listed phrase covers (the
// cue list, as a feature of the cue tagger).
type Lexicon struct {
	byFirst map[string][][]string // first word → phrases, longest first
}

// NewLexicon returns a lexicon of the phrases, tokenised as text is.
func NewLexicon(phrases []string) *Lexicon {
	l := &Lexicon{byFirst: map[string][][]string{}}
	var toks []segment.Token
	for _, p := range phrases {
		toks = segment.AppendTokens(toks[:0], p, 0, len(p))
		if len(toks) == 0 {
			continue
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = segment.Lower(p[t.Start:t.End])
		}
		l.byFirst[words[0]] = append(l.byFirst[words[0]], words)
	}
	for _, list := range l.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
	return l
}

// Mark records in s which words begin (1) or continue (2) a phrase.
func (l *Lexicon) Mark(s *Sentence) {
	n := len(s.Low)
	for i := 0; i < n; i++ {
		for _, ph := range l.byFirst[s.Low[i]] {
			if i+len(ph) > n || !equal(s.Low[i:i+len(ph)], ph) {
				continue
			}
			s.lex[i] = 1
			for k := 1; k < len(ph); k++ {
				s.lex[i+k] = 2
			}
			i += len(ph) - 1
			break
		}
	}
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
