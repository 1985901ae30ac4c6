package ingest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
)

// addFiles adds testdata files to a fuzzer's seed corpus.
func addFiles(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile("testdata/" + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkDoc checks what every document must satisfy.
func checkDoc(t *testing.T, d doc.Document) {
	if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) == "" {
		t.Fatalf("bad text %q", d.Text)
	}
	if d.ID == "" {
		t.Fatal("no ID")
	}
}

// readBytes runs the whole reader over data as if it were a file.
func readBytes(t *testing.T, data []byte, ext string) {
	r := NewReader(Options{MaxBytes: 1 << 20})
	err := r.readStream(context.Background(), "fuzz"+ext, bytes.NewReader(data), hint{ext: ext, size: int64(len(data))}, func(d doc.Document, err error) error {
		if err == nil {
			checkDoc(t, d)
		} else if _, ok := err.(*Error); !ok {
			t.Fatalf("error %v is not an *Error", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func FuzzText(f *testing.F) {
	addFiles(f, "article.txt", "article-utf16.txt", "ru-windows1251.txt", "ru-koi8r.txt", "de-latin1.txt", "ru-utf8.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := FromText(data)
		if err != nil {
			return
		}
		checkDoc(t, d)
		if utf8.Valid(data) && d.Text != string(data) {
			t.Fatalf("valid UTF-8 changed")
		}
	})
}

func FuzzHTML(f *testing.F) {
	addFiles(f, "article.html", "ru-windows1251.html")
	f.Add([]byte("<html><body><p>short</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := FromHTML(data, "", "https://example.org/a")
		if err == nil || d.Text != "" {
			checkDoc(t, d)
		}
	})
}

func FuzzFeed(f *testing.F) {
	addFiles(f, "rss.xml", "atom.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		readBytes(t, data, ".xml")
	})
}

func FuzzWARC(f *testing.F) {
	f.Add(sampleWARC(f, false))
	f.Add(sampleWARC(f, true))
	f.Fuzz(func(t *testing.T, data []byte) {
		readBytes(t, data, ".warc")
	})
}

func FuzzJSONLines(f *testing.F) {
	addFiles(f, "docs.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		err := ReadJSONLines(bytes.NewReader(data), "fuzz.jsonl", 1<<16, func(d doc.Document, err error) error {
			if err == nil {
				checkDoc(t, d)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzSniff runs any bytes through format detection and the reader for
// that format.
func FuzzSniff(f *testing.F) {
	addFiles(f, "article.html", "rss.xml", "docs.jsonl", "article.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		readBytes(t, data, "")
	})
}
