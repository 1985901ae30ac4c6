package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
)

// jsonDocument is one line of a JSON lines input. Only Text is required.
type jsonDocument struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Lang      string `json:"lang"`
	Source    string `json:"source"`
}

// ReadJSONLines reads one document per line of r — {"id", "text",
// "published", "title", "outlet", "url", "lang"}, only "text" required —
// and calls fn with each, or with an *Error naming the line (and its id
// when it has one) for a line that cannot be used. Blank lines are skipped.
// A line longer than maxBytes is an error of its own; reading goes on.
func ReadJSONLines(r io.Reader, name string, maxBytes int64, fn func(doc.Document, error) error) error {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, maxBytes)
		if err != nil && err != io.EOF {
			return fn(doc.Document{}, &Error{Input: fmt.Sprintf("%s:%d", name, n), Err: err})
		}
		if tooLong {
			if ferr := fn(doc.Document{}, &Error{Input: fmt.Sprintf("%s:%d", name, n), Err: ErrTooLarge}); ferr != nil {
				return ferr
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			d, derr := parseJSONLine(line)
			if derr != nil {
				input := fmt.Sprintf("%s:%d", name, n)
				if d.ID != "" {
					input += " (id " + d.ID + ")"
				}
				derr = &Error{Input: input, Err: derr}
			} else {
				d.Source = fmt.Sprintf("%s:%d", name, n)
			}
			if ferr := fn(d, derr); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its newline; past max bytes it discards
// the rest of the line and reports tooLong.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if !tooLong {
			line = append(line, chunk...)
			if int64(len(line)) > max {
				tooLong, line = true, nil
			}
		}
		if err != nil {
			if err == io.EOF && (len(line) > 0 || tooLong) {
				return line, tooLong, nil
			}
			return line, tooLong, err
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}

// parseJSONLine decodes one JSON lines document. On error the returned
// document still carries the id when one could be read.
func parseJSONLine(line []byte) (doc.Document, error) {
	var j jsonDocument
	if err := json.Unmarshal(line, &j); err != nil {
		var idOnly struct {
			ID any `json:"id"`
		}
		_ = json.Unmarshal(line, &idOnly)
		d := doc.Document{}
		if idOnly.ID != nil {
			d.ID = fmt.Sprint(idOnly.ID)
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return d, fmt.Errorf("not a JSON object: %v", err)
		}
		return d, fmt.Errorf("bad document: %v", err)
	}
	d := doc.Document{ID: j.ID, Source: j.Source, Outlet: j.Outlet, URL: j.URL, Lang: j.Lang, Title: j.Title, Text: j.Text}
	if strings.TrimSpace(j.Text) == "" {
		return d, errors.New(`no "text"`)
	}
	if !utf8.ValidString(j.Text) {
		return d, errors.New("text is not valid UTF-8")
	}
	if j.Published != "" {
		p, err := NormalizeDate(j.Published)
		if err != nil {
			return d, fmt.Errorf(`bad "published": %v`, err)
		}
		d.Published = p
	}
	Complete(&d)
	return d, nil
}

// NormalizeDate turns a date or timestamp ("2022-10-06",
// "2022-10-06T08:00:00Z", RFC 1123 and the like) into YYYY-MM-DD.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
		time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822, time.ANSIC, "2006/01/02", "02.01.2006", "January 2, 2006", "2 January 2006", "Jan 2, 2006", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	if d := findDate(s); d != "" {
		return d, nil
	}
	return "", fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
}
