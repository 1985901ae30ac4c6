package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/store"
)

type listOptions struct {
	db   dbOptions
	list store.ListOptions
	json bool
}

func (m *Main) listCmd() *cobra.Command {
	var o listOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the stored articles, newest first",
		Long: `List the stored articles, newest publication first: one line each with its
ID, publication date, outlet and title; with --json, a JSON array.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, d := range []*string{&o.list.From, &o.list.To} {
				if *d == "" {
					continue
				}
				p, err := ingest.NormalizeDate(*d)
				if err != nil {
					return usagef("--from/--to: %v", err)
				}
				*d = p
			}
			if o.list.Limit < 0 {
				return usagef("--limit must not be negative")
			}
			return m.list(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	o.db.register(f)
	f.StringVar(&o.list.Outlet, "outlet", "", "only articles of this `OUTLET` (any case)")
	f.StringVar(&o.list.From, "from", "", "only articles published on or after `DATE` (YYYY-MM-DD)")
	f.StringVar(&o.list.To, "to", "", "only articles published on or before `DATE` (YYYY-MM-DD)")
	f.IntVar(&o.list.Limit, "limit", 0, "at most `N` articles (0: all)")
	f.BoolVar(&o.json, "json", false, "print a JSON array")
	return cmd
}

func (m *Main) list(ctx context.Context, o listOptions) error {
	st, err := m.openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.List(ctx, o.list)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	if o.json {
		if docs == nil {
			docs = []store.DocumentInfo{}
		}
		if err := writeJSON(out, docs); err != nil {
			return err
		}
		return out.Flush()
	}
	tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)
	for _, d := range docs {
		title := oneLine(d.Title, 100)
		if d.NearDuplicateOf != "" {
			title += " [near-duplicate of " + d.NearDuplicateOf + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, orNone(d.Published), orNone(oneLine(d.Outlet, 30)), title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return out.Flush()
}

// writeJSON writes v as indented JSON, without escaping HTML characters.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// oneLine makes untrusted text safe to print on one line of a terminal:
// control characters (tabs, newlines, escape sequences) become spaces,
// runs of space collapse, and the text is clipped to n runes.
func oneLine(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return clip(s, n)
}
