// Package store defines how analysed documents are kept: the Store
// interface, implemented by store/sqlite (embedded, the default) and later
// store/postgres. Implementations keep SQL portable between the two.
package store

import (
	"context"
	"errors"

	"github.com/parallaxnews/parallax/doc"
)

// ErrNotFound is returned for a document ID the store does not hold.
var ErrNotFound = errors.New("not found")

// Store keeps documents with their analyses. Implementations are safe for
// concurrent use.
type Store interface {
	// Put stores analyses in one transaction: all are stored or none.
	// It is idempotent by content hash: a document whose text is already
	// stored is not stored again, and its result names the existing one.
	Put(ctx context.Context, analyses []*doc.Analysis) ([]PutResult, error)
	// Get returns the stored analysis of a document.
	Get(ctx context.Context, id string) (*doc.Analysis, error)
	// List returns documents, newest publication first.
	List(ctx context.Context, opts ListOptions) ([]DocumentInfo, error)
	// Search returns the documents matching a full-text query, best first.
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
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}
