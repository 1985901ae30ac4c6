package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// format is the kind of an input, as told by sniff.
type format int

const (
	formatText format = iota
	formatHTML
	formatFeed
	formatWARC
	formatJSONL
	formatGzip
)

// magic numbers of binary formats that are not text, with their names.
var binaryMagic = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"},
	{"PK\x05\x06", "an empty ZIP archive"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"RIFF", "a RIFF file (WebP, WAV or AVI)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"},
	{"\x7fELF", "a program (ELF)"},
	{"MZ", "a Windows program"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"\xfd7zXZ\x00", "an XZ archive"},
	{"\x28\xb5\x2f\xfd", "a Zstandard archive"},
	{"BZh", "a bzip2 archive"},
	{"\x00asm", "a WebAssembly module"},
	{"ID3", "an MP3 file"},
	{"OggS", "an Ogg media file"},
	{"\x1aE\xdf\xa3", "a Matroska/WebM video"},
	{"SQLite format 3\x00", "an SQLite database"},
}

// sniff tells the format of an input from its first bytes, with the
// extension and Content-Type in h as hints where the bytes do not decide.
// It fails with ErrBinary for data that is not text.
func sniff(head []byte, h hint) (format, error) {
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		return formatGzip, nil
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			if m.prefix == "BZh" && (len(head) < 4 || head[3] < '1' || head[3] > '9') {
				continue
			}
			if m.prefix == "MZ" && !bytes.Contains(head, []byte("This program cannot")) && !bytes.Contains(head, []byte("PE\x00\x00")) {
				continue
			}
			if m.prefix == "RIFF" && (len(head) < 12 || !isASCIIUpper(head[8:12])) {
				continue
			}
			return 0, fmt.Errorf("%w: %s", ErrBinary, m.name)
		}
	}
	if len(head) >= 12 && string(head[4:8]) == "ftyp" {
		return 0, fmt.Errorf("%w: %s", ErrBinary, "an MP4/QuickTime media file")
	}
	if u := utf16BOM(head); u != nil {
		// Sniff the decoded start, so that UTF-16 HTML is seen as HTML.
		if s, err := u.NewDecoder().Bytes(head[:len(head)&^1]); err == nil {
			head = s
		}
	} else if looksBinary(head) {
		return 0, ErrBinary
	}
	s := bytes.TrimLeft(head, " \t\r\n\f\ufeff")
	s = bytes.TrimPrefix(s, []byte("\ufeff"))
	s = bytes.TrimLeft(s, " \t\r\n\f")
	ct := mediaType(h.contentType)
	switch {
	case bytes.HasPrefix(s, []byte("WARC/")):
		return formatWARC, nil
	case len(s) > 0 && s[0] == '{':
		if bytes.Contains(s[:min(len(s), 512)], []byte("jsonfeed.org/version")) {
			return formatFeed, nil
		}
		return formatJSONL, nil
	case len(s) > 0 && s[0] == '<':
		return sniffMarkup(s, h.ext, ct), nil
	}
	switch {
	case h.ext == ".html" || h.ext == ".htm" || h.ext == ".xhtml" || ct == "text/html" || ct == "application/xhtml+xml":
		if bytes.IndexByte(s, '<') >= 0 {
			return formatHTML, nil
		}
	case h.ext == ".jsonl" || h.ext == ".ndjson":
		return formatJSONL, nil
	case h.ext == ".warc":
		return formatWARC, nil
	}
	return formatText, nil
}

// sniffMarkup tells a feed from an HTML page by the first element that
// names one of them; ext and ct (a media type) decide when none does.
func sniffMarkup(s []byte, ext, ct string) format {
	low := bytes.ToLower(s[:min(len(s), 2048)])
	feedAt := firstIndex(low, "<rss", "<feed", "<rdf:rdf")
	htmlAt := firstIndex(low, "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article")
	switch {
	case feedAt >= 0 && (htmlAt < 0 || feedAt < htmlAt):
		return formatFeed
	case htmlAt >= 0:
		return formatHTML
	case ct == "application/rss+xml" || ct == "application/atom+xml" || ext == ".rss" || ext == ".atom" || ext == ".xml":
		return formatFeed
	}
	if http.DetectContentType(s) == "text/html; charset=utf-8" {
		return formatHTML
	}
	return formatHTML // markup of another kind: its text is what is wanted
}

// firstIndex returns the first position in s of any of subs, or -1.
func firstIndex(s []byte, subs ...string) int {
	at := -1
	for _, sub := range subs {
		if i := bytes.Index(s, []byte(sub)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// looksBinary reports whether data holds NUL bytes or many control bytes.
func looksBinary(data []byte) bool {
	ctrl := 0
	for _, b := range data {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' && b != 0x1b {
			ctrl++
		}
	}
	return ctrl*20 > len(data)
}

func isASCIIUpper(b []byte) bool {
	for _, c := range b {
		if (c < 'A' || c > 'Z') && c != ' ' {
			return false
		}
	}
	return true
}

// mediaType returns the lower-case media type of a Content-Type value.
func mediaType(contentType string) string {
	if contentType == "" {
		return ""
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// charsetParam returns the charset parameter of a Content-Type value.
func charsetParam(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}
