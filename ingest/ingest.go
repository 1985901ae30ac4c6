// Package ingest reads articles from their sources — files, folders, standard
// input and URLs; plain text, HTML, RSS/Atom feeds, WARC archives and JSON
// lines — and turns each into a doc.Document with UTF-8 text and metadata.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
)

// Error is a failure to read one input. Its message names the input, so it
// can be shown to a user as it is.
type Error struct {
	Input string // the path, URL or record that failed
	Err   error
}

func (e *Error) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Errors a reader reports about its input.
var (
	ErrEmpty    = errors.New("empty input: no text")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = errors.New("input larger than the size limit")
)

// DefaultMaxBytes is the default size limit of one input.
const DefaultMaxBytes = 64 << 20

// Options configure a Reader.
type Options struct {
	// MaxBytes limits the size of one input (a file, a download, a record);
	// zero means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the source "-".
	Stdin io.Reader
}

// Reader reads documents from sources.
type Reader struct {
	opts Options
}

// NewReader returns a Reader with the given options.
func NewReader(opts Options) *Reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	return &Reader{opts: opts}
}

// Read reads every document at src — a file, a folder (walked in name
// order), or "-" for standard input — and calls fn with each document, or
// with an *Error for an input that could not be read, so that the rest of a
// batch still goes through. Read stops at the first error fn returns and
// returns it.
func (r *Reader) Read(ctx context.Context, src string, fn func(doc.Document, error) error) error {
	if src == "-" {
		return r.readStream(ctx, "-", r.opts.Stdin, fn)
	}
	info, err := os.Stat(src)
	if err != nil {
		return fn(doc.Document{}, &Error{Input: src, Err: unwrapPathError(err)})
	}
	if !info.IsDir() {
		return r.readFile(ctx, src, fn)
	}
	var files []string
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fn(doc.Document{}, &Error{Input: p, Err: unwrapPathError(err)})
		}
		if d.IsDir() {
			if p != src && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readFile(ctx, f, fn); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) readFile(ctx context.Context, path string, fn func(doc.Document, error) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(doc.Document{}, &Error{Input: path, Err: unwrapPathError(err)})
	}
	defer f.Close()
	return r.readStream(ctx, path, f, fn)
}

func (r *Reader) readStream(_ context.Context, name string, rd io.Reader, fn func(doc.Document, error) error) error {
	data, err := readLimited(rd, r.opts.MaxBytes)
	if err != nil {
		return fn(doc.Document{}, &Error{Input: name, Err: err})
	}
	d, err := FromText(data)
	if err != nil {
		return fn(doc.Document{}, &Error{Input: name, Err: err})
	}
	d.Source = name
	return fn(d, nil)
}

// readLimited reads all of rd, failing with ErrTooLarge past max bytes.
func readLimited(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (%d MiB)", ErrTooLarge, max>>20)
	}
	return data, nil
}

// FromText makes a document of plain text: valid UTF-8 is kept byte for
// byte, so that offsets match the original file; title and date are read
// from the text.
func FromText(data []byte) (doc.Document, error) {
	if len(strings.TrimSpace(string(data))) == 0 {
		return doc.Document{}, ErrEmpty
	}
	if looksBinary(data) {
		return doc.Document{}, ErrBinary
	}
	if !utf8.Valid(data) {
		return doc.Document{}, errors.New("text is not valid UTF-8")
	}
	d := doc.Document{Text: string(data)}
	Complete(&d)
	return d, nil
}

// looksBinary reports whether data holds NUL bytes or many control bytes
// in its first 8 KiB.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' && b != 0x1b {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

// Complete fills what d lacks from its text: the ID (a content hash), the
// title (a first-line headline) and the publication date (a dateline at the
// start or end of the text).
func Complete(d *doc.Document) {
	if d.Title == "" {
		d.Title = Headline(d.Text)
	}
	if d.Published == "" {
		d.Published = Dateline(d.Text)
	}
	if d.ID == "" {
		d.ID = ContentID(d.Text)
	}
}

// ContentID returns the ID of a document with the given text: the first 16
// hex digits of its SHA-256.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
