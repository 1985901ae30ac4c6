package tagger

import (
	"testing"

	"github.com/parallaxnews/parallax/segment"
)

func TestTokenRange(t *testing.T) {
	text := "Rebels shelled the town. Officials denied it!"
	lx, err := ParseLexicon(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	var f Features
	NewExtractor(lx, nil).Extract(&f, text, segment.New().Sentences(text))
	for _, tc := range []struct {
		name           string
		start, end     int
		k, first, last int
		ok             bool
	}{
		{"first word", 0, 6, 0, 0, 0, true},
		{"inside a word", 2, 4, 0, 0, 0, true},
		{"two words", 7, 18, 0, 1, 2, true},
		{"second sentence", 25, 34, 1, 5, 5, true},
		{"across sentences stops at the first", 19, 34, 0, 3, 4, true},
		{"space only", 6, 7, 0, 0, 0, false},
		{"past the end", len(text), len(text), 0, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, first, last, ok := f.TokenRange(tc.start, tc.end)
			if ok != tc.ok || ok && (k != tc.k || first != tc.first || last != tc.last) {
				t.Errorf("TokenRange(%d, %d) = %d, %d, %d, %v; want %d, %d, %d, %v",
					tc.start, tc.end, k, first, last, ok, tc.k, tc.first, tc.last, tc.ok)
			}
			if ok {
				if hs := SpanFeatures(nil, &f, k, first, last); len(hs) < 8 {
					t.Errorf("only %d span features", len(hs))
				}
			}
		})
	}
}
