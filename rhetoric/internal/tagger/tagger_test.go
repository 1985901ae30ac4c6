package tagger

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
)

const testLexicon = `# test lexicon. Source: this test. Licence: CC0.
[loaded]
terror
murder*
[name_calling]
bandit*
so-called
[doubt]
true goal
[stopword]
the
of
`

func TestParseLexicon(t *testing.T) {
	lx, err := ParseLexicon(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	if got := lx.Groups(); !slices.Equal(got, []string{"loaded", "name_calling", "doubt", "stopword"}) {
		t.Fatalf("groups %v", got)
	}
	for _, tc := range []struct {
		word string
		want uint32
	}{
		{"terror", 1},
		{"terrorism", 0},
		{"murder", 1},
		{"murderers", 1},
		{"murde", 0},
		{"bandits", 2},
		{"so-called", 2},
		{"the", 8},
		{"true", 0},
	} {
		if got := lx.wordMask(tc.word, hashString(tc.word)); got != tc.want {
			t.Errorf("wordMask(%q) = %b, want %b", tc.word, got, tc.want)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, data := range []string{
		"terror\n",                 // cue before a group
		"[loaded]\ntrue* goal\n",   // star inside a phrase
		strings.Repeat("[g]\n", 1), // fine: an empty group
	} {
		_, err := ParseLexicon(data)
		if (err == nil) != (data == "[g]\n") {
			t.Errorf("ParseLexicon(%q) error %v", data, err)
		}
	}
	var many strings.Builder
	for i := range 33 {
		many.WriteString("[g" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "]\n")
	}
	if _, err := ParseLexicon(many.String()); err == nil {
		t.Error("33 groups accepted")
	}
}

func TestPhrasesAndFeatures(t *testing.T) {
	lx, err := ParseLexicon(testLexicon)
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(lx, nil)
	text := "What is the true goal of the bandits? Terror, terror and murder."
	sents := []doc.Span{{Start: 0, End: 37}, {Start: 38, End: len(text)}}
	var f Features
	names := x.Explain(&f, text, sents)
	if len(f.SentenceTokens) != 3 || f.SentenceTokens[1] != 9 {
		t.Fatalf("sentence tokens %v", f.SentenceTokens)
	}
	if len(f.TokenOffsets) != len(f.Tokens)+1 || len(f.SentenceOffsets) != 3 {
		t.Fatalf("%d token offsets for %d tokens, %d sentence offsets", len(f.TokenOffsets), len(f.Tokens), len(f.SentenceOffsets))
	}
	// "true goal" is a doubt phrase: both words carry the cue.
	for _, i := range []int{3, 4} {
		if f.toks[i].cue&4 == 0 {
			t.Errorf("token %q lacks the doubt cue", f.toks[i].lw)
		}
	}
	// The second "terror" was said once before.
	if f.toks[11].lw != "terror" || f.toks[11].prev != 1 || f.toks[11].total != 2 {
		t.Errorf("repetition of %q: prev %d total %d", f.toks[11].lw, f.toks[11].prev, f.toks[11].total)
	}
	want := []string{"question", "word \"bandits\"", "name_calling cue", "doubt cue", "said 1 times before"}
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("no feature named %q", w)
		}
	}
	// Extract produces the same hashes as Explain.
	var g Features
	x.Extract(&g, text, sents)
	if !slices.Equal(f.TokenFeatures, g.TokenFeatures) || !slices.Equal(f.SentenceFeatures, g.SentenceFeatures) {
		t.Error("Extract and Explain disagree")
	}
}

func TestStemAndShape(t *testing.T) {
	for _, tc := range []struct{ in, stem string }{
		{"bandits", "bandit"}, {"killing", "kill"}, {"seized", "seiz"}, {"brutally", "brutal"},
		{"class", "class"}, {"is", "is"}, {"tajikistan’s", "tajikistan"},
	} {
		if got := stem(tc.in); got != tc.stem {
			t.Errorf("stem(%q) = %q, want %q", tc.in, got, tc.stem)
		}
	}
	for _, tc := range []struct {
		in   string
		want uint8
	}{
		{"word", shLower}, {"Word", shCapital}, {"NATO", shUpper}, {"2022", shDigit},
		{"“", shQuote}, {"'", shQuote}, {",", shPunct}, {"iPhone", shMixed}, {"I", shCapital},
	} {
		if got := shapeOf(tc.in); got != tc.want {
			t.Errorf("shapeOf(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestViterbi(t *testing.T) {
	var trans [(NumLabels + 1) * Stride]float32
	// Label 1 after label 1 is cheap, label 2 after label 1 is forbidden.
	trans[1*Stride+2] = -100
	em := make([]float32, 3*Stride)
	em[0*Stride+1] = 2
	em[1*Stride+2] = 1
	em[1*Stride+1] = 0.5
	em[2*Stride+0] = 1
	out := Viterbi(em, 3, &trans, nil, make([]uint8, 3*Stride))
	if want := []uint8{1, 1, 0}; !slices.Equal(out, want) {
		t.Errorf("Viterbi = %v, want %v", out, want)
	}
	if out := Viterbi(nil, 0, &trans, nil, nil); len(out) != 0 {
		t.Errorf("Viterbi of nothing = %v", out)
	}
}

func TestModelRoundTrip(t *testing.T) {
	bits := 8
	w := make([]float32, (1<<bits)*Stride)
	for i := range w {
		if i%Stride < NumLabels {
			w[i] = float32(math.Sin(float64(i))) * 3
		}
	}
	var trans [(NumLabels + 1) * Stride]float32
	trans[5] = 1.5
	m := Quantise(bits, w, trans)
	m.Bias[3] = -0.25
	m.Policy[4] = Sentence
	sc := Quantise(bits, w, [(NumLabels + 1) * Stride]float32{})
	m.SpanBits, m.SpanW, m.SpanScale, m.SpanAlpha = bits, sc.W, sc.Scale, 0.75
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Bits != m.Bits || !slices.Equal(got.W, m.W) || got.Scale != m.Scale || got.Trans != m.Trans || got.Bias != m.Bias || got.Policy != m.Policy ||
		got.SpanBits != m.SpanBits || !slices.Equal(got.SpanW, m.SpanW) || got.SpanScale != m.SpanScale || got.SpanAlpha != m.SpanAlpha {
		t.Error("model changed in a round trip")
	}
	// Quantised weights stay close to the originals.
	for i := range w {
		c := i % Stride
		if c >= NumLabels {
			continue
		}
		if d := math.Abs(float64(float32(m.W[i])*m.Scale[c] - w[i])); d > float64(m.Scale[c]) {
			t.Fatalf("weight %d: %v became %v", i, w[i], float32(m.W[i])*m.Scale[c])
		}
	}
	if _, err := Decode(buf.Bytes()[:buf.Len()/2]); err == nil {
		t.Error("truncated model accepted")
	}
}

func TestScore(t *testing.T) {
	for _, tc := range []struct {
		name       string
		labels     bool
		gold, pred []Labeled
		p, r       float64
	}{
		{"exact", true, []Labeled{{0, 10, "a"}}, []Labeled{{0, 10, "a"}}, 1, 1},
		{"half", false, []Labeled{{0, 10, "a"}}, []Labeled{{5, 15, "b"}}, 0.5, 0.5},
		{"wrong technique", true, []Labeled{{0, 10, "a"}}, []Labeled{{0, 10, "b"}}, 0, 0},
		{"merged", false, []Labeled{{0, 10, "a"}, {5, 20, "b"}}, []Labeled{{0, 20, "a"}}, 1, 1},
		{"nothing predicted", true, []Labeled{{0, 10, "a"}}, nil, 0, 0},
		{"two gold one found", true, []Labeled{{0, 10, "a"}, {20, 30, "a"}}, []Labeled{{0, 10, "a"}}, 1, 0.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Score{Labels: tc.labels}
			s.Add(tc.gold, tc.pred)
			p, r, f := s.PRF()
			if math.Abs(p-tc.p) > 1e-9 || math.Abs(r-tc.r) > 1e-9 {
				t.Errorf("P %v R %v, want %v %v", p, r, tc.p, tc.r)
			}
			if want := 2 * tc.p * tc.r / math.Max(1e-300, tc.p+tc.r); math.Abs(f-want) > 1e-9 {
				t.Errorf("F1 %v, want %v", f, want)
			}
		})
	}
}

func TestLabels(t *testing.T) {
	if Label(0) != "O" || LabelOf("doubt") < 1 || LabelOf("nonsense") != -1 || NumLabels != 15 || NumLabels > Stride {
		t.Error("label table broken")
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add(testLexicon)
	f.Add("[a]\nx*\n*\n**\n[b]\nx y z\n")
	f.Fuzz(func(t *testing.T, data string) {
		lx, err := ParseLexicon(data)
		if err != nil {
			return
		}
		x := NewExtractor(lx, nil)
		var ft Features
		x.Extract(&ft, data, []doc.Span{{Start: 0, End: len(data)}})
		if len(ft.TokenOffsets) != len(ft.Tokens)+1 {
			t.Fatal("token offsets out of step")
		}
	})
}

// TestEmitAndPruning checks the packed Emit against a plain sum and the
// pruned Viterbi against the full one.
func TestEmitAndPruning(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	bits := 10
	w := make([]float32, (1<<bits)*Stride)
	for i := range w {
		w[i] = float32(rng.NormFloat64())
	}
	var trans [(NumLabels + 1) * Stride]float32
	for i := range trans {
		trans[i] = float32(rng.NormFloat64())
	}
	m := Quantise(bits, w, trans)
	for c := range NumLabels {
		m.Bias[c] = float32(rng.NormFloat64())
	}
	f := &Features{SentenceTokens: []int{0, 40}, SentenceOffsets: []int{0, 300}, TokenOffsets: []int{0}}
	for range 300 {
		f.SentenceFeatures = append(f.SentenceFeatures, rng.Uint32())
	}
	for range 40 {
		for range rng.IntN(400) {
			f.TokenFeatures = append(f.TokenFeatures, rng.Uint32())
		}
		f.TokenOffsets = append(f.TokenOffsets, len(f.TokenFeatures))
	}
	em := make([]float32, 40*Stride)
	m.Emit(f, 0, em)
	mask := uint32(1)<<bits - 1
	for i := range 40 {
		for c := range NumLabels {
			var sum int32
			for _, h := range f.SentenceFeatures {
				sum += int32(m.W[(h&mask)*Stride+uint32(c)])
			}
			for _, h := range f.TokenFeatures[f.TokenOffsets[i]:f.TokenOffsets[i+1]] {
				sum += int32(m.W[(h&mask)*Stride+uint32(c)])
			}
			want := float32(sum)*m.Scale[c] + m.Bias[c]
			if math.Abs(float64(em[i*Stride+c]-want)) > 1e-3*math.Max(1, math.Abs(float64(want))) {
				t.Fatalf("token %d label %d: Emit %v, want %v", i, c, em[i*Stride+c], want)
			}
		}
	}
	for trial := range 200 {
		n := 1 + rng.IntN(30)
		em := make([]float32, n*Stride)
		for i := range em {
			em[i] = float32(rng.NormFloat64()) * 3
			if i%Stride == 0 {
				em[i] += 4
			}
		}
		full := Viterbi(em, n, &m.Trans, nil, make([]uint8, n*Stride))
		pruned := viterbi(em, n, &m.Trans, &m.reach, NumLabels, nil, make([]uint8, n*Stride), nil)
		if !slices.Equal(full, pruned) {
			t.Fatalf("trial %d: pruned Viterbi %v, full %v", trial, pruned, full)
		}
		if got := m.Decode(em, n, nil, make([]uint8, n*Stride)); len(got) != n {
			t.Fatalf("trial %d: Decode gave %d labels for %d tokens", trial, len(got), n)
		}
	}
}
