package rhetoric

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/golden"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/rhetoric/internal/tagger"
	"github.com/parallaxnews/parallax/segment"
)

func newAnnotator(t testing.TB) *Annotator {
	t.Helper()
	an, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return an
}

func analyse(an *Annotator, text string) *doc.Analysis {
	a := doc.NewAnalysis(doc.Document{Text: text})
	a.Sentences = segment.New().Sentences(text)
	an.Annotate(a)
	return a
}

// checkLayer verifies what must hold of any rhetoric layer.
func checkLayer(t *testing.T, a *doc.Analysis) {
	t.Helper()
	text := a.Document.Text
	prev := -1
	for _, r := range a.Rhetoric {
		if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
			t.Fatalf("span %d..%d outside the text of %d bytes", r.Start, r.End, len(text))
		}
		if r.Text != text[r.Start:r.End] || !utf8.ValidString(r.Text) {
			t.Errorf("span %d..%d text %q does not match the document", r.Start, r.End, r.Text)
		}
		if tagger.LabelOf(r.Technique) < 1 {
			t.Errorf("unknown technique %q", r.Technique)
		}
		if r.Score < 0 || r.Score > 1 {
			t.Errorf("score %v outside [0,1]", r.Score)
		}
		if len(r.Why) == 0 {
			t.Errorf("span %q says not why it was marked", r.Text)
		}
		if r.Start < prev {
			t.Errorf("spans out of order at %d", r.Start)
		}
		prev = r.Start
	}
	s := a.RhetoricSummary
	if s == nil {
		t.Fatal("no rhetoric summary")
	}
	n := 0
	for _, tc := range s.Techniques {
		n += tc.Spans
		if tc.Sentences > s.SentencesWithTechnique || tc.SentenceShare > 1 {
			t.Errorf("summary of %s is inconsistent: %+v", tc.Technique, tc)
		}
	}
	if n != len(a.Rhetoric) || s.Spans != n || s.Sentences != len(a.Sentences) {
		t.Errorf("summary counts %d spans (%d by technique) and %d sentences, layer has %d and %d",
			s.Spans, n, s.Sentences, len(a.Rhetoric), len(a.Sentences))
	}
}

// TestGolden runs the annotator over testdata/*.txtar ("-- input --") and
// compares the layer with "-- rhetoric --"; -update rewrites it.
func TestGolden(t *testing.T) {
	an := newAnnotator(t)
	golden.Run(t, []string{"rhetoric"}, func(t *testing.T, sec golden.Sections) golden.Sections {
		a := analyse(an, sec["input"])
		checkLayer(t, a)
		return golden.Sections{"rhetoric": string(render(a))}
	})
}

func render(a *doc.Analysis) []byte {
	var b bytes.Buffer
	for _, r := range a.Rhetoric {
		fmt.Fprintf(&b, "%d-%d %s %q %.3f why: %s\n", r.Start, r.End, r.Technique, r.Text, r.Score, strings.Join(r.Why, "; "))
	}
	s, _ := json.Marshal(a.RhetoricSummary)
	fmt.Fprintf(&b, "summary: %s\n", s)
	return b.Bytes()
}

// TestSentencesMissing checks that the annotator splits the text itself
// when the sentence layer is empty.
func TestSentencesMissing(t *testing.T) {
	an := newAnnotator(t)
	text := "They are bandits and murderers. What is their true goal?"
	a := doc.NewAnalysis(doc.Document{Text: text})
	an.Annotate(a)
	if a.RhetoricSummary == nil || a.RhetoricSummary.Sentences != 0 && len(a.Rhetoric) == 0 {
		t.Errorf("got %+v", a.RhetoricSummary)
	}
	for _, r := range a.Rhetoric {
		if r.Text != text[r.Start:r.End] {
			t.Errorf("bad span %+v", r)
		}
	}
}

