package web

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// mark is one highlighted span of the article text: a layer's item, keyed
// so that every fragment of it and its detail panel share the key.
type mark struct {
	Start, End int
	Layer      string // css layer: entity, time, quantity, source, cue, content, claim, rhetoric
	Key        string // detail key, e.g. "c3"
	Class      string // extra css class (side, technique), already safe
	Title      string // plain-text summary for the title attribute
	ID         string // element id of the mark's first fragment, if any
}

// highlight writes text as HTML with every mark wrapped in <mark> elements.
// Marks may overlap or nest: a mark that ends while an inner one is still
// open closes the inner one and opens it again after, so the elements nest
// properly and each fragment carries its mark's key. Spans are clamped to
// the text and widened to whole UTF-8 characters; empty spans are dropped.
// Every byte of text is escaped.
func highlight(b *strings.Builder, text string, marks []mark) {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD") // offsets then approximate; stored text is valid
	}
	ms := make([]mark, 0, len(marks))
	for _, m := range marks {
		m.Start, m.End = max(m.Start, 0), min(m.End, len(text))
		for m.Start > 0 && m.Start < len(text) && !utf8.RuneStart(text[m.Start]) {
			m.Start--
		}
		for m.End < len(text) && m.End > 0 && !utf8.RuneStart(text[m.End]) {
			m.End++
		}
		if m.Start < m.End {
			ms = append(ms, m)
		}
	}
	// Outer marks first: by start, then longest first.
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	// Boundaries where something opens or closes, in order.
	bounds := make([]int, 0, 2*len(ms)+2)
	bounds = append(bounds, 0, len(text))
	for _, m := range ms {
		bounds = append(bounds, m.Start, m.End)
	}
	sort.Ints(bounds)
	b.Grow(len(text) + len(ms)*96)
	var stack []int // indexes into ms of the open marks, outermost first
	var reopen []int
	next := 0 // next mark of ms to open
	last := 0
	for i, p := range bounds {
		if i > 0 && p == bounds[i-1] {
			continue
		}
		escapeText(b, text[last:p])
		last = p
		// Close the marks ending here, and what is open inside them.
		ending := 0
		for _, k := range stack {
			if ms[k].End == p {
				ending++
			}
		}
		reopen = reopen[:0]
		for ending > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			b.WriteString("</mark>")
			if ms[k].End == p {
				ending--
			} else {
				reopen = append(reopen, k)
			}
		}
		for j := len(reopen) - 1; j >= 0; j-- {
			k := reopen[j]
			openMark(b, &ms[k], false)
			stack = append(stack, k)
		}
		for next < len(ms) && ms[next].Start == p {
			openMark(b, &ms[next], true)
			stack = append(stack, next)
			next++
		}
	}
	for range stack {
		b.WriteString("</mark>")
	}
}

func openMark(b *strings.Builder, m *mark, first bool) {
	b.WriteString(`<mark `)
	if first && m.ID != "" {
		b.WriteString(`id="`)
		escapeText(b, m.ID)
		b.WriteString(`" `)
	}
	b.WriteString(`class="hl l-`)
	b.WriteString(m.Layer)
	if m.Class != "" {
		b.WriteByte(' ')
		escapeText(b, m.Class)
	}
	b.WriteString(`" data-ann="`)
	escapeText(b, m.Key)
	b.WriteByte('"')
	if m.Title != "" {
		b.WriteString(` title="`)
		escapeText(b, m.Title)
		b.WriteByte('"')
	}
	b.WriteByte('>')
}

// escapeText writes s escaped for HTML text and quoted attribute values.
func escapeText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case 0:
			esc = "\uFFFD"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
