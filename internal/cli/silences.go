package cli

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/export"
)

var silenceFormats = []string{"text", export.FormatJSON, export.FormatMarkdown}

func (m *Main) silencesCmd() *cobra.Command {
	var o sourceOptions
	var side, vs string
	cmd := &cobra.Command{
		Use:   "silences --side S [--vs T] [--db PATH | FILES...]",
		Short: "What the other side and independent sources report that one side never mentions",
		Long: `List what sources of the other sides and independent sources report that
the sources of side S never mention in the same period: events, figures
about each party (the dead, the injured, the displaced, destroyed
buildings), and accusations against S that S never answers. With --vs T,
only what side T and independent sources report counts. Sides are party
codes (KG, TJ).

Reads the stored claims of the database, or analyses the article FILES.`,
		RunE: func(cmd *cobra.Command, files []string) error {
			if side == "" {
				return usagef("--side is required")
			}
			if err := o.check(cmd, files, silenceFormats); err != nil {
				return err
			}
			c, failed, err := m.comparison(cmd.Context(), o, files)
			if err != nil {
				return err
			}
			s := doc.Party(strings.ToUpper(side))
			items := c.Silences(s, doc.Party(strings.ToUpper(vs)))
			items = inPeriod(items, o.from, o.to)
			bw := bufio.NewWriter(m.Stdout)
			if o.format == export.FormatJSON {
				err = writeJSON(bw, items)
			} else {
				writeSilences(bw, s, items)
			}
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if failed {
				return errReported
			}
			return nil
		},
	}
	o.register(cmd.Flags(), silenceFormats)
	cmd.Flags().StringVar(&side, "side", "", "the `PARTY` whose silences to list (KG, TJ, ...)")
	cmd.Flags().StringVar(&vs, "vs", "", "count only what this `PARTY` and independent sources report")
	return cmd
}

// inPeriod keeps the silences about events that overlap [from, to].
func inPeriod(items []compare.Silence, from, to string) []compare.Silence {
	out := items[:0]
	for _, s := range items {
		if from != "" && s.Event.To != "" && s.Event.To < from || to != "" && s.Event.From != "" && s.Event.From > to {
			continue
		}
		out = append(out, s)
	}
	if out == nil {
		return []compare.Silence{}
	}
	return out
}

func writeSilences(w *bufio.Writer, side doc.Party, items []compare.Silence) {
	if len(items) == 0 {
		fmt.Fprintf(w, "Nothing found that %s sources leave out.\n", export.Escape(string(side)))
		return
	}
	fmt.Fprintf(w, "# What %s sources are silent about\n\n", export.Escape(string(side)))
	for _, s := range items {
		fmt.Fprintf(w, "- %s\n", export.SilenceText(s))
	}
}
