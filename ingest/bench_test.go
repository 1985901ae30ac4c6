package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

// polnearTexts returns the PolNeAR article folders from PARALLAX_SHARED.
func polnearTexts(b *testing.B) []string {
	shared := os.Getenv("PARALLAX_SHARED")
	if shared == "" {
		b.Skip("PARALLAX_SHARED is not set")
	}
	if _, err := os.Stat(shared); err != nil {
		b.Fatalf("PARALLAX_SHARED: %v", err)
	}
	dirs, err := filepath.Glob(filepath.Join(shared, "datasets", "polnear", "*", "text"))
	if err != nil || len(dirs) == 0 {
		b.Fatalf("no PolNeAR texts under %s", shared)
	}
	return dirs
}

// BenchmarkReadAndSegment reads the PolNeAR articles and splits them into
// sentences; MB/s counts article bytes.
func BenchmarkReadAndSegment(b *testing.B) {
	dirs := polnearTexts(b)
	r := NewReader(Options{})
	seg := segment.New()
	var total int64
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		for _, f := range files {
			if info, err := os.Stat(f); err == nil {
				total += info.Size()
			}
		}
	}
	b.SetBytes(total)
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		for _, d := range dirs {
			err := r.Read(ctx, d, func(d doc.Document, err error) error {
				if err != nil {
					return err
				}
				_ = seg.Sentences(d.Text)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHTML extracts the article from an HTML page.
func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := FromHTML(data, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}
