// Package store defines how analysed documents are kept: the Store
// interface, implemented by store/sqlite (embedded, the default) and later
// store/postgres. Implementations keep SQL portable between the two.
package store

import (
	"context"
	"errors"

	"github.com/parallaxnews/parallax/doc"
)

// Errors a store reports; test for them with errors.Is.
var (
	// ErrNotFound is returned for a document ID the store does not hold.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is returned for input the store refuses: an analysis
	// without text, spans outside the text, repeated IDs, an empty query.
	ErrInvalid = errors.New("invalid")
)

// Search snippets mark each matching term with these runes: the text between
// HighlightStart and HighlightEnd matched the query. They are control
// characters, so that a caller can escape the snippet (which is untrusted
// article text) before turning them into markup.
const (
	HighlightStart = "\x02"
	HighlightEnd   = "\x03"
)

// Store keeps documents with their analyses. Implementations are safe for
// concurrent use.
type Store interface {
	// Put stores analyses in one transaction: all are stored or none.
	// It is idempotent by content hash: a document whose text is already
	// stored is not stored again, and its result names the existing one.
	// A document without an ID, or whose ID another text already has, is
	// stored under the first 16 hex digits of the SHA-256 of its text. A
	// near-duplicate of stored documents is stored and linked to the
	// earliest of them. Analyses the store refuses (no text, spans outside
	// it, repeated layer IDs) fail the batch with an error wrapping
	// ErrInvalid.
	Put(ctx context.Context, analyses []*doc.Analysis) ([]PutResult, error)
	// Get returns the stored analysis of a document.
	Get(ctx context.Context, id string) (*doc.Analysis, error)
	// List returns documents, newest publication first.
	List(ctx context.Context, opts ListOptions) ([]DocumentInfo, error)
	// Search returns the documents matching a full-text query, best first,
	// each with a snippet of its text around the matches. The query is a
	// list of words, all of which must match; a store may accept a richer
	// syntax (phrases in quotes, OR, NOT) and falls back to plain words when
	// the query does not parse.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// Close releases the store.
	Close() error
}

// PutResult says what Put did with one analysis.
type PutResult struct {
	ID string // the stored document's ID
	// Added is false when the same text was already stored (as ID).
	Added bool
	// NearDuplicateOf names an earlier document this one nearly repeats
	// (a wire copy or repost), with their similarity in [0,1].
	NearDuplicateOf string
	Similarity      float64
}

// ListOptions filter and page List.
type ListOptions struct {
	Outlet string // only this outlet, when set
	From   string // published on or after, YYYY-MM-DD
	To     string // published on or before, YYYY-MM-DD
	Limit  int    // 0: no limit
	Offset int
}

// DocumentInfo is one line of a document listing.
type DocumentInfo struct {
	ID              string `json:"id"`
	Published       string `json:"published,omitempty"`
	Outlet          string `json:"outlet,omitempty"`
	Title           string `json:"title,omitempty"`
	URL             string `json:"url,omitempty"`
	Lang            string `json:"lang,omitempty"`
	Source          string `json:"source,omitempty"`
	NearDuplicateOf string `json:"near_duplicate_of,omitempty"`
}

// SearchHit is one result of a full-text search.
type SearchHit struct {
	DocumentInfo
	Snippet string `json:"snippet"`
	// Rank is the relevance of the hit: higher is better; comparable only
	// within one search.
	Rank float64 `json:"rank"`
}
