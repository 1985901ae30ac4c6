// Package ingest reads articles from their sources — files, folders, standard
// input and URLs; plain text, HTML, RSS/Atom feeds, WARC archives and JSON
// lines, any of them gzip-compressed — and turns each into a doc.Document
// with UTF-8 text and metadata.
//
// The format is sniffed from the content, with the file extension or the
// HTTP Content-Type only as a hint. Valid UTF-8 text is kept byte for byte,
// so that offsets into it match the original file; other encodings are
// decoded (see decodeText). Every failure reaches the caller as one *Error
// that names the input, so the rest of a batch still goes through.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/parallaxnews/parallax/doc"
)

// Error is a failure to read one input. Its message names the input, so it
// can be shown to a user as it is.
type Error struct {
	Input string // the path, URL, "path#record" or "path:line" that failed
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

// DefaultTimeout is the default time limit of one download.
const DefaultTimeout = 30 * time.Second

// maxRedirects is how many redirects one download may follow.
const maxRedirects = 5

// Options configure a Reader.
type Options struct {
	// MaxBytes limits the size of one input: a file, a download, a
	// decompressed stream, a WARC record or a JSON line. Zero means
	// DefaultMaxBytes. Inputs are never read past the limit.
	MaxBytes int64
	// Stdin is read for the source "-".
	Stdin io.Reader
	// Timeout limits one download, from connecting to the last byte of the
	// body. Zero means DefaultTimeout.
	Timeout time.Duration
	// AllowPrivate lets downloads connect to loopback, private, link-local,
	// multicast and unspecified addresses. Without it such addresses are
	// refused at connection time, after DNS resolution.
	AllowPrivate bool
	// UserAgent is sent with downloads; empty means a parallax default.
	UserAgent string
}

// Reader reads documents from sources. It is safe for concurrent use.
type Reader struct {
	opts   Options
	client *http.Client
}

// NewReader returns a Reader with the given options.
func NewReader(opts Options) *Reader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "parallax/0.1 (news analysis; +https://github.com/parallaxnews/parallax)"
	}
	return &Reader{opts: opts, client: newClient(opts.AllowPrivate)}
}

// Read reads every document at src — a file, a folder (walked recursively
// in name order, hidden entries skipped), "-" for standard input, or an
// http(s) URL — and calls fn with each document, or with an *Error for an
// input or record that could not be read, so that the rest of a batch still
// goes through. Read stops at the first error fn returns and returns it,
// or at the end of ctx.
func (r *Reader) Read(ctx context.Context, src string, fn func(doc.Document, error) error) error {
	if src == "-" {
		return r.readStream(ctx, "-", r.opts.Stdin, hint{size: -1}, fn)
	}
	if isURL(src) {
		return r.fetch(ctx, src, fn)
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
	info, err := f.Stat()
	if err != nil {
		return fn(doc.Document{}, &Error{Input: path, Err: unwrapPathError(err)})
	}
	return r.readStream(ctx, path, f, hint{ext: extension(path), size: info.Size()}, fn)
}

// hint is what is known of an input besides its bytes.
type hint struct {
	ext         string // lower-case file extension without ".gz", e.g. ".html"
	contentType string // the HTTP Content-Type, if any
	size        int64  // the size in bytes, or -1 when unknown
	url         string // the address the input was downloaded from, if any
	gunzipped   bool   // the stream was already decompressed once
}

// sniffLen is how many bytes are looked at to tell the format.
const sniffLen = 4096

// readStream reads one input of any format from rd and hands its documents
// to fn.
func (r *Reader) readStream(ctx context.Context, name string, rd io.Reader, h hint, fn func(doc.Document, error) error) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return fn(doc.Document{}, &Error{Input: name, Err: err})
	}
	if len(head) == 0 {
		return fn(doc.Document{}, &Error{Input: name, Err: ErrEmpty})
	}
	// Archives and JSON lines are limited record by record, anything else
	// as a whole: before reading further, when the size is known.
	if h.size > r.opts.MaxBytes && !streamed(head, h.ext) {
		return fn(doc.Document{}, &Error{Input: name, Err: tooLarge(h.size, r.opts.MaxBytes)})
	}
	f, err := sniff(head, h)
	if err != nil {
		return fn(doc.Document{}, &Error{Input: name, Err: err})
	}
	switch f {
	case formatGzip:
		if h.gunzipped {
			return fn(doc.Document{}, &Error{Input: name, Err: errors.New("compressed twice (gzip inside gzip): not supported")})
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fn(doc.Document{}, &Error{Input: name, Err: fmt.Errorf("bad gzip data: %w", err)})
		}
		defer zr.Close()
		return r.readStream(ctx, name, zr, hint{ext: h.ext, contentType: h.contentType, size: -1, url: h.url, gunzipped: true}, fn)
	case formatWARC:
		return r.readWARC(ctx, name, br, fn)
	case formatJSONL:
		return ReadJSONLines(br, name, r.opts.MaxBytes, fn)
	}
	data, err := readLimited(br, r.opts.MaxBytes)
	if err != nil {
		return fn(doc.Document{}, &Error{Input: name, Err: err})
	}
	switch f {
	case formatHTML:
		d, err := FromHTML(data, h.contentType, h.url)
		if d.Text != "" {
			d.Source = name
			if ferr := fn(d, nil); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			return fn(doc.Document{}, &Error{Input: name, Err: err})
		}
		return nil
	case formatFeed:
		return r.readFeed(ctx, name, data, fn)
	}
	d, err := fromText(data, charsetParam(h.contentType))
	if err != nil {
		return fn(doc.Document{}, &Error{Input: name, Err: err})
	}
	d.Source = name
	if h.url != "" && d.URL == "" {
		d.URL = h.url
	}
	return fn(d, nil)
}

// streamed reports whether an input that starts with head is read record
// by record (WARC, JSON lines, or compressed) rather than as a whole.
func streamed(head []byte, ext string) bool {
	s := bytes.TrimLeft(head, " \t\r\n\ufeff")
	return bytes.HasPrefix(head, []byte{0x1f, 0x8b}) || bytes.HasPrefix(s, []byte("WARC/")) ||
		(len(s) > 0 && s[0] == '{') || ext == ".warc" || ext == ".jsonl" || ext == ".ndjson"
}

// readLimited reads all of rd, failing with ErrTooLarge as soon as it
// passes max bytes.
func readLimited(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, byteSize(max))
	}
	return data, nil
}

// readError says in plain words what went wrong while reading.
func readError(err error) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return fmt.Errorf("input is cut short or damaged: %w", err)
	}
	return err
}

func tooLarge(size, max int64) error {
	return fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, byteSize(size), byteSize(max))
}

// byteSize writes n bytes for people: "512 bytes", "3.2 MiB".
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
}

// extension returns the lower-case extension of path that tells its
// format, looking through a final ".gz": "a.warc.gz" → ".warc".
func extension(path string) string {
	p := strings.ToLower(path)
	p = strings.TrimSuffix(p, ".gz")
	return filepath.Ext(p)
}

// Complete fills what d lacks from its text: the title (a first-line
// headline), the publication date (a dateline at the start or end of the
// text), the language (detected from the start of the text) and the ID (a
// content hash).
func Complete(d *doc.Document) {
	if d.Title == "" {
		d.Title = Headline(d.Text)
	}
	if d.Published == "" {
		d.Published = Dateline(d.Text)
	}
	if d.Lang == "" {
		d.Lang = DetectLanguage(d.Text)
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
