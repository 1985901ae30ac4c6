package tagger

import (
	"bytes"
	"slices"
	"testing"

	"github.com/parallaxnews/parallax/segment"
)

func prepare(text string, lx *Lexicon) *Sentence {
	toks := segment.AppendTokens(nil, text, 0, len(text))
	s := &Sentence{}
	Prepare(s, text, toks, nil, Quotes(text), lx)
	return s
}

func TestPrepare(t *testing.T) {
	lx := NewLexicon([]string{"said", "according to", "in a statement"})
	tests := []struct {
		text  string
		quote []bool
		lex   []uint8
	}{
		{"He said “no” .", []bool{false, false, true, true, true, false}, []uint8{0, 1, 0, 0, 0, 0}},
		{"According to him, yes", []bool{false, false, false, false, false}, []uint8{1, 2, 0, 0, 0}},
		{"It was said in a statement", []bool{false, false, false, false, false, false}, []uint8{0, 0, 1, 1, 2, 2}},
	}
	for _, tt := range tests {
		s := prepare(tt.text, lx)
		if !slices.Equal(s.Quote, tt.quote) || !slices.Equal(s.lex, tt.lex) {
			t.Errorf("%q: quote %v lex %v, want %v %v", tt.text, s.Quote, s.lex, tt.quote, tt.lex)
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`He said “yes” and «no».`, []string{"“yes”", "«no»"}},
		{`"A," he said. "B."`, []string{`"A,"`, `"B."`}},
		{"Tajikistan’s 'claim' is 'false'", []string{"'claim'", "'false'"}},
		{"“One.\n\n“Two.”", []string{"“One.\n\n“Two.”"}},
		{"“Open\n\nshut", []string{"“Open"}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range Quotes(tt.text) {
			got = append(got, tt.text[q.Start:q.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Quotes(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestViterbi(t *testing.T) {
	tb := NewTable(4, CueTags)
	// Emissions favour I at word 0, which CueAllowed forbids.
	em := []float32{0, 1, 2, 0, 0, 3, 5, 0, 0}
	var d Decoder
	got := d.Viterbi(tb, em, 3, CueAllowed, nil)
	if want := []int{CueB, CueI, CueO}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := d.Viterbi(tb, nil, 0, nil, nil); len(got) != 0 {
		t.Errorf("empty sentence: got %v", got)
	}
}

func TestEncodeDecode(t *testing.T) {
	m := &Model{Cue: NewTable(6, CueTags), Role: NewTable(5, RoleTags)}
	for i := range m.Cue.W {
		m.Cue.W[i] = float32(i%7) - 3
	}
	m.Cue.Trans[2] = 1.5
	m.Role.Bias[RoleS] = 2
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte(Header)) {
		t.Fatal("no header line")
	}
	got, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if float32(got.Cue.Q[10])*got.Cue.Scale != m.Cue.W[10] || got.Cue.Trans[2] != 1.5 || got.Role.Bias[RoleS] != 2 || got.Role.Bits != 5 {
		t.Errorf("round trip lost weights: %v %v %v", got.Cue.Q[10], got.Cue.Trans[2], got.Role.Bias)
	}
}

// FuzzDecode checks that Decode rejects any damaged model without
// panicking.
func FuzzDecode(f *testing.F) {
	m := &Model{Cue: NewTable(3, CueTags), Role: NewTable(3, RoleTags)}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("#\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Decode(data)
	})
}

// FuzzQuotes checks that quotations lie in the text, in order, without
// overlapping.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{`"a" 'b' “c” «d» „e“`, "“x\n\n“y", "'", "it's 'a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, q := range Quotes(text) {
			if q.Start < end || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("quotation %v after %d in %d bytes", q, end, len(text))
			}
			end = q.End
		}
	})
}

// FuzzFeatures checks that feature extraction handles any sentence and
// any cue position.
func FuzzFeatures(f *testing.F) {
	f.Add("He said: “no”.", 1, 2)
	lx := NewLexicon([]string{"said"})
	f.Fuzz(func(t *testing.T, text string, cb, ce int) {
		s := prepare(text, lx)
		n := s.Len()
		if n == 0 {
			return
		}
		cb, ce = abs(cb)%n, abs(ce)%n
		if cb > ce {
			cb, ce = ce, cb
		}
		ce++
		for i := range n {
			if len(s.CueFeatures(i, nil)) == 0 || len(s.RoleFeatures(cb, ce, i, nil)) == 0 {
				t.Fatal("no features")
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		if -x < 0 {
			return 0
		}
		return -x
	}
	return x
}
