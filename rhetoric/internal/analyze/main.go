// Command analyze is a stand-in for `parallax analyze --jsonl` that runs
// only the sentence and rhetoric stages, with the model named by the
// environment variable PARALLAX_RHETORIC_MODEL (the embedded model when it
// is unset). It lets ../shared/tools/ptc.py score a model trained without
// the articles it is scored on:
//
//	go build -o /tmp/rhetoric-analyze ./rhetoric/internal/analyze
//	PARALLAX_RHETORIC_MODEL=/tmp/heldout.bin PARALLAX_BIN=/tmp/rhetoric-analyze \
//	  python3 ../shared/tools/ptc.py /tmp/heldout/articles /tmp/heldout/labels.tsv
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/rhetoric"
	"github.com/parallaxnews/parallax/segment"
)

func main() {
	if len(os.Args) < 3 || os.Args[1] != "analyze" || os.Args[2] != "--jsonl" {
		fmt.Fprintln(os.Stderr, "usage: analyze --jsonl < documents.jsonl")
		os.Exit(2)
	}
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "analyze:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	an, err := annotator()
	if err != nil {
		return err
	}
	seg := segment.New()
	dec := json.NewDecoder(bufio.NewReader(in))
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	for {
		var d doc.Document
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("reading a document: %w", err)
		}
		a := doc.NewAnalysis(d)
		a.Document.Text = ""
		a.Sentences = seg.Sentences(d.Text)
		a.Document.Text = d.Text
		an.Annotate(a)
		a.Document.Text = ""
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func annotator() (*rhetoric.Annotator, error) {
	path := os.Getenv("PARALLAX_RHETORIC_MODEL")
	if path == "" {
		return rhetoric.New()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the model: %w", err)
	}
	return rhetoric.NewWithModel(data)
}
