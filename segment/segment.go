// Package segment splits a document's text into sentences and tokens.
//
// Sentence boundaries survive news abbreviations ("Oct. 6", "Gen. Shokh",
// "the U.S."), initials ("J. R. Smith"), decimals and quotes; a paragraph
// break always ends a sentence. Spans are byte offsets, half-open.
package segment

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
)

//go:embed abbreviations.txt
var abbreviationsData string

//go:embed openers.txt
var openersData string

// Segmenter finds sentence boundaries. It is safe for concurrent use.
type Segmenter struct {
	// abbrev maps a lower-cased abbreviation (without its final period) to
	// true when it can never end a sentence (titles before a name).
	abbrev  map[string]bool
	openers map[string]bool
	// continuers are lower-case words that never end a sentence or a
	// headline ("the", "of"): a line break after one is a hard wrap.
	continuers map[string]bool
}

// continuersData lists the words after which a line break is a hard wrap.
const continuersData = "a an the of in on at to for from by with and or but nor as that than into onto about over under between against during"

// New returns a Segmenter with the embedded English abbreviations.
func New() *Segmenter {
	s := &Segmenter{abbrev: map[string]bool{}, openers: map[string]bool{}, continuers: map[string]bool{}}
	for _, w := range strings.Fields(continuersData) {
		s.continuers[w] = true
	}
	for _, line := range dataLines(abbreviationsData) {
		word, never := strings.CutSuffix(line, " !")
		s.abbrev[strings.ToLower(strings.TrimSpace(word))] = never
	}
	for _, line := range dataLines(openersData) {
		s.openers[line] = true
	}
	return s
}

// AddAbbreviation registers an extra abbreviation (without its final
// period); never says that it can never end a sentence.
func (s *Segmenter) AddAbbreviation(word string, never bool) {
	s.abbrev[strings.ToLower(word)] = never
}

func dataLines(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, line)
	}
	return out
}

// Sentences returns the sentences of text in order, each trimmed of
// surrounding white space. Text between sentences is only white space.
func (s *Segmenter) Sentences(text string) []doc.Span {
	return s.AppendSentences(nil, text)
}

// AppendSentences appends the sentences of text to dst and returns it.
func (s *Segmenter) AppendSentences(dst []doc.Span, text string) []doc.Span {
	start := -1 // start of the current sentence, -1 between sentences
	emit := func(end int) {
		if start < 0 {
			return
		}
		for end > start {
			r, n := utf8.DecodeLastRuneInString(text[start:end])
			if !isSpace(r) {
				break
			}
			end -= n
		}
		if end > start {
			dst = append(dst, doc.Span{Start: start, End: end})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if start < 0 {
			if !isSpace(r) {
				start = i
			}
			i += n
			continue
		}
		switch {
		case r == '\n' || r == '\r' || r == '\u2029':
			if s.lineBreakEnds(text, start, i) {
				emit(i)
			}
			i += n
		case r == '.' || r == '!' || r == '?' || r == '…':
			// Take the whole run of terminal punctuation and closing marks.
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || isCloser(r2) {
					j += n2
					continue
				}
				break
			}
			if j < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[j:])
				if !isSpace(r2) {
					i = j
					continue
				}
			}
			if s.endsSentence(text, start, i, j) {
				emit(j)
			}
			i = j
		case r == '—' || r == '–' || r == '-':
			if datelineEnds(text, start, i, n) {
				emit(i + n)
			}
			i += n
		default:
			i += n
		}
	}
	emit(len(text))
	return dst
}

