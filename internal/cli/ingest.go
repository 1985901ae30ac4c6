package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store"
)

type ingestOptions struct {
	db        dbOptions
	input     inputOptions
	published string
	workers   int
	batch     int
	// pipeline holds extra pipeline options (the demo's outlet registry).
	pipeline []pipeline.Option
}

func (m *Main) ingestCmd() *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL|-...",
		Short: "Analyse articles and store them in the database",
		Long: `Read every article at the paths given (files, folders, URLs, or - for
standard input; text, HTML, feeds, WARC archives, JSON lines), analyse each
and store it with its analysis. A text already stored is skipped; a
near-duplicate of a stored article (a wire copy, a repost with small edits)
is stored and linked to the earliest original. Each input that fails is
named on standard error and the rest are stored; the exit status is then 1.`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.batch <= 0 {
				return usagef("--batch must be at least 1")
			}
			if o.published != "" {
				p, err := ingest.NormalizeDate(o.published)
				if err != nil {
					return usagef("--published: %v", err)
				}
				o.published = p
			}
			return m.ingest(cmd.Context(), o, a)
		},
	}
	f := cmd.Flags()
	o.db.register(f)
	o.input.register(f)
	f.StringVar(&o.published, "published", "", "reference `DATE` (YYYY-MM-DD) for relative expressions when a document has none")
	f.IntVar(&o.workers, "workers", 0, "documents analysed at once (0: one per CPU)")
	f.IntVar(&o.batch, "batch", 100, "documents stored per transaction")
	return cmd
}

// ingestSummary counts what ingest did with the documents it read.
type ingestSummary struct {
	added, existing, near, failed int
}

func (s ingestSummary) String() string {
	n := s.added + s.existing + s.near + s.failed
	return fmt.Sprintf("%d %s: %d new, %d already stored, %d near-duplicates, %d failed",
		n, cond(n == 1, "document", "documents"), s.added, s.existing, s.near, s.failed)
}

// ingest analyses the documents of every source and stores them in batches.
func (m *Main) ingest(ctx context.Context, o ingestOptions, sources []string) error {
	p, err := m.pipeline(o.pipeline...)
	if err != nil {
		return err
	}
	st, err := m.openStore(ctx, o.db, true)
	if err != nil {
		return err
	}
	defer st.Close()

	bar := m.progress()
	var sum ingestSummary
	fail := func(r pipeline.Result) {
		sum.failed++
		if bar != nil {
			bar.Clear()
		}
		m.reportError("", r)
	}

	jobs := make(chan pipeline.Job)
	go func() {
		defer close(jobs)
		rd := m.reader(o.input)
		for _, src := range sources {
			err := rd.Read(ctx, src, func(d doc.Document, err error) error {
				select {
				case jobs <- pipeline.Job{Doc: withReference(d, o.published), Err: err}:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			if err != nil {
				return
			}
		}
	}()

	batch := make([]*doc.Analysis, 0, o.batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := m.storeBatch(ctx, st, batch, &sum, fail)
		batch = batch[:0]
		return err
	}
	err = p.Run(ctx, o.workers, jobs, func(r pipeline.Result) error {
		if bar != nil {
			bar.Add(1)
		}
		if r.Err != nil {
			fail(r)
			return nil
		}
		batch = append(batch, r.Analysis)
		if len(batch) == cap(batch) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if bar != nil {
		bar.Finish()
	}
	fmt.Fprintln(m.Stdout, sum)
	if err != nil {
		return err
	}
	if sum.failed > 0 {
		return errReported
	}
	return nil
}

// storeBatch puts a batch into the store and counts the results. When the store
// refuses a document of the batch, the others are stored one by one and the
// refused ones reported.
func (m *Main) storeBatch(ctx context.Context, st store.Store, batch []*doc.Analysis, sum *ingestSummary, fail func(pipeline.Result)) error {
	results, err := st.Put(ctx, batch)
	if errors.Is(err, store.ErrInvalid) && len(batch) > 1 {
		for _, a := range batch {
			if err := m.storeBatch(ctx, st, []*doc.Analysis{a}, sum, fail); err != nil {
				return err
			}
		}
		return nil
	}
	if errors.Is(err, store.ErrInvalid) {
		fail(pipeline.Result{Doc: batch[0].Document, Err: fmt.Errorf("not stored: %w", err)})
		return nil
	}
	if err != nil {
		return err
	}
	for _, r := range results {
		switch {
		case !r.Added:
			sum.existing++
		case r.NearDuplicateOf != "":
			sum.near++
		default:
			sum.added++
		}
	}
	return nil
}

// progress returns a progress bar on stderr when stderr is a terminal, or
// nil.
func (m *Main) progress() *progressbar.ProgressBar {
	f, ok := m.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(io.Writer(f)),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}
