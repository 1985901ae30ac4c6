package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/entity"
	"github.com/parallaxnews/parallax/examples"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store"
)

func (m *Main) demoCmd() *cobra.Command {
	var keep string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Analyse, store and compare the bundled example corpus",
		Long: `Ingest the bundled example corpus — ten short illustrative reports on one
border clash, written for Parallax (not real articles; see examples/README.md)
— into a temporary database, and print what Parallax can say about it: the
stored documents and their near-duplicates, the claims of each, the figures
each side gives side by side with contradictions, and what each side is
silent about. With --db PATH the database is kept, for 'parallax serve'.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return m.demo(cmd.Context(), keep)
		},
	}
	cmd.Flags().StringVar(&keep, "db", "", "keep the demo database at `PATH` (it must not exist yet)")
	return cmd
}

func (m *Main) demo(ctx context.Context, keep string) error {
	dir, err := os.MkdirTemp("", "parallax-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	corpus := filepath.Join(dir, examples.BorderClashFile)
	if err := writeReader(corpus, examples.BorderClash()); err != nil {
		return err
	}
	dbPath := filepath.Join(dir, "demo.db")
	if keep != "" {
		if _, err := os.Stat(keep); err == nil {
			return usagef("--db %s: the file exists; give a new path", keep)
		}
		dbPath = keep
	}
	outlets, err := entity.ParseOutlets(examples.Outlets())
	if err != nil {
		return fmt.Errorf("the example outlets: %w", err)
	}

	w := m.Stdout
	fmt.Fprintln(w, "Parallax demo: ten illustrative reports on one border clash, written for the")
	fmt.Fprintln(w, "project from both sides' outlets and neutral ones (not real articles).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "== Ingest: read, analyse, store (near-duplicates linked to their original)")
	db := dbOptions{dsn: dbPath}
	err = m.ingest(ctx, ingestOptions{
		db:       db,
		input:    inputOptions{maxBytes: ingest.DefaultMaxBytes},
		batch:    100,
		pipeline: []pipeline.Option{pipeline.WithEntityOptions(entity.WithOutlets(outlets))},
	}, []string{corpus})
	if err != nil {
		return err
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "== Stored documents (parallax list)")
	if err := m.list(ctx, listOptions{db: db}); err != nil {
		return err
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "== Claims, document by document (parallax show ID)")
	if err := m.demoClaims(ctx, db); err != nil {
		return err
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "== The sides' figures compared, and their silences (parallax compare)")
	fmt.Fprintln(w)
	c, _, err := m.comparison(ctx, sourceOptions{db: db}, nil)
	if err != nil {
		return err
	}
	if err := m.writeComparison(w, c, compare.Options{}, "text"); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if keep != "" {
		fmt.Fprintf(w, "The database is kept at %s: try 'parallax serve --db %s'.\n", keep, keep)
	} else {
		fmt.Fprintln(w, "Next: 'parallax demo --db demo.db' keeps the database; 'parallax serve --db demo.db' opens it in a browser.")
	}
	return nil
}

// demoClaims prints each stored document's claims, one line each.
func (m *Main) demoClaims(ctx context.Context, db dbOptions) error {
	st, err := m.openStore(ctx, db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.List(ctx, store.ListOptions{})
	if err != nil {
		return err
	}
	w := m.Stdout
	for i := len(docs) - 1; i >= 0; i-- { // oldest first, as the story unfolded
		a, err := st.Get(ctx, docs[i].ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s  %s — %s\n", a.Document.Published, a.Document.Outlet, oneLine(a.Document.Title, 70))
		if len(a.Claims) == 0 {
			fmt.Fprintln(w, "    (no figures)")
		}
		for _, c := range a.Claims {
			by := c.Speaker
			for _, e := range a.Entities {
				if e.ID == c.Speaker {
					by = e.Name
				}
			}
			fmt.Fprintf(w, "    %-20s %-10s about %-3s by %s (side %s)%s%s\n", c.Metric, bounds(c.Low, c.High), orNone(string(c.About)),
				orNone(by), orNone(string(c.Side)), cond(len(c.Via) > 0, ", via "+strings.Join(c.Via, " → "), ""),
				cond(c.Evidence == "none_given", ", no evidence given", cond(c.Evidence == "cited", ", evidence cited", "")))
		}
	}
	return nil
}

// writeReader copies r into a new file at path.
func writeReader(path string, r io.Reader) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