// datelineEnds reports whether the dash at text[i:i+n] closes a dateline
// that opens the line of the sentence begun at start ("VIENNA, 18
// September 2022 —", "DUSHANBE/BISHKEK, Sept 19 (Reuters) -", "Bishkek, 19
// September (AKIpress) –"): where and when a report was filed, which is no
// part of its first sentence. The dash stands between spaces within 80
// bytes of the line's start, and the words before it are a place in
// capitals, or end with the credit of an outlet in parentheses.
func datelineEnds(text string, start, i, n int) bool {
	if i-start > 80 || i == start || text[i-1] != ' ' || i+n >= len(text) || !isSpace(rune(text[i+n])) {
		return false
	}
	if start > 0 && text[start-1] != '\n' {
		return false
	}
	head := strings.TrimSpace(text[start:i])
	if strings.ContainsAny(head, "\n!?\"“”«»") && !strings.HasSuffix(head, ")") {
		return false
	}
	if strings.HasSuffix(head, ")") && strings.Contains(head, "(") {
		return true
	}
	first, _, _ := strings.Cut(head, ",")
	first = strings.TrimSpace(first)
	letters := 0
	for _, r := range first {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		case r == '/' || r == ' ' || r == '-' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 3
}

// lineBreakEnds reports whether the line break at i ends the sentence that
// began at start: a blank line always does; a single break does unless the
// next line carries on in lower case or the line before ends mid-phrase.
func (s *Segmenter) lineBreakEnds(text string, start, i int) bool {
	j := i
	breaks := 0
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if r == '\n' || r == '\u2029' {
			breaks++
		} else if !isSpace(r) {
			break
		}
		j += n
	}
	if breaks >= 2 || j >= len(text) {
		return true
	}
	line := strings.TrimRightFunc(text[start:i], unicode.IsSpace)
	prev, n := utf8.DecodeLastRuneInString(line)
	switch prev {
	case '-', '–', '(':
		return false
	case ',':
		// A wrapped line ends in a comma after a word; ".," is a sentence
		// that ended with a stray comma.
		before, _ := utf8.DecodeLastRuneInString(line[:len(line)-n])
		if unicode.IsLetter(before) || unicode.IsDigit(before) {
			return false
		}
	}
	if s.continuers[lastWord(line)] {
		return false // "the talks in\nSamarkand": a wrapped line
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	return !unicode.IsLower(next)
}

// endsSentence decides whether the run of terminal punctuation and closing
// marks text[i:j], followed by space or the end of text, ends the sentence
// that began at start.
func (s *Segmenter) endsSentence(text string, start, i, j int) bool {
	next, nextWord := nextWord(text, j)
	if next == 0 {
		return true // end of text
	}
	// A sentence never goes on in lower case or with closing punctuation.
	if unicode.IsLower(next) || next == ',' || next == ';' || next == ':' || next == ')' {
		return false
	}
	if text[i:j] != "." {
		return true // '!', '?', '…', "...", or a closing quote after the period
	}
	word := wordBefore(text, start, i)
	if word == "" {
		return true
	}
	lw := strings.ToLower(word)
	if never, ok := s.abbrev[lw]; ok {
		if never {
			return false
		}
		if unicode.IsDigit(next) {
			return false // "Oct. 6", "Inc. 500"
		}
		return s.openers[nextWord]
	}
	// An initial: one capital letter ("J. Smith", "U. S.").
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return s.openers[nextWord]
	}
	// Dotted initialisms not in the list ("N.A.T.O.").
	if strings.Contains(word, ".") && isInitialism(word) {
		return s.openers[nextWord]
	}
	return true
}

// wordBefore returns the word that ends at i, including inner periods
// ("U.S", "e.g"), not looking before start.
func wordBefore(text string, start, i int) string {
	k := i
	for k > start {
		r, n := utf8.DecodeLastRuneInString(text[start:k])
		if unicode.IsLetter(r) || r == '.' || unicode.IsDigit(r) {
			k -= n
			continue
		}
		break
	}
	return strings.TrimLeft(text[k:i], ".")
}

// nextWord returns the first rune after the white space at j and the word
// it begins, skipping opening quotes and brackets before the word.
func nextWord(text string, j int) (rune, string) {
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isSpace(r) {
			break
		}
		j += n
	}
	if j >= len(text) {
		return 0, ""
	}
	first, _ := utf8.DecodeRuneInString(text[j:])
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if k == j && isOpener(r) {
			j += n
			k += n
			continue
		}
		if !unicode.IsLetter(r) {
			break
		}
		k += n
	}
	return first, text[j:k]
}

// lastWord returns the trailing run of letters of s.
func lastWord(s string) string {
	k := len(s)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	return s[k:]
}

func isInitialism(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '„', '‹':
		return true
	}
	return false
}

// OpensSentence reports whether the word at byte start of text opens a
// sentence: only spaces and quotation marks stand before it since the
// start of the text or of a line, or a full stop, question or exclamation
// mark.
func OpensSentence(text string, start int) bool {
	p := strings.TrimRight(text[:start], " \t\"“”«»’)")
	return p == "" || strings.HasSuffix(p, "\n") || strings.HasSuffix(p, ".") || strings.HasSuffix(p, "?") || strings.HasSuffix(p, "!")
}
