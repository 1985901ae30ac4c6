package web

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []mark
		want  string
	}{
		{"no marks", "a < b & c", nil, "a &lt; b &amp; c"},
		{"one mark", "hello world", []mark{{Start: 6, End: 11, Layer: "claim", Key: "c0"}},
			`hello <mark class="hl l-claim" data-ann="c0">world</mark>`},
		{"nested", "abcdef", []mark{{Start: 0, End: 6, Layer: "content", Key: "a0"}, {Start: 2, End: 4, Layer: "quantity", Key: "q0"}},
			`<mark class="hl l-content" data-ann="a0">ab<mark class="hl l-quantity" data-ann="q0">cd</mark>ef</mark>`},
		{"nested given inner first", "abcdef", []mark{{Start: 2, End: 4, Layer: "quantity", Key: "q0"}, {Start: 0, End: 6, Layer: "content", Key: "a0"}},
			`<mark class="hl l-content" data-ann="a0">ab<mark class="hl l-quantity" data-ann="q0">cd</mark>ef</mark>`},
		{"overlapping", "abcdef", []mark{{Start: 0, End: 4, Layer: "claim", Key: "c0"}, {Start: 2, End: 6, Layer: "rhetoric", Key: "r0"}},
			`<mark class="hl l-claim" data-ann="c0">ab<mark class="hl l-rhetoric" data-ann="r0">cd</mark></mark><mark class="hl l-rhetoric" data-ann="r0">ef</mark>`},
		{"three overlapping", "abcdefg", []mark{{Start: 0, End: 3, Key: "x", Layer: "a"}, {Start: 1, End: 5, Key: "y", Layer: "b"}, {Start: 2, End: 7, Key: "z", Layer: "c"}},
			`<mark class="hl l-a" data-ann="x">a<mark class="hl l-b" data-ann="y">b<mark class="hl l-c" data-ann="z">c</mark></mark></mark>` +
				`<mark class="hl l-b" data-ann="y"><mark class="hl l-c" data-ann="z">de</mark></mark><mark class="hl l-c" data-ann="z">fg</mark>`},
		{"same span twice", "abc", []mark{{Start: 0, End: 3, Layer: "entity", Key: "e0"}, {Start: 0, End: 3, Layer: "source", Key: "a0"}},
			`<mark class="hl l-entity" data-ann="e0"><mark class="hl l-source" data-ann="a0">abc</mark></mark>`},
		{"adjacent", "abcd", []mark{{Start: 0, End: 2, Layer: "a", Key: "x"}, {Start: 2, End: 4, Layer: "b", Key: "y"}},
			`<mark class="hl l-a" data-ann="x">ab</mark><mark class="hl l-b" data-ann="y">cd</mark>`},
		{"out of range and empty", "abc", []mark{{Start: -5, End: 1, Layer: "a", Key: "x"}, {Start: 2, End: 99, Layer: "b", Key: "y"}, {Start: 2, End: 2, Layer: "c", Key: "z"}, {Start: 3, End: 1, Layer: "d", Key: "w"}},
			`<mark class="hl l-a" data-ann="x">a</mark>b<mark class="hl l-b" data-ann="y">c</mark>`},
		{"inside a character", "aжb", []mark{{Start: 2, End: 3, Layer: "a", Key: "x"}}, // the middle of ж
			`a<mark class="hl l-a" data-ann="x">ж</mark>b`},
		{"hostile text", `<script>alert(1)</script><img src=x onerror="alert(2)">`, []mark{{Start: 8, End: 16, Layer: "claim", Key: "c0", Title: `"><b>`}},
			`&lt;script&gt;<mark class="hl l-claim" data-ann="c0" title="&#34;&gt;&lt;b&gt;">alert(1)</mark>&lt;/script&gt;&lt;img src=x onerror=&#34;alert(2)&#34;&gt;`},
		{"hostile class", "ab", []mark{{Start: 0, End: 2, Layer: "a", Key: `x" onmouseover="y`, Class: `c" z`}},
			`<mark class="hl l-a c&#34; z" data-ann="x&#34; onmouseover=&#34;y">ab</mark>`},
		{"NUL", "a\x00b", nil, "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			highlight(&b, tt.text, tt.marks)
			if got := b.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			checkHighlight(t, tt.text, tt.marks, b.String())
		})
	}
}

var tagRE = regexp.MustCompile(`<(/?)mark[^>]*>`)

// checkHighlight checks what holds for any input: the marks nest properly,
// no other tag appears, and without the marks the output is the text.
func checkHighlight(t *testing.T, text string, marks []mark, out string) {
	t.Helper()
	depth := 0
	for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
		if m[1] == "/" {
			depth--
		} else {
			depth++
		}
		if depth < 0 {
			t.Fatalf("a mark closes that was not open: %s", out)
		}
	}
	if depth != 0 {
		t.Fatalf("%d marks left open: %s", depth, out)
	}
	plain := tagRE.ReplaceAllString(out, "")
	if strings.ContainsAny(plain, "<>") {
		t.Fatalf("unescaped markup in %q", plain)
	}
	want := strings.ToValidUTF8(strings.ReplaceAll(text, "\x00", "\uFFFD"), "\uFFFD")
	if got := html.UnescapeString(plain); got != want {
		t.Fatalf("text changed:\n got %q\nwant %q", got, want)
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("hello <b>world</b>", 0, 5, 3, 9, 2, 2)
	f.Add("aжb\x00c", 1, 2, 0, 4, 2, 5)
	f.Add(sampleText, 10, 60, 40, 90, 50, 55)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, s3, e3 int) {
		marks := []mark{{Start: s1, End: e1, Layer: "a", Key: "x"}, {Start: s2, End: e2, Layer: "b", Key: "y"}, {Start: s3, End: e3, Layer: "c", Key: "z"}}
		var b strings.Builder
		highlight(&b, text, marks)
		checkHighlight(t, text, marks, b.String())
	})
}

func TestFigure(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		low, high *float64
		approx    string
		want      string
	}{
		{f(63), f(63), "exact", "63"},
		{f(200), f(200), "about", "about 200"},
		{f(600), nil, "more_than", "more than 600"},
		{f(142000), nil, "more_than", "more than 142,000"},
		{f(24), nil, "", "at least 24"},
		{nil, f(50), "up_to", "up to 50"},
		{f(10), f(15), "range", "10–15"},
		{f(2.5), f(2.5), "", "2.5"},
		{f(-1234567.5), f(-1234567.5), "", "-1,234,567.5"},
		{nil, nil, "", "?"},
	}
	for _, tt := range tests {
		if got := figure(tt.low, tt.high, tt.approx); got != tt.want {
			t.Errorf("figure(%v, %v, %q) = %q, want %q", tt.low, tt.high, tt.approx, got, tt.want)
		}
	}
}
