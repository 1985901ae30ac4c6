package tagger

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
)

func TestParseClusters(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		ok         bool
		word       string
		bits       string // "unknown" when the word has none
	}{
		{"word", "# header\nbandits\t0110\n", true, "bandits", "0110"},
		{"empty bit string", "the\t\n", true, "the", ""},
		{"absent word", "the\t01\n", true, "bandits", "unknown"},
		{"no tab", "bandits 0110\n", false, "", ""},
		{"not bits", "bandits\t012\n", false, "", ""},
		{"too long", "bandits\t" + strings.Repeat("1", maxClusterBits+1) + "\n", false, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ParseClusters(tc.data)
			if (err == nil) != tc.ok {
				t.Fatalf("error %v, want ok %v", err, tc.ok)
			}
			if !tc.ok {
				return
			}
			if got := clusterName(clusterPrefix(c.of(hashString(tc.word)), 0)); got != tc.bits {
				t.Errorf("cluster of %q = %q, want %q", tc.word, got, tc.bits)
			}
		})
	}
}

func TestClusterPrefix(t *testing.T) {
	c, err := ParseClusters("war\t0110101\n")
	if err != nil {
		t.Fatal(err)
	}
	v := c.of(hashString("war"))
	for _, tc := range []struct {
		n    int
		want string
	}{{4, "0110"}, {6, "011010"}, {10, "0110101"}, {0, "0110101"}} {
		if got := clusterName(clusterPrefix(v, tc.n)); got != tc.want {
			t.Errorf("prefix %d = %q, want %q", tc.n, got, tc.want)
		}
	}
	if clusterPrefix(0, 4) != 0 || clusterName(clusterEdge) != "edge" {
		t.Error("unknown and edge clusters changed")
	}
	// A known word with an empty bit string differs from an unknown one.
	e, _ := ParseClusters("the\t\n")
	if clusterPrefix(e.of(hashString("the")), 4) == 0 {
		t.Error("empty bit string taken for an unknown word")
	}
}

func TestTables(t *testing.T) {
	var tb table[int32]
	for round := range 3 {
		tb.reset()
		for k := uint64(1); k <= 1000; k++ {
			*tb.slot(k * 7919) += int32(k) + int32(round)
		}
		for k := uint64(1); k <= 1000; k++ {
			if v, ok := tb.get(k * 7919); !ok || v != int32(k)+int32(round) {
				t.Fatalf("round %d: key %d = %d, %v", round, k, v, ok)
			}
		}
		if _, ok := tb.get(3); ok {
			t.Fatal("absent key found")
		}
	}
	var es []wordEntry
	for i := uint32(1); i <= 500; i++ {
		es = append(es, wordEntry{hw: i * 2654435761, cue: i})
	}
	wt := newWordTable(es)
	for _, e := range es {
		if got, ok := wt.get(e.hw); !ok || got.cue != e.cue {
			t.Fatalf("word %d: %v, %v", e.hw, got, ok)
		}
	}
	if _, ok := wt.get(12345); ok {
		t.Error("absent word found")
	}
	var empty wordTable
	if _, ok := empty.get(1); ok {
		t.Error("empty table found a word")
	}
}

// TestClusterFeatures checks that clusters add features and that the
// cached word information gives the same features as looking words up.
func TestClusterFeatures(t *testing.T) {
	lx, err := ParseLexicon(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := ParseClusters("bandits\t0110\nthe\t1\nterror\t0111\n")
	if err != nil {
		t.Fatal(err)
	}
	text := "The bandits spread terror. The bandits fled."
	sents := []doc.Span{{Start: 0, End: 26}, {Start: 27, End: len(text)}}
	var plain, with Features
	NewExtractor(lx, nil).Extract(&plain, text, sents)
	x := NewExtractor(lx, cl)
	x.Extract(&with, text, sents)
	if len(with.TokenFeatures) <= len(plain.TokenFeatures) {
		t.Fatalf("%d features with clusters, %d without", len(with.TokenFeatures), len(plain.TokenFeatures))
	}
	// Without the precomputed table, the same features.
	slow := &Extractor{lex: lx, cl: cl}
	var again Features
	slow.Extract(&again, text, sents)
	if !slices.Equal(again.TokenFeatures, with.TokenFeatures) {
		t.Error("the precomputed word table changes the features")
	}
}

func FuzzParseClusters(f *testing.F) {
	for _, s := range []string{"", "# h\nthe\t0\n", "a\t\n", "x\t2", "\t\t", "a\tb\tc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		c, err := ParseClusters(data)
		if err != nil {
			return
		}
		for _, w := range c.words {
			v := c.of(hashString(w))
			if v == 0 {
				t.Fatalf("word %q lost", w)
			}
			for _, n := range []int{0, 4, 10} {
				_ = clusterName(clusterPrefix(v, n))
			}
		}
	})
}
