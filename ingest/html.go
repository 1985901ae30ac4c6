package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/parallaxnews/parallax/doc"
)

// errNoArticle is returned for an HTML page without article text.
var errNoArticle = errors.New("no article text found in the HTML page")

// errTruncatedHTML is returned, after the document, for a page that ends
// before its closing tags.
var errTruncatedHTML = errors.New("the HTML page is cut short (it ends before </body> and </html>): its text may be incomplete")

// minArticleRunes is the length below which trafilatura's extraction is
// checked against readability's.
const minArticleRunes = 250

// FromHTML makes a document of an HTML page: the main content is extracted
// with trafilatura (boilerplate such as menus, footers and comments left
// out), falling back to readability when trafilatura finds little; title,
// publication date, site name, canonical URL and language come from the
// page's metadata. contentType is the HTTP Content-Type, if any, and
// pageURL the address the page was read from, if any.
//
// The bytes are decoded by their declared charset (HTTP header or meta
// tag) unless they are valid UTF-8; undeclared legacy bytes are guessed as
// for plain text. A page cut short still gives its document, together with
// an error saying so.
func FromHTML(data []byte, contentType, pageURL string) (doc.Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return doc.Document{}, ErrEmpty
	}
	text, err := decodeHTML(data, contentType)
	if err != nil {
		return doc.Document{}, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return doc.Document{}, fmt.Errorf("cannot parse HTML: %w", err)
	}
	separateBlocks(root)
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	d := doc.Document{URL: pageURL, Lang: normalizeLang(htmlLang(root))}
	opts := trafilatura.Options{
		OriginalURL:     base,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	res, terr := trafilatura.ExtractDocument(root, opts)
	var body string
	if terr == nil && res != nil {
		body = nodeText(res.ContentNode)
		if body == "" {
			body = tidyText(res.ContentText)
		}
		m := res.Metadata
		d.Title = strings.TrimSpace(m.Title)
		d.Outlet = strings.TrimSpace(m.Sitename)
		if m.URL != "" {
			d.URL = m.URL
		}
		if !m.Date.IsZero() && m.Date.Year() > 1900 && m.Date.Before(time.Now().AddDate(0, 0, 2)) {
			d.Published = m.Date.Format(time.DateOnly)
		}
		if d.Lang == "" {
			d.Lang = normalizeLang(m.Language)
		}
	}
	if runeCount(body) < minArticleRunes {
		if art, rerr := readability.FromDocument(root, base); rerr == nil && art.Node != nil {
			alt := nodeText(art.Node)
			// Readability leaves the headline out, where trafilatura's
			// fallback for a short page keeps it but runs the page's
			// paragraphs into one: the headline goes before readability's
			// paragraphs, which win when they hold as much text.
			for _, t := range []string{d.Title, strings.TrimSpace(art.Title())} {
				if t != "" && alt != "" && strings.HasPrefix(body, t) && !strings.HasPrefix(alt, t) {
					alt = t + "\n\n" + alt
					break
				}
			}
			if letters(alt) >= letters(body) && alt != "" {
				body = alt
			}
			if d.Title == "" {
				d.Title = strings.TrimSpace(art.Title())
			}
			if d.Outlet == "" {
				d.Outlet = strings.TrimSpace(art.SiteName())
			}
			if d.Published == "" {
				if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
					d.Published = t.Format(time.DateOnly)
				}
			}
		}
	}
	if strings.TrimSpace(body) == "" {
		return doc.Document{}, errNoArticle
	}
	d.Text = body
	Complete(&d)
	if truncatedHTML(data) {
		return d, errTruncatedHTML
	}
	return d, nil
}

// decodeHTML returns the page as UTF-8: valid UTF-8 as it is, otherwise by
// the charset of the Content-Type or of a meta tag, otherwise guessed.
func decodeHTML(data []byte, contentType string) (string, error) {
	if utf16BOM(data) == nil && looksBinary(data[:min(len(data), 8192)]) {
		return "", ErrBinary
	}
	declared := charsetParam(contentType)
	if declared == "" {
		// DetermineEncoding falls back to windows-1252 when nothing is
		// declared; that case is left to the guess.
		if _, name, _ := charset.DetermineEncoding(data[:min(len(data), 1024)], "text/html"); name != "windows-1252" {
			declared = name
		}
	}
	s, _, err := decodeText(data, declared)
	return s, err
}

// htmlLang returns the lang attribute of the page's html element.
func htmlLang(root *html.Node) string {
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.Data == "html" {
			for _, a := range n.Attr {
				if a.Key == "lang" || a.Key == "xml:lang" {
					return a.Val
				}
			}
		}
	}
	return ""
}

// truncatedHTML reports whether a page that opens an html or body element
// ends before closing either.
func truncatedHTML(data []byte) bool {
	opened := indexFold(data, "<html") >= 0 || indexFold(data, "<body") >= 0
	return opened && indexFold(data, "</html") < 0 && indexFold(data, "</body") < 0
}

// indexFold returns the first position of the ASCII string sub in s,
// ignoring case, or -1.
func indexFold(s []byte, sub string) int {
	for i := 0; i+len(sub) <= len(s); {
		j := bytes.IndexByte(s[i:], sub[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sub) <= len(s) && bytes.EqualFold(s[i:i+len(sub)], []byte(sub)) {
			return i
		}
		i++
	}
	return -1
}

// tidyText trims each line of extracted text and keeps at most one blank
// line between paragraphs.
func tidyText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

// letters returns the number of runes of s that are not white space.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// separateBlocks puts a line break between a block element and the text
// or element beside it where the markup has no white space between them:
// extractors that fall back to joining a page's text would otherwise run
// a minified page's headline and paragraphs together ("Toll rises to
// 59BISHKEK, Sept 19 - …").
func separateBlocks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c.Data) {
			if p := c.PrevSibling; p != nil && !endsWithSpace(p) {
				n.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, c)
			}
			if x := c.NextSibling; x != nil && !startsWithSpace(x) {
				n.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, x)
			}
		}
		separateBlocks(c)
	}
}

func endsWithSpace(n *html.Node) bool {
	return n.Type == html.TextNode && strings.TrimRight(n.Data, " \t\r\n") != n.Data
}

func startsWithSpace(n *html.Node) bool {
	return n.Type == html.TextNode && strings.TrimLeft(n.Data, " \t\r\n") != n.Data
}

// nodeText returns the text of an HTML tree as htmlToText does for markup.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	appendNodeText(&b, n)
	return tidyText(b.String())
}

func appendNodeText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(collapseSpaces(n.Data, false))
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template":
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.Data)
	if block {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendNodeText(b, c)
	}
	if block {
		b.WriteByte('\n')
	}
}