// TestOtherLanguages checks that a document in a language the model did
// not learn gets no spans and a summary that says why, and that one whose
// language is unknown or English is read.
func TestOtherLanguages(t *testing.T) {
	an := newAnnotator(t)
	text := "They are bandits and murderers. What is their true goal?"
	for _, tt := range []struct {
		lang     string
		assessed bool
	}{{"", true}, {"en", true}, {"ru", false}, {"tg", false}} {
		a := doc.NewAnalysis(doc.Document{Text: text, Lang: tt.lang})
		a.Sentences = segment.New().Sentences(text)
		an.Annotate(a)
		checkLayer(t, a)
		got := a.RhetoricSummary.NotAssessed == ""
		if got != tt.assessed || !got && (len(a.Rhetoric) != 0 || a.RhetoricSummary.Spans != 0 || a.RhetoricSummary.Sentences != 2) {
			t.Errorf("lang %q: %d spans, summary %+v", tt.lang, len(a.Rhetoric), a.RhetoricSummary)
		}
		if tt.assessed && len(a.Rhetoric) == 0 {
			t.Errorf("lang %q: no spans in %q", tt.lang, text)
		}
	}
}

func TestEmpty(t *testing.T) {
	an := newAnnotator(t)
	for _, text := range []string{"", " \n\n ", "?", "“”", "!!!"} {
		a := doc.NewAnalysis(doc.Document{Text: text})
		a.Sentences = segment.New().Sentences(text)
		an.Annotate(a)
		checkLayer(t, a)
	}
}

func TestNewWithModelRejectsGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a model"), {0x1f, 0x8b, 0, 0}} {
		if _, err := NewWithModel(data); err == nil {
			t.Errorf("NewWithModel(%q) succeeded", data)
		}
	}
}

// TestSeed checks the seed article's rhetoric as seed_check.py does.
func TestSeed(t *testing.T) {
	dir := sharedtest.Dir(t)
	b, err := os.ReadFile(filepath.Join(dir, "corpus", "seed", "tajik-mfa-silent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	a := analyse(newAnnotator(t), text)
	checkLayer(t, a)
	covers := func(word string) bool {
		i := strings.Index(text, word)
		for _, r := range a.Rhetoric {
			if r.Start <= i && i+len(word) <= r.End {
				return true
			}
		}
		return false
	}
	for _, w := range []string{"bandits", "terror and murder"} {
		if !covers(w) {
			t.Errorf("%q not marked", w)
		}
	}
	doubt := false
	for _, r := range a.Rhetoric {
		doubt = doubt || r.Technique == "doubt"
	}
	if !doubt {
		t.Error("no doubt span")
	}
}

// ptcArticles returns the texts of the PTC training articles.
func ptcArticles(t testing.TB) []string {
	dir := sharedtest.Dir(t)
	files, err := filepath.Glob(filepath.Join(dir, "datasets", "ptc", "train-articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no PTC articles under %s", dir)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// BenchmarkAnnotate measures throughput on real news text (the PTC
// articles; set PARALLAX_SHARED).
func BenchmarkAnnotate(b *testing.B) {
	texts := ptcArticles(b)
	an := newAnnotator(b)
	seg := segment.New()
	var docs []*doc.Analysis
	size := 0
	for _, t := range texts {
		a := doc.NewAnalysis(doc.Document{Text: t})
		a.Sentences = seg.Sentences(t)
		docs = append(docs, a)
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, a := range docs {
			a.Rhetoric = a.Rhetoric[:0]
			an.Annotate(a)
		}
	}
	reportCPU(b, cpu, size)
}

// cpuTime returns the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports throughput per second of CPU time, which a busy
// machine does not distort as it does wall time.
func reportCPU(b *testing.B, since time.Duration, size int) {
	if d := cpuTime() - since; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/d.Seconds()/1e6, "MB/cpu-s")
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{"", "They are bandits!", "What is the “true goal” of the regime?\n\nNever again.", "a\u00a0b\u2029c", "İİİ ÀÉ. Ещё?"} {
		f.Add(s)
	}
	an := newAnnotator(f)
	seg := segment.New()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := doc.NewAnalysis(doc.Document{Text: text})
		a.Sentences = seg.Sentences(text)
		an.Annotate(a)
		checkLayer(t, a)
	})
}
