package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/store"
)

// Get returns the stored analysis of the document with the given ID, or an
// error wrapping store.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (*doc.Analysis, error) {
	var d doc.Document
	var js string
	err := s.stmts.get.QueryRowContext(ctx, id).Scan(&d.ID, &d.Source, &d.Outlet, &d.URL, &d.Published, &d.Lang, &d.Title, &d.Text, &js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading document %q: %w", id, err)
	}
	a := doc.NewAnalysis(d)
	if err := json.Unmarshal([]byte(js), a); err != nil {
		return nil, fmt.Errorf("reading the analysis of document %q: %w", id, err)
	}
	a.Document = d
	return a, nil
}

// documentColumns are the columns that make a store.DocumentInfo, in the
// order scanInfo reads them.
const documentColumns = `d.id, d.published, d.outlet, d.title, d.url, d.lang, d.source, COALESCE(d.near_duplicate_of, '')`

func scanInfo(sc interface{ Scan(...any) error }, extra ...any) (store.DocumentInfo, error) {
	var i store.DocumentInfo
	dest := append([]any{&i.ID, &i.Published, &i.Outlet, &i.Title, &i.URL, &i.Lang, &i.Source, &i.NearDuplicateOf}, extra...)
	return i, sc.Scan(dest...)
}

// List returns the documents that match opts, newest publication first
// (documents without a date last), then the most recently stored first.
func (s *Store) List(ctx context.Context, opts store.ListOptions) ([]store.DocumentInfo, error) {
	var q strings.Builder
	var args []any
	q.WriteString(`SELECT ` + documentColumns + ` FROM documents d WHERE 1 = 1`)
	if opts.Outlet != "" {
		q.WriteString(` AND lower(d.outlet) = lower(?)`)
		args = append(args, opts.Outlet)
	}
	if opts.From != "" {
		q.WriteString(` AND d.published >= ?`)
		args = append(args, opts.From)
	}
	if opts.To != "" {
		q.WriteString(` AND d.published <> '' AND d.published <= ?`)
		args = append(args, opts.To)
	}
	q.WriteString(` ORDER BY d.published DESC, d.seq DESC`)
	if opts.Limit > 0 || opts.Offset > 0 {
		limit := int64(opts.Limit)
		if limit <= 0 {
			limit = math.MaxInt64
		}
		q.WriteString(` LIMIT ? OFFSET ?`)
		args = append(args, limit, max(opts.Offset, 0))
	}
	rows, err := s.db.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	defer rows.Close()
	var out []store.DocumentInfo
	for rows.Next() {
		i, err := scanInfo(rows)
		if err != nil {
			return nil, fmt.Errorf("listing documents: %w", err)
		}
		out = append(out, i)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	return out, nil
}
