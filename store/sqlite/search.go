package sqlite

// This file holds the SQLite-only part of the store: full-text search with
// FTS5 (the index is made by migrations/0002_fts.sql).

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/store"
)

const searchSQL = `SELECT ` + documentColumns + `,
    snippet(documents_fts, 1, char(2), char(3), '…', 24), -rank
FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH ?
ORDER BY rank
LIMIT ?`

// Search returns up to limit documents (20 when limit is 0) matching the
// query, best first (BM25, a match in the title counting four times one in
// the text), each with a snippet of 24 words of its text where the matching words are
// enclosed in store.HighlightStart and store.HighlightEnd.
//
// The query is an FTS5 expression: words (all must match, in any word form
// the Porter stemmer merges), "quoted phrases", OR, NOT, prefix*. A query
// that is not a valid expression is searched as plain words.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	// Control characters (NUL among them) mean nothing in a query and
	// would cut it short.
	query = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, query))
	if query == "" {
		return nil, fmt.Errorf("%w: empty search query", store.ErrInvalid)
	}
	if limit <= 0 {
		limit = 20
	}
	hits, err := s.search(ctx, query, limit)
	if err != nil {
		// Not an FTS5 expression ("Kyrgyz-Tajik", "side:TJ", an open
		// quote): search for the words.
		hits, err = s.search(ctx, plainWords(query), limit)
	}
	if err != nil {
		return nil, fmt.Errorf("searching for %q: %w", query, err)
	}
	return hits, nil
}

func (s *Store) search(ctx context.Context, match string, limit int) ([]store.SearchHit, error) {
	if match == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, searchSQL, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		info, err := scanInfo(rows, &h.Snippet, &h.Rank)
		if err != nil {
			return nil, err
		}
		h.DocumentInfo = info
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// plainWords turns a query into an FTS5 expression that matches its words,
// each quoted so that no character has a meaning of its own.
func plainWords(query string) string {
	var b strings.Builder
	for _, w := range strings.Fields(query) {
		w = strings.Trim(w, `"`)
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String()
}

// lastSeq returns the seq of the last stored document, or 0.
func lastSeq(ctx context.Context, tx *sql.Tx) (int64, error) {
	var seq int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM documents`).Scan(&seq)
	return seq, err
}

// indexText adds the documents stored after seq to the full-text index, in
// one statement, so that the index writes one segment per batch.
func indexText(ctx context.Context, tx *sql.Tx, after int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, text) SELECT seq, title, text FROM documents WHERE seq > ?`, after)
	if err != nil {
		return fmt.Errorf("indexing the text: %w", err)
	}
	return nil
}
