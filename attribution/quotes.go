package attribution

import (
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/attribution/internal/tagger"
	"github.com/parallaxnews/parallax/doc"
)

// findQuotes returns the quotations of text, each with its marks, in
// order (see tagger.Quotes).
func findQuotes(text string) []doc.Span { return tagger.Quotes(text) }

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
