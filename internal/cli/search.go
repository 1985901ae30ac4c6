package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/store"
)

type searchOptions struct {
	db    dbOptions
	limit int
	json  bool
}

func (m *Main) searchCmd() *cobra.Command {
	var o searchOptions
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search the stored articles",
		Long: `Search the text and titles of the stored articles, best match first, and
show where each matches. All words of the query must match, in any form
("evacuate" finds "evacuated"); "quoted phrases", OR, NOT and prefix* work
too. Matches in a snippet are shown [like this].`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.limit <= 0 {
				return usagef("--limit must be at least 1")
			}
			q := strings.TrimSpace(strings.Join(a, " "))
			if q == "" {
				return usagef("empty search query")
			}
			return m.search(cmd.Context(), o, q)
		},
	}
	f := cmd.Flags()
	o.db.register(f)
	f.IntVar(&o.limit, "limit", 20, "at most `N` results")
	f.BoolVar(&o.json, "json", false, "print a JSON array")
	return cmd
}

// highlight turns the store's match marks into brackets.
var highlight = strings.NewReplacer(store.HighlightStart, "[", store.HighlightEnd, "]")

func (m *Main) search(ctx context.Context, o searchOptions, query string) error {
	st, err := m.openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, query, o.limit)
	if errors.Is(err, store.ErrInvalid) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	if o.json {
		if hits == nil {
			hits = []store.SearchHit{}
		}
		for i := range hits {
			hits[i].Snippet = highlight.Replace(hits[i].Snippet)
		}
		if err := writeJSON(out, hits); err != nil {
			return err
		}
		return out.Flush()
	}
	for i, h := range hits {
		if i > 0 {
			fmt.Fprintln(out)
		}
		title := oneLine(h.Title, 100)
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(out, "%s  %s  %s  %s\n", h.ID, orNone(h.Published), orNone(oneLine(h.Outlet, 30)), title)
		fmt.Fprintf(out, "    %s\n", oneLine(highlight.Replace(h.Snippet), 400))
	}
	return out.Flush()
}
