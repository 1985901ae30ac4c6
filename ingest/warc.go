package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/parallaxnews/parallax/doc"
)

// readWARC reads a WARC archive (its gzip members, if any, already
// decompressed): every HTML or text response or resource record becomes a
// document named "name#n" (n counting records from 1) with the record's
// target URI and date. Requests, metadata, revisits, failed responses and
// other media are skipped. A record that cannot be used gives an error of
// its own; damage to the archive itself gives the records before it, then
// an error.
func (r *Reader) readWARC(ctx context.Context, name string, rd io.Reader, fn func(doc.Document, error) error) error {
	wf, err := gowarc.NewWarcFileReaderFromStream(rd, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(r.opts.MaxBytes+1),
	)
	if err != nil {
		return fn(doc.Document{}, &Error{Input: name, Err: fmt.Errorf("cannot read WARC: %w", err)})
	}
	defer wf.Close()
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		input := fmt.Sprintf("%s#%d", name, n)
		rec, err := wf.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if rec.WarcRecord != nil {
				rec.Close()
			}
			if errors.Is(err, gowarc.ErrNoRecord) && n > 1 {
				return fn(doc.Document{}, &Error{Input: input, Err: errors.New("junk after the last WARC record")})
			}
			return fn(doc.Document{}, &Error{Input: input, Err: fmt.Errorf("damaged WARC record, reading stops here: %w", readError(err))})
		}
		d, ok, derr := r.warcRecord(rec.WarcRecord)
		rec.Close()
		if !ok {
			continue
		}
		if d.Text != "" {
			d.Source = input
			if ferr := fn(d, nil); ferr != nil {
				return ferr
			}
		}
		if derr != nil {
			if ferr := fn(doc.Document{}, &Error{Input: input, Err: derr}); ferr != nil {
				return ferr
			}
		}
	}
}

// warcRecord makes a document of one record; ok is false for a record
// that holds no article (a request, an image, a redirect, ...).
func (r *Reader) warcRecord(wr gowarc.WarcRecord) (d doc.Document, ok bool, err error) {
	if wr.Type() != gowarc.Response && wr.Type() != gowarc.Resource {
		return d, false, nil
	}
	h := wr.WarcHeader()
	target := strings.Trim(h.Get(gowarc.WarcTargetURI), "<> ")
	var contentType string
	var body io.Reader
	switch b := wr.Block().(type) {
	case gowarc.HttpResponseBlock:
		if c := b.HttpStatusCode(); c < 200 || c > 299 {
			return d, false, nil
		}
		if hh := b.HttpHeader(); hh != nil {
			contentType = hh.Get("Content-Type")
		}
		body, err = b.PayloadBytes()
	case gowarc.PayloadBlock:
		if wr.Type() == gowarc.Response {
			return d, false, nil // a non-HTTP response (DNS, FTP)
		}
		contentType = h.Get(gowarc.ContentType)
		body, err = b.PayloadBytes()
	default:
		return d, false, nil
	}
	if err != nil {
		return d, true, fmt.Errorf("cannot read WARC record: %w", readError(err))
	}
	mt := mediaType(contentType)
	isHTML := mt == "text/html" || mt == "application/xhtml+xml"
	if !isHTML && mt != "text/plain" && mt != "" {
		return d, false, nil
	}
	if n, err := wr.ContentLength(); err == nil && n > r.opts.MaxBytes {
		return d, true, tooLarge(n, r.opts.MaxBytes)
	}
	data, err := readLimited(body, r.opts.MaxBytes)
	if err != nil {
		return d, true, err
	}
	if mt == "" {
		f, err := sniff(data[:min(len(data), sniffLen)], hint{})
		if err != nil || (f != formatHTML && f != formatText) {
			return d, false, nil
		}
		isHTML = f == formatHTML
	}
	if isHTML {
		d, err = FromHTML(data, contentType, target)
	} else {
		d, err = fromText(data, charsetParam(contentType))
	}
	if d.Text == "" {
		return d, true, err
	}
	if target != "" && d.URL == "" {
		d.URL = target
	}
	if d.Published == "" {
		if t, terr := wr.Date(); terr == nil && !t.IsZero() {
			d.Published = t.Format(time.DateOnly)
		}
	}
	return d, true, err
}
