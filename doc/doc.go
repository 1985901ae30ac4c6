// Package doc holds the domain types of Parallax: the Document that is read
// from a source and the Analysis that every pipeline stage adds a layer to.
//
// The JSON encoding of Analysis is the output contract of
// `parallax analyze --json`: field names are stable; fields may be added,
// never renamed. Every span is a pair of byte offsets into the UTF-8 text
// of the document, half-open [Start, End).
package doc

// Document is one article as read from a source, before analysis.
type Document struct {
	// ID identifies the document: given by the input (JSON lines) or derived
	// from its content hash.
	ID string `json:"id"`
	// Source is where the document was read from: a path, a URL, "-" for
	// standard input, or "path#n" for the n-th record of a container.
	Source string `json:"source,omitempty"`
	// Outlet is the publication, site or agency that published it.
	Outlet string `json:"outlet,omitempty"`
	// URL is the document's canonical address, when known.
	URL string `json:"url,omitempty"`
	// Published is the publication date, YYYY-MM-DD, when known.
	Published string `json:"published,omitempty"`
	// Lang is the ISO 639-1 code of the text's language ("en", "ru"), when known.
	Lang string `json:"lang,omitempty"`
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// Text is the article body in UTF-8: every offset in an Analysis points
	// into it.
	Text string `json:"text,omitempty"`
}

// Span is a half-open byte range [Start, End) of a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Mention is a span together with the text it covers.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the mention's byte range.
func (m Mention) Span() Span { return Span{m.Start, m.End} }

// MentionOf returns the mention of text[s.Start:s.End].
func MentionOf(text string, s Span) Mention {
	return Mention{Start: s.Start, End: s.End, Text: text[s.Start:s.End]}
}
