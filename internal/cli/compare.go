package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/export"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/pipeline"
)

// sourceOptions choose what a comparison reads: stored claims (--db) or
// articles analysed on the fly (FILES).
type sourceOptions struct {
	db       dbOptions
	input    inputOptions
	from, to string
	workers  int
	json     bool
	format   string
}

func (o *sourceOptions) register(f *pflag.FlagSet, formats []string) {
	o.db.register(f)
	o.input.register(f)
	f.StringVar(&o.from, "from", "", "only events on or after `DATE` (YYYY-MM-DD)")
	f.StringVar(&o.to, "to", "", "only events on or before `DATE` (YYYY-MM-DD)")
	f.IntVar(&o.workers, "workers", 0, "documents analysed at once when reading FILES (0: one per CPU)")
	f.BoolVar(&o.json, "json", false, "print JSON (the same as --format json)")
	f.StringVar(&o.format, "format", "text", "output `FORMAT`: "+strings.Join(formats, ", "))
}

// check validates the flags against the formats a command writes.
func (o *sourceOptions) check(cmd *cobra.Command, files []string, formats []string) error {
	if o.json {
		if cmd.Flags().Changed("format") && o.format != export.FormatJSON {
			return usagef("--json and --format %s do not go together", o.format)
		}
		o.format = export.FormatJSON
	}
	if !slices.Contains(formats, o.format) {
		return usagef("--format %q: want one of %s", o.format, strings.Join(formats, ", "))
	}
	if len(files) > 0 && cmd.Flags().Changed("db") {
		return usagef("give either --db or FILES, not both")
	}
	for _, d := range []*string{&o.from, &o.to} {
		if *d == "" {
			continue
		}
		n, err := ingest.NormalizeDate(*d)
		if err != nil {
			return usagef("--from/--to: %v", err)
		}
		*d = n
	}
	return nil
}

// comparison compares the records of the store, read as they stream, or
// those of the articles in files, analysed now. Inputs that fail are
// reported on stderr; the second result is then true.
func (m *Main) comparison(ctx context.Context, o sourceOptions, files []string) (*compare.Comparison, bool, error) {
	if len(files) > 0 {
		return m.compareFiles(ctx, o, files)
	}
	st, err := m.openStore(ctx, o.db, false)
	if err != nil {
		return nil, false, err
	}
	defer st.Close()
	src, ok := st.(compare.RecordSource)
	if !ok {
		return nil, false, errors.New("this database cannot compare stored claims yet; give the article FILES instead")
	}
	// Figures published after an event are what the comparison is about:
	// read a month past --to.
	to := o.to
	if to != "" {
		to = compare.AddDays(to, 31)
	}
	c, err := compare.Read(ctx, src, "", to, nil)
	if err != nil {
		return nil, false, fmt.Errorf("reading stored claims: %w", err)
	}
	return c, false, nil
}

// compareFiles analyses the articles of files and compares their records.
func (m *Main) compareFiles(ctx context.Context, o sourceOptions, files []string) (*compare.Comparison, bool, error) {
	p, err := m.pipeline()
	if err != nil {
		return nil, false, err
	}
	jobs := make(chan pipeline.Job)
	go func() {
		defer close(jobs)
		rd := m.reader(o.input)
		for _, src := range files {
			err := rd.Read(ctx, src, func(d doc.Document, err error) error {
				select {
				case jobs <- pipeline.Job{Doc: d, Err: err}:
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
	b := compare.NewBuilder(0)
	failed := false
	err = p.Run(ctx, o.workers, jobs, func(r pipeline.Result) error {
		if r.Err != nil {
			failed = true
			m.reportError("", r)
			return nil
		}
		addAnalysis(b, r.Analysis)
		return nil
	})
	return b.Comparison(), failed, err
}

// addAnalysis adds the records of an analysed document to b.
func addAnalysis(b *compare.Builder, a *doc.Analysis) {
	recs := compare.RecordsFromAnalysis(a)
	for i := range recs {
		b.Add(&recs[i])
	}
}

var compareFormats = []string{"text", export.FormatJSON, export.FormatMarkdown, export.FormatCSV, export.FormatGeoJSON}

func (m *Main) compareCmd() *cobra.Command {
	var o sourceOptions
	var event string
	cmd := &cobra.Command{
		Use:   "compare [--db PATH | FILES...]",
		Short: "Set the sides' figures side by side, with contradictions, corroboration and silences",
		Long: `Group the claims of many articles by the event they are about and show,
for each event, metric and party counted, each source's latest figure by
side (with the figures it gave before), and flags: a contradiction where
two sides' latest figures do not overlap (or a side's and the independent
sources'), corroborated where two independent sources agree, unsupported
where a single source gives the figure or none gives evidence. Then what
each side is silent about.

Reads the stored claims of the database (--db, $PARALLAX_DB or the default
database), or analyses the article FILES given. --format csv and geojson
write the events as a timeline.`,
		RunE: func(cmd *cobra.Command, files []string) error {
			if err := o.check(cmd, files, compareFormats); err != nil {
				return err
			}
			c, failed, err := m.comparison(cmd.Context(), o, files)
			if err != nil {
				return err
			}
			opts := compare.Options{Event: event, From: o.from, To: o.to}
			if err := m.writeComparison(m.Stdout, c, opts, o.format); err != nil {
				return err
			}
			if failed {
				return errReported
			}
			return nil
		},
	}
	o.register(cmd.Flags(), compareFormats)
	cmd.Flags().StringVar(&event, "event", "", "only the event with this `ID` (as the output names it)")
	return cmd
}

// writeComparison writes the comparison of the events opts selects in a
// format: text and markdown write the brief, json the report, csv and
// geojson the timeline of the events.
func (m *Main) writeComparison(w io.Writer, c *compare.Comparison, opts compare.Options, format string) error {
	if opts.Event != "" && len(c.Timeline(opts)) == 0 {
		return fmt.Errorf("no event %q", opts.Event)
	}
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case export.FormatCSV:
		err = export.CSV(bw, c.Timeline(opts))
	case export.FormatGeoJSON:
		err = export.GeoJSON(bw, c.Timeline(opts))
	case export.FormatJSON:
		err = export.JSON(bw, c.Report(opts))
	default:
		rep := c.Report(opts)
		if len(rep.Groups) == 0 {
			fmt.Fprintln(bw, "No figures to compare: none of the articles gives a figure about an event.")
		}
		err = export.Markdown(bw, rep)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// compareJSONL analyses the JSON lines documents of r (named name in
// messages) and writes their comparison and silences as the Markdown
// brief: what `parallax demo` prints for the example corpus.
func (m *Main) compareJSONL(ctx context.Context, r io.Reader, name string, w io.Writer) error {
	p, err := m.pipeline()
	if err != nil {
		return err
	}
	jobs := make(chan pipeline.Job)
	go func() {
		defer close(jobs)
		_ = ingest.ReadJSONLines(r, name, ingest.DefaultMaxBytes, func(d doc.Document, err error) error {
			select {
			case jobs <- pipeline.Job{Doc: d, Err: err}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	b := compare.NewBuilder(0)
	failed := false
	err = p.Run(ctx, 0, jobs, func(res pipeline.Result) error {
		if res.Err != nil {
			failed = true
			m.reportError(name, res)
			return nil
		}
		addAnalysis(b, res.Analysis)
		return nil
	})
	if err != nil {
		return err
	}
	if err := m.writeComparison(w, b.Comparison(), compare.Options{}, export.FormatMarkdown); err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}
