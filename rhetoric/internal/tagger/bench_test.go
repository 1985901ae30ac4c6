package tagger

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

// BenchmarkTag measures feature extraction, scoring and decoding on the
// PTC articles (set PARALLAX_SHARED) with random weights of two table sizes.
func BenchmarkTag(b *testing.B) {
	dir := os.Getenv("PARALLAX_SHARED")
	if dir == "" {
		b.Skip("PARALLAX_SHARED is not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "datasets", "ptc", "train-articles", "*.txt"))
	if len(files) == 0 {
		b.Fatal("no PTC articles")
	}
	seg := segment.New()
	var texts []string
	var sents [][]doc.Span
	size := 0
	for _, f := range files[:100] {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		sents = append(sents, seg.Sentences(string(t)))
		size += len(t)
	}
	lx, err := ParseLexicon(testLexicon)
	if err != nil {
		b.Fatal(err)
	}
	for _, bits := range []int{18, 20} {
		b.Run(strconv.Itoa(bits), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			w := make([]float32, (1<<bits)*Stride)
			for i := range w {
				w[i] = float32(rng.NormFloat64())
			}
			var trans [(NumLabels + 1) * Stride]float32
			m := Quantise(bits, w, trans)
			m.Bias[0] = 1e6 // no spans: measure tagging alone
			tg := Tagger{X: NewExtractor(lx, nil), M: m}
			var wk Work
			b.SetBytes(int64(size))
			cpu := cpuTime()
			for b.Loop() {
				for i, t := range texts {
					tg.Tag(&wk, t, sents[i])
				}
			}
			reportCPU(b, cpu, size)
		})
	}
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
