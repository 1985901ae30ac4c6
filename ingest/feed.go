package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/parallaxnews/parallax/doc"
)

// errNoItemText is reported for a feed item with neither content nor
// description.
var errNoItemText = errors.New("feed item has no text (no content or description)")

// readFeed reads an RSS, Atom or JSON feed: every item becomes a document
// named "name#n" (n counting items from 1), with the item's date and link
// and the feed's title as outlet. A feed damaged part way still gives the
// items before the damage, then an error.
func (r *Reader) readFeed(ctx context.Context, name string, data []byte, fn func(doc.Document, error) error) error {
	feed, perr := gofeed.NewParser().Parse(bytes.NewReader(data))
	if perr != nil {
		// Retry up to the last complete item, so the items before the
		// damage come through.
		if fixed := repairFeed(data); fixed != nil {
			if f, err := gofeed.NewParser().Parse(bytes.NewReader(fixed)); err == nil && len(f.Items) > 0 {
				feed = f
			}
		}
		if feed == nil {
			return fn(doc.Document{}, &Error{Input: name, Err: fmt.Errorf("not a readable feed: %w", perr)})
		}
	}
	outlet := strings.TrimSpace(feed.Title)
	lang := normalizeLang(feed.Language)
	if lang == "" {
		lang = feedLanguage(feed.Items)
	}
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		input := fmt.Sprintf("%s#%d", name, i+1)
		d, err := feedItem(it, outlet, lang)
		if err != nil {
			err = &Error{Input: input, Err: err}
		} else {
			d.Source = input
		}
		if ferr := fn(d, err); ferr != nil {
			return ferr
		}
	}
	if perr != nil {
		return fn(doc.Document{}, &Error{Input: fmt.Sprintf("%s#%d", name, len(feed.Items)+1),
			Err: fmt.Errorf("the feed is cut short or damaged after item %d: %w", len(feed.Items), perr)})
	}
	return nil
}

// feedLanguage detects the language of a feed that does not declare one
// from the start of its first items: items of one feed share a language,
// and detecting it once keeps large feeds fast.
func feedLanguage(items []*gofeed.Item) string {
	var b strings.Builder
	for _, it := range items {
		if b.Len() >= langSample {
			break
		}
		b.WriteString(htmlToText(it.Title))
		b.WriteString(". ")
		b.WriteString(htmlToText(it.Content + " " + it.Description))
		b.WriteString("\n")
	}
	return DetectLanguage(b.String())
}

// feedItem makes a document of one feed item.
func feedItem(it *gofeed.Item, outlet, lang string) (doc.Document, error) {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	text := htmlToText(body)
	d := doc.Document{
		Title:  strings.TrimSpace(htmlToText(it.Title)),
		URL:    strings.TrimSpace(it.Link),
		Outlet: outlet,
		Lang:   lang,
	}
	if text == "" {
		return d, errNoItemText
	}
	d.Text = text
	switch {
	case it.PublishedParsed != nil:
		d.Published = it.PublishedParsed.Format(time.DateOnly)
	case it.UpdatedParsed != nil:
		d.Published = it.UpdatedParsed.Format(time.DateOnly)
	}
	Complete(&d)
	return d, nil
}

// repairFeed returns data cut after its last complete item or entry and
// closed as the feed's root requires, or nil when there is no such item.
func repairFeed(data []byte) []byte {
	end := -1
	for _, tag := range []string{"</item>", "</entry>"} {
		if i := bytes.LastIndex(data, []byte(tag)); i >= 0 && i+len(tag) > end {
			end = i + len(tag)
		}
	}
	if end < 0 {
		return nil
	}
	head := bytes.ToLower(data[:min(len(data), 2048)])
	var closer string
	switch {
	case bytes.Contains(head, []byte("<rdf:rdf")):
		closer = "</rdf:RDF>"
	case bytes.Contains(head, []byte("<rss")):
		closer = "</channel></rss>"
	case bytes.Contains(head, []byte("<feed")):
		closer = "</feed>"
	default:
		return nil
	}
	fixed := make([]byte, 0, end+len(closer))
	return append(append(fixed, data[:end]...), closer...)
}

// isBlock reports whether the HTML element name breaks a line of text.
func isBlock(name string) bool {
	switch name {
	case "p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
		"blockquote", "pre", "section", "article", "header", "footer", "figure", "figcaption",
		"table", "dd", "dt", "hr":
		return true
	}
	return false
}

// htmlToText returns the text of an HTML fragment such as a feed item's
// content: entities decoded, scripts and styles left out, one paragraph a
// line, runs of spaces collapsed. Text without markup comes through with
// only its spaces tidied.
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return tidyText(collapseSpaces(s, true))
	}
	var b strings.Builder
	b.Grow(len(s))
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyText(b.String())
		case html.TextToken:
			if skip == 0 {
				b.WriteString(collapseSpaces(string(z.Text()), false))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "noscript", "template":
				skip++
			default:
				if isBlock(string(name)) {
					b.WriteByte('\n')
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "noscript", "template":
				if skip > 0 {
					skip--
				}
			default:
				if isBlock(string(name)) {
					b.WriteByte('\n')
				}
			}
		}
	}
}

// collapseSpaces turns every run of white space into one space, keeping
// line breaks when lines is set.
func collapseSpaces(s string, lines bool) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r', '\f', '\v', '\u00a0':
			space = true
			continue
		case '\n':
			if !lines {
				space = true
				continue
			}
			b.WriteByte('\n')
			space = false
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
