package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/store"
)

type showOptions struct {
	db   dbOptions
	json bool
}

func (m *Main) showCmd() *cobra.Command {
	var o showOptions
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show the stored analysis of an article",
		Long: `Show the stored analysis of the article with the given ID (see 'parallax
list'): a readable report, or with --json the output contract of 'parallax
analyze --json'.`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return m.show(cmd.Context(), o, a[0])
		},
	}
	f := cmd.Flags()
	o.db.register(f)
	f.BoolVar(&o.json, "json", false, "print the analysis as JSON (the output contract)")
	return cmd
}

func (m *Main) show(ctx context.Context, o showOptions, id string) error {
	st, err := m.openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no article with ID %q (see 'parallax list')", id)
	}
	if err != nil {
		return err
	}
	out := bufio.NewWriter(m.Stdout)
	if o.json {
		err = writeJSON(out, a)
	} else {
		err = writeReport(out, a)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}
