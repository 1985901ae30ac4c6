package segment

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"month abbreviation before a day", "It happened on Oct. 6, 2022 in Batken. Then it ended.",
			[]string{"It happened on Oct. 6, 2022 in Batken.", "Then it ended."}},
		{"sept", "Clashes began on Sept. 14 near Kok-Tash. Dozens died.",
			[]string{"Clashes began on Sept. 14 near Kok-Tash.", "Dozens died."}},
		{"title before a name", "Gen. Iskandar Shokh led them. Lt. Col. Smith denied it.",
			[]string{"Gen. Iskandar Shokh led them.", "Lt. Col. Smith denied it."}},
		{"initialism mid-sentence", "The U.S. State Department said so. It asked for calm.",
			[]string{"The U.S. State Department said so.", "It asked for calm."}},
		{"initialism ending a sentence", "Aid came from the U.S. The EU sent more.",
			[]string{"Aid came from the U.S.", "The EU sent more."}},
		{"number sign", "Resolution No. 5 was adopted. It passed.", []string{"Resolution No. 5 was adopted.", "It passed."}},
		{"initials", "J. R. R. Tolkien wrote it. He died.", []string{"J. R. R. Tolkien wrote it.", "He died."}},
		{"decimal", "The area is 1.5 km wide. It grew.", []string{"The area is 1.5 km wide.", "It grew."}},
		{"quote closes sentence", `He said: "We will return." Nobody answered.`,
			[]string{`He said: "We will return."`, "Nobody answered."}},
		{"curly quote closes sentence", "“We will return.” Nobody answered.", []string{"“We will return.”", "Nobody answered."}},
		{"question inside quote goes on", `"Is it true?" he asked. Yes.`, []string{`"Is it true?" he asked.`, "Yes."}},
		{"exclamation inside quote goes on", "«Stop!» shouted the guard.", []string{"«Stop!» shouted the guard."}},
		{"ellipsis", "They waited... Nothing came.", []string{"They waited...", "Nothing came."}},
		{"lower case after period", "See e.g. the report. Done.", []string{"See e.g. the report.", "Done."}},
		{"paragraphs", "Headline without stop\n\nBody one. Body two.", []string{"Headline without stop", "Body one.", "Body two."}},
		{"dateline in capitals", "VIENNA, 18 September 2022 — The OSCE called for calm. It met.",
			[]string{"VIENNA, 18 September 2022 —", "The OSCE called for calm.", "It met."}},
		{"dateline of two places with a credit", "Talks resume\nDUSHANBE/BISHKEK, Sept 19 (Reuters) - The leaders agreed.",
			[]string{"Talks resume", "DUSHANBE/BISHKEK, Sept 19 (Reuters) -", "The leaders agreed."}},
		{"dateline with a credit", "Bishkek, 19 September (AKIpress) – Shelling resumed.",
			[]string{"Bishkek, 19 September (AKIpress) –", "Shelling resumed."}},
		{"dateline with an abbreviated month", "BISHKEK, Sept. 19 — The toll rose to 59.",
			[]string{"BISHKEK, Sept. 19 —", "The toll rose to 59."}},
		{"a dash in a sentence", "The village – a small one – was shelled. KYRGYZ OFFICIALS - who spoke - agreed.",
			[]string{"The village – a small one – was shelled.", "KYRGYZ OFFICIALS - who spoke - agreed."}},
		{"a dash after a word in capitals mid-paragraph", "It rose. NATO - the alliance - said nothing.",
			[]string{"It rose.", "NATO - the alliance - said nothing."}},
		{"line break before capital", "First line\nSecond line", []string{"First line", "Second line"}},
		{"hard wrap", "the talks in\nSamarkand went on", []string{"the talks in\nSamarkand went on"}},
		{"headline ending in a word", "Talks resume\nThe sides met.", []string{"Talks resume", "The sides met."}},
		{"wrap after comma", "Kyrgyzstan,\nTajikistan and Uzbekistan met.", []string{"Kyrgyzstan,\nTajikistan and Uzbekistan met."}},
		{"dateline at end", "The end.,\nOct. 6, 2022", []string{"The end.,", "Oct. 6, 2022"}},
		{"no text", " \n\t ", nil},
		{"no final stop", "Just words", []string{"Just words"}},
		{"inc then opener", "He joined Acme Inc. The firm grew.", []string{"He joined Acme Inc.", "The firm grew."}},
		{"inc mid-sentence", "Acme Inc. Chairman spoke.", []string{"Acme Inc. Chairman spoke."}},
		{"multibyte", "Бишкек заявил. Душанбе ответил.", []string{"Бишкек заявил.", "Душанбе ответил."}},
	}
	s := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range s.Sentences(tt.in) {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kok-Tash, 2,000 km² and 1.5 million.", []string{"Kok-Tash", ",", "2,000", "km²", "and", "1.5", "million", "."}},
		{"Tajikistan’s “lands”", []string{"Tajikistan’s", "“", "lands", "”"}},
		{"142 000 people", []string{"142", "000", "people"}},
		{"end-", []string{"end", "-"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range AppendTokens(nil, tt.in, 0, len(tt.in)) {
			got = append(got, tt.in[tok.Start:tok.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("AppendTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPTCBoundaries measures sentence boundaries against the Propaganda
// Techniques Corpus, which has one sentence per line and blank lines between
// paragraphs. To test more than line breaks, the lines of each paragraph are
// joined by single spaces (paragraph breaks stay), so every boundary inside a
// paragraph must come from punctuation; the boundary F1 is computed on
// sentence ends. PTC's own split has errors (it keeps some sentences that
// end in a closing quote together), which caps precision.
func TestPTCBoundaries(t *testing.T) {
	dir := sharedtest.Dir(t, "datasets", "ptc", "train-articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no PTC articles in %s: %v", dir, err)
	}
	s := New()
	var tp, fp, fn int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		gold := map[int]bool{}
		sep := ""
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				if b.Len() > 0 {
					sep = "\n\n"
				}
				continue
			}
			b.WriteString(sep)
			b.WriteString(line)
			gold[b.Len()] = true
			sep = " "
		}
		text := b.String()
		got := map[int]bool{}
		for _, sp := range s.Sentences(text) {
			got[sp.End] = true
		}
		for e := range got {
			if gold[e] {
				tp++
			} else {
				fp++
			}
		}
		for e := range gold {
			if !got[e] {
				fn++
			}
		}
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	f1 := 2 * p * r / (p + r)
	t.Logf("PTC sentence boundaries (%d articles, lines of a paragraph joined): P %.3f R %.3f F1 %.3f", len(files), p, r, f1)
	if f1 < 0.90 {
		t.Errorf("boundary F1 %.3f, want at least 0.90", f1)
	}
}

func TestSentencesCoverText(t *testing.T) {
	in := "A. B? C!\n\nD “E.” F"
	spans := New().Sentences(in)
	if !sort.SliceIsSorted(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start }) {
		t.Fatalf("spans out of order: %v", spans)
	}
	checkCover(t, in, spans)
}

// checkCover fails unless the spans are ordered, non-empty, trimmed, and
// leave only white space between them.
func checkCover(t *testing.T, text string, spans []doc.Span) {
	t.Helper()
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("bad span %v after %d in %q", sp, prev, text)
		}
		if strings.TrimFunc(text[prev:sp.Start], isSpace) != "" {
			t.Fatalf("text %q between sentences lost", text[prev:sp.Start])
		}
		if strings.TrimSpace(text[sp.Start:sp.End]) != text[sp.Start:sp.End] {
			t.Fatalf("span %v not trimmed: %q", sp, text[sp.Start:sp.End])
		}
		prev = sp.End
	}
	if strings.TrimFunc(text[prev:], isSpace) != "" {
		t.Fatalf("text %q after the last sentence lost", text[prev:])
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"One. Two.", "Oct. 6, 2022", "“Hi.” He", "U.S. The", "a\n\nb", "\xff\xfe.", "...", "Mr. . ."} {
		f.Add(s)
	}
	seg := New()
	f.Fuzz(func(t *testing.T, in string) {
		checkCover(t, in, seg.Sentences(in))
		toks := AppendTokens(nil, in, 0, len(in))
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(in) {
				t.Fatalf("bad token %v after %d", tok, prev)
			}
			prev = tok.End
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	dir := sharedtest.Dir(b, "datasets", "polnear")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "text", "*.txt"))
	var texts []string
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		n += len(data)
	}
	s := New()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var dst []doc.Span
	for b.Loop() {
		for _, t := range texts {
			dst = s.AppendSentences(dst[:0], t)
		}
	}
}

func TestLower(t *testing.T) {
	for in, want := range map[string]string{"said": "said", "Tajikistan’s": "tajikistan's", "ОБСЕ": "обсе", "": ""} {
		if got := Lower(in); got != want {
			t.Errorf("Lower(%q) = %q, want %q", in, got, want)
		}
	}
	var sink string
	if n := testing.AllocsPerRun(100, func() { sink = Lower("already lower") }); n != 0 || sink != "already lower" {
		t.Errorf("Lower allocates %v times for lower-case text", n)
	}
}

func TestOpensSentence(t *testing.T) {
	text := "One. “Two” three\nFour, five? Six"
	for _, tt := range []struct {
		word string
		want bool
	}{{"One", true}, {"Two", true}, {"three", false}, {"Four", true}, {"five", false}, {"Six", true}} {
		if got := OpensSentence(text, strings.Index(text, tt.word)); got != tt.want {
			t.Errorf("OpensSentence at %q = %v, want %v", tt.word, got, tt.want)
		}
	}
}
