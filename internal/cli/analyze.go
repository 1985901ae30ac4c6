package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/pipeline"
)

type analyzeOptions struct {
	json      bool
	jsonl     bool
	published string
	workers   int
	input     inputOptions
}

func (m *Main) analyzeCmd() *cobra.Command {
	var o analyzeOptions
	cmd := &cobra.Command{
		Use:   "analyze FILE|URL|-",
		Short: "Analyse one article (or a feed, archive, or JSON lines of articles)",
		Long: `Analyse an article and print a readable report, or with --json the full
analysis (the output contract in DESIGN.md). With --jsonl, read JSON lines of
documents ({"id","text","published","title","outlet","url","lang"}, only
"text" required) from the files given or from standard input, and write one
analysis per line in input order.`,
		Args: args(func(cmd *cobra.Command, a []string) error {
			if o.jsonl {
				return nil
			}
			return cobra.ExactArgs(1)(cmd, a)
		}),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.json && o.jsonl {
				return usagef("--json and --jsonl do not go together")
			}
			if o.published != "" {
				p, err := ingest.NormalizeDate(o.published)
				if err != nil {
					return usagef("--published: %v", err)
				}
				o.published = p
			}
			if o.jsonl {
				return m.analyzeJSONL(cmd.Context(), o, a)
			}
			return m.analyze(cmd.Context(), o, a[0])
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print the analysis as JSON (the output contract)")
	f.BoolVar(&o.jsonl, "jsonl", false, "read JSON lines of documents, write one analysis per line")
	f.StringVar(&o.published, "published", "", "reference `DATE` (YYYY-MM-DD) for relative expressions when a document has none")
	f.IntVar(&o.workers, "workers", 0, "documents analysed at once (0: one per CPU)")
	o.input.register(f)
	return cmd
}

// analyze analyses every document found at src and prints a report or JSON
// for each.
func (m *Main) analyze(ctx context.Context, o analyzeOptions, src string) error {
	p, err := m.pipeline()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	failed := false
	n := 0
	jobs := make(chan pipeline.Job)
	go func() {
		defer close(jobs)
		_ = m.reader(o.input).Read(ctx, src, func(d doc.Document, err error) error {
			select {
			case jobs <- pipeline.Job{Doc: withReference(d, o.published), Err: err}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	err = p.Run(ctx, o.workers, jobs, func(r pipeline.Result) error {
		if r.Err != nil {
			failed = true
			m.reportError(src, r)
			return nil
		}
		if n > 0 && !o.json {
			fmt.Fprintln(out)
		}
		n++
		if o.json {
			enc := json.NewEncoder(out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(r.Analysis)
		}
		return writeReport(out, r.Analysis)
	})
	if err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}

// analyzeJSONL reads JSON lines documents from files (or stdin) and writes
// one analysis per line in input order. A line that fails is reported on
// stderr and as {"document":{"id":...},"error":"..."} in its place.
func (m *Main) analyzeJSONL(ctx context.Context, o analyzeOptions, files []string) error {
	p, err := m.pipeline()
	if err != nil {
		return err
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := bufio.NewWriter(m.Stdout)
	defer out.Flush()
	failed := false
	jobs := make(chan pipeline.Job)
	go func() {
		defer close(jobs)
		for _, name := range files {
			if err := m.readJSONLFile(ctx, name, o, jobs); err != nil {
				return
			}
		}
	}()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	err = p.Run(ctx, o.workers, jobs, func(r pipeline.Result) error {
		if r.Err != nil {
			failed = true
			m.reportError("", r)
			return enc.Encode(map[string]any{"document": map[string]string{"id": r.Doc.ID}, "error": r.Err.Error()})
		}
		return enc.Encode(r.Analysis)
	})
	if err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}

// readJSONLFile sends the documents of one JSON lines file (or "-") to jobs.
func (m *Main) readJSONLFile(ctx context.Context, name string, o analyzeOptions, jobs chan<- pipeline.Job) error {
	var r io.Reader = m.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			jobs <- pipeline.Job{Err: &ingest.Error{Input: name, Err: errors.Unwrap(err)}}
			return nil
		}
		defer f.Close()
		r = f
	}
	return ingest.ReadJSONLines(r, name, o.input.maxBytes, func(d doc.Document, err error) error {
		select {
		case jobs <- pipeline.Job{Doc: withReference(d, o.published), Err: err}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// withReference sets the reference date of a document that has none.
func withReference(d doc.Document, published string) doc.Document {
	if d.Published == "" && published != "" {
		d.Published = published
	}
	return d
}

// reportError writes one line naming the input that failed.
func (m *Main) reportError(src string, r pipeline.Result) {
	var ie *ingest.Error
	if errors.As(r.Err, &ie) {
		fmt.Fprintf(m.Stderr, "parallax: %v\n", r.Err)
		return
	}
	name := r.Doc.Source
	if name == "" {
		name = src
	}
	if r.Doc.ID != "" {
		name += " (id " + r.Doc.ID + ")"
	}
	fmt.Fprintf(m.Stderr, "parallax: %s: %v\n", name, r.Err)
}
