package simhash

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

const story = `Border guards of the two neighbouring republics exchanged fire on Thursday near a disputed water intake in the upper valley, officials on both sides said, in the third such incident this month.
The interior ministry of the northern republic said four of its citizens were killed and at least 27 were injured, and that about 1,200 residents of three border villages had been evacuated overnight.
The foreign ministry of the southern republic rejected that account. A spokesman said its troops had only returned fire after being shelled with mortars. He did not provide any evidence for the claim.
The two governments agreed a ceasefire late on Thursday and said their border commissions would meet next week.`

func TestSum(t *testing.T) {
	base := Sum(story)
	tests := []struct {
		name    string
		text    string
		maxDist int // at most this far from the story
		minDist int // at least this far
	}{
		{"same text", story, 0, 0},
		{"case and punctuation", strings.ToUpper(strings.NewReplacer(",", " ,", ".", " ; ").Replace(story)), 0, 0},
		{"spacing", strings.Join(strings.Fields(story), "  \n"), 0, 0},
		{"a word changed", strings.Replace(story, "Thursday near", "Friday near", 1), Threshold, 0},
		{"dateline and footer", "DUSHANBE (Wire) — " + story + "\n© Wire 2022", Threshold, 0},
		{"unrelated", "Wheat and cotton farmers say this year's harvest is the worst in a decade, after a summer with almost no rain. Officials estimate that yields fell by a third; some farmers sold livestock.", 64, 2 * Threshold},
		{"the words shuffled", strings.Join(reverse(strings.Fields(story)), " "), 64, 2 * Threshold},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Distance(base, Sum(tc.text))
			if d > tc.maxDist || d < tc.minDist {
				t.Errorf("distance %d, want %d..%d", d, tc.minDist, tc.maxDist)
			}
		})
	}
}

func reverse(s []string) []string {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}

func TestSumShortTexts(t *testing.T) {
	for _, tc := range []struct {
		text string
		zero bool
	}{
		{"", true},
		{" ,.;— ", true},
		{"one", false},
		{"two words", false},
		{"Ошская область", false},
		{"\xff\xfe invalid", false},
	} {
		if got := Sum(tc.text); (got == 0) != tc.zero {
			t.Errorf("Sum(%q) = %#x, want zero %v", tc.text, got, tc.zero)
		}
	}
	if Sum("two words") == Sum("words two") {
		t.Error("word order is ignored in a text shorter than a shingle")
	}
}

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b uint64
		d    int
		sim  float64
		near bool
	}{
		{0, 0, 0, 1, true},
		{0, 0xff, 8, 0.875, true},
		{0, 0x1ff, 9, 1 - 9.0/64, false},
		{0, ^uint64(0), 64, 0, false},
	} {
		if d, s, n := Distance(tc.a, tc.b), Similarity(tc.a, tc.b), Near(tc.a, tc.b); d != tc.d || s != tc.sim || n != tc.near {
			t.Errorf("(%#x, %#x): distance %d similarity %v near %v, want %d %v %v", tc.a, tc.b, d, s, n, tc.d, tc.sim, tc.near)
		}
	}
}

func TestBandPositions(t *testing.T) {
	var uses [64]int
	for b, key := range bandPositions {
		var seen uint64
		for _, p := range key {
			if p >= 64 || seen&(1<<p) != 0 {
				t.Fatalf("key %d uses bit %d twice or out of range", b, p)
			}
			seen |= 1 << p
			uses[p]++
		}
	}
	for p, n := range uses {
		if n == 0 {
			t.Errorf("bit %d is in no key", p)
		}
	}
}

// TestBandRecall checks the documented chance that two fingerprints share a
// key, by flipping d random bits of random fingerprints.
func TestBandRecall(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		d         int
		minRecall float64
	}{{0, 1}, {2, 0.999}, {4, 0.995}, {6, 0.97}, {Threshold, 0.88}} {
		const n = 4000
		found := 0
		for range n {
			a := r.Uint64()
			b := a
			for bits.OnesCount64(a^b) < tc.d {
				b ^= 1 << r.IntN(64)
			}
			ka, kb := BandValues(a), BandValues(b)
			for i := range ka {
				if ka[i] >= 1<<BandBits {
					t.Fatalf("key %d = %d, not below 2^%d", i, ka[i], BandBits)
				}
				if ka[i] == kb[i] {
					found++
					break
				}
			}
		}
		if recall := float64(found) / n; recall < tc.minRecall {
			t.Errorf("distance %d: share a key in %.3f of pairs, want ≥ %.3f", tc.d, recall, tc.minRecall)
		}
	}
}

func FuzzSum(f *testing.F) {
	f.Add(story)
	f.Add("")
	f.Add("\xff\x00 a\u0301b Ω")
	f.Fuzz(func(t *testing.T, s string) {
		h := Sum(s)
		if Sum(s) != h {
			t.Fatal("not deterministic")
		}
		if Sum(s+" .") != h || Sum(". "+s) != h {
			t.Error("separators around the text change the fingerprint")
		}
		upper := strings.Map(func(r rune) rune {
			if 'a' <= r && r <= 'z' {
				return r - 'a' + 'A'
			}
			return r
		}, s)
		if !utf8.ValidString(s) {
			return // Map replaces invalid bytes
		}
		if Sum(upper) != h {
			t.Error("ASCII case changes the fingerprint")
		}
	})
}

func BenchmarkSum(b *testing.B) {
	text := story
	if dir := os.Getenv("PARALLAX_SHARED"); dir != "" {
		t, err := os.ReadFile(filepath.Join(dir, "corpus", "seed", "tajik-mfa-silent.txt"))
		if err != nil {
			b.Fatal(err)
		}
		text = string(t)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sum(text)
	}
}
